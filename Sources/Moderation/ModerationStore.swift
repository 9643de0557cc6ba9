import Community
import Foundation

/// Storage behind moderation: rules documents, trust, decisions and merchants' records.
package protocol ModerationStore: Sendable {
    /// The zone's edited rules as JSON, or nil while it uses its defaults.
    func rulesDocument(zone: Zone.ID) async throws -> String?
    func setRulesDocument(_ json: String, zone: Zone.ID, by actor: User.ID, at date: Date) async throws
    func setTrust(_ setting: TrustSetting?, merchant: Merchant.ID, zone: Zone.ID, by actor: User.ID, at date: Date)
        async throws
    /// The merchant's record in the zone; `weekStart` bounds the weekly count.
    func record(merchant: Merchant.ID, zone: Zone.ID, weekStart: Date) async throws -> MerchantRecord
    /// Moves the post from `expected` to `status` and records the decision, in one transaction. When the post is no
    /// longer `expected`, fails with `already_decided` naming who decided last.
    func decide(
        _ post: Post.ID, expected: PostStatus, to status: PostStatus, action: DecisionAction, reason: ReasonCode?,
        note: String?, by moderator: User.ID, at date: Date
    ) async throws -> Decision
    func decisions(post: Post.ID) async throws -> [Decision]
    /// The zone's held posts, oldest first.
    func queue(zone: Zone.ID, limit: Int) async throws -> [Post]
    func auditLog(zone: Zone.ID, limit: Int) async throws -> [AuditLine]
    /// Records a report (one per person per post, else `already_reported`); when the post reaches `threshold`
    /// distinct reports while published, it is held for an admin in the same transaction. Returns whether it was.
    func report(
        _ post: Post.ID, by reporter: User.ID, reason: ReportReason, note: String?, threshold: Int, at date: Date
    ) async throws -> Bool
    func reports(post: Post.ID) async throws -> [Report]
    /// The reports `reporter` filed, oldest first.
    func reports(by reporter: User.ID) async throws -> [Report]
    /// Monthly counts, newest month first.
    func transparency(zone: Zone.ID) async throws -> [TransparencyMonth]
    func statements(zone: Zone.ID, limit: Int) async throws -> [StatementOfReasons]
}

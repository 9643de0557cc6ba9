import Community
import Foundation
import Storage

/// Evaluates a zone's rules on a submission: pure, so every rule is tested without a database.
package enum RuleEngine {
    /// The verdict, with every rule that fired (as reason codes admins read in the queue).
    package static func evaluate(
        _ content: PostContent, policy: ZoneDefinition.ModerationPolicy, rules: ScreeningRules, record: MerchantRecord
    ) -> ScreeningDecision {
        let text = " \((content.title + " " + content.body).folded) "
        var holds: [HoldReason] = []
        var flags: [HoldReason] = []
        for term in rules.watchedTerms where text.contains(" \(term.term.folded) ") {
            switch term.action {
            case .block:
                // The admin's message is in the zone's own words, and read as written in both languages.
                return .block(
                    message: term.message ?? "This post cannot be published.",
                    french: term.message ?? "Cette publication ne peut pas être publiée dans cette zone.")
            case .hold: holds.append(.watchedTerm(term.term))
            case .flag: flags.append(.flaggedTerm(term.term))
            }
        }
        if record.submittedThisWeek >= rules.weeklyQuota {
            let quota = rules.weeklyQuota
            return .block(
                message: "weekly quota reached: \(quota) \(quota == 1 ? "post" : "posts") per week in this zone",
                french: "Limite atteinte : \(quota) \(quota == 1 ? "publication" : "publications") par semaine "
                    + "dans cette zone. Vous pourrez publier à nouveau lundi.")
        }
        if links(in: content) > rules.maxLinks { holds.append(.tooManyLinks) }
        if rules.holdOnContactChange && record.contactChangedSinceApproval { holds.append(.contactDetailsChanged) }
        let vouched = record.trust == .granted
        if record.trust == .revoked { holds.append(.trustRevoked) }
        if !vouched && record.approved < rules.holdFirstPosts { holds.append(.newMerchant) }
        let trusted = vouched || (record.trust == nil && record.approvalStreak >= rules.trustAfterApproved)
        if holds.isEmpty && policy == .review && !trusted { holds.append(.zonePolicyReview) }
        if !holds.isEmpty { return .hold(reasons: (holds + flags).map(\.stored)) }
        return flags.isEmpty ? .publish : .publishFlagged(reasons: flags.map(\.stored))
    }

    /// Web addresses in the title and body.
    static func links(in content: PostContent) -> Int {
        (content.title + " " + content.body).components(separatedBy: "://").count - 1
    }
}

import Catalogue
import Community
import Directory
import Membership
import Moderation
import Orders
import Photos
import PopUps

/// What an audit log line's action says to the person reading it: every target's actions by their stored name.
enum AuditActionText {
    static let all: [any AuditAction] =
        CommunityAuditAction.allCases + ModerationAuditAction.all + PopUpAuditAction.all
        + DirectoryAuditAction.allCases + MembershipAuditAction.allCases + CatalogueAuditAction.allCases
        + OrdersAuditAction.allCases + PhotoAuditAction.allCases

    static let actions: [String: any AuditAction] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The action's text in the reader's language; an action this version does not know keeps its stored name.
    static func text(_ name: String, _ t: Language) -> String {
        guard let action = actions[name] else { return name }
        return t(action.french, action.english)
    }
}

import Community
import Foundation

/// Someone a notice goes to: an active account's address and name.
package struct NoticePerson: Equatable, Sendable {
    package let id: User.ID
    package let email: String
    package let name: String

    package init(id: User.ID, email: String, name: String) {
        self.id = id
        self.email = email
        self.name = name
    }
}

/// Who a person is, for the preference page: the kinds they may receive follow from it.
package struct NoticeProfile: Equatable, Sendable {
    package let person: NoticePerson
    package let role: Role
    package let organiser: Bool
    package let merchant: Bool

    /// The kinds this person may receive, in page order.
    package var kinds: [NoticeKind] { NoticeKind.kinds(for: role, organiser: organiser, merchant: merchant) }
}

/// A post waiting in a zone's review queue.
package struct HeldItem: Equatable, Sendable {
    package let post: Post.ID
    package let zone: Zone.ID
    package let title: String
    package let merchantName: String
    /// When it entered the queue (the post's last change), which the queue's waiting time counts from.
    package let heldSince: Date
    /// Hidden because enough people reported it, rather than held by the zone's rules.
    package let byReports: Bool
}

/// A merchant's sign-up waiting for a zone admin's approval.
package struct WaitingSignUp: Equatable, Sendable {
    package let user: User.ID
    package let zone: Zone.ID
    package let shopName: String
    package let verifiedAt: Date
}

/// A booking's latest state, for its venue's organisers.
package struct BookingEvent: Equatable, Sendable {
    package let booking: Int64
    package let sequence: Int
    package let status: String
    package let zone: Zone.ID
    package let slot: Int64
    package let venueName: String
    package let merchantName: String
    package let startsAt: Date
    package let timeZone: String
    package let updatedAt: Date
    /// Who made this change (nil: the hub itself); they are not told of their own action.
    package let changedBy: User.ID?
}

/// A decided market application, for its merchant's owner.
package struct MarketDecisionEvent: Equatable, Sendable {
    package let application: Int64
    package let marketTitle: String
    package let marketSlug: String
    package let approved: Bool
    package let owner: User.ID
    package let decidedAt: Date
    /// Why it was refused, as the zone's admin wrote it.
    package let reason: String?
}

/// A market whose applications are open.
package struct MarketOpeningEvent: Equatable, Sendable {
    package let market: Int64
    package let zone: Zone.ID
    package let title: String
    package let slug: String
    package let opensAt: Date
    package let closesAt: Date
}

import Community
import Foundation

/// What a resident types to join: an address, a password, and the name shown on what they do (a first name or a
/// pseudonym is enough).
package struct ResidentSignUp: Sendable, Equatable {
    package var email: String
    package var password: String
    package var displayName: String

    package init(email: String, password: String, displayName: String) {
        self.email = email
        self.password = password
        self.displayName = displayName
    }
}

/// What deleting an account did, for the page that confirms it and for the tests.
package struct AccountDeletion: Sendable, Equatable {
    /// Posts taken off the hub (drafts, waiting and published alike).
    package var postsWithdrawn: Int
    /// The person's shops, hidden from every public list.
    package var listingsHidden: Int
    /// Digest subscriptions of the address, ended.
    package var subscriptionsEnded: Int

    package init(postsWithdrawn: Int, listingsHidden: Int, subscriptionsEnded: Int) {
        self.postsWithdrawn = postsWithdrawn
        self.listingsHidden = listingsHidden
        self.subscriptionsEnded = subscriptionsEnded
    }
}

/// Work another feature does for a person who deletes their account, before the account is emptied: the pop-ups
/// cancel their shops' coming bookings (so that a waiting merchant is offered the place). Implemented above
/// Membership and handed to `MembershipService`; each run must be safe to repeat, as a failed deletion is tried
/// again.
package protocol AccountDeparture: Sendable {
    func leave(_ user: User, shops: [Merchant]) async throws
}

import Community
import Foundation

/// A mail that joining sends. The links' tokens are in the clear only here, on their way to the person.
package enum MembershipNotice: Sendable, Equatable {
    /// The link that confirms a new account's address.
    case confirmAddress(email: String, token: String, shopName: String)
    /// Someone signed up with an address that already has an account: a way in instead of a second account.
    case alreadyRegistered(email: String)
    /// The link that sets a new password.
    case resetPassword(email: String, token: String)
    /// To a zone's admins: a confirmed sign-up waits for them.
    case signUpWaiting(admins: [String], record: SignUpRecord, zone: Zone)
    /// The link that confirms an account's new address, sent to that address.
    case confirmNewEmail(email: String, token: String)
    /// To the old address: the account is moving to another one.
    case emailChanging(previous: String, newEmail: String)
    case signUpApproved(email: String, shopName: String, merchantSlug: String)
    case signUpRefused(email: String, shopName: String, reason: String)
}

/// Sends joining's mail; implemented over the mail outbox by the executable's wiring.
package protocol MembershipNotifier: Sendable {
    func send(_ notice: MembershipNotice) async throws
}

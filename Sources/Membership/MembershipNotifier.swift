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
    /// An invitation's single-use link, to the invited address; `hasAccount` when the address already has an
    /// account (the role is then added to it after signing in).
    case invitation(email: String, token: String, role: InvitedRole, zone: Zone, inviter: String, hasAccount: Bool)
    /// To a listing's own address: the link that hands the listing to the account that asked (`claimant`).
    case claimLink(email: String, token: String, listing: String, claimant: String)
    /// To the zones' admins: a merchant asks to take a listing over.
    case claimWaiting(admins: [String], listing: String, zone: Zone, claim: ListingClaim.ID)
    /// To the claimant: the listing is theirs.
    case claimApproved(email: String, listing: String, merchantSlug: String)
    /// To the claimant: the zone's team said no, or another claim won.
    case claimRefused(email: String, listing: String, reason: String)
    /// The link that confirms a resident's new account.
    case confirmResident(email: String, token: String)
    /// To the address of an account just deleted: what was done, the last mail it gets.
    case accountDeleted(email: String, deletion: AccountDeletion)
}

/// Sends joining's mail; implemented over the mail outbox by the executable's wiring.
package protocol MembershipNotifier: Sendable {
    func send(_ notice: MembershipNotice) async throws
}

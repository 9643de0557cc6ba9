import Community
import Foundation

/// Storage of sign-ups and of the single-use links mailed to people (kept as digests, never as the token itself).
package protocol MembershipStore: Sendable {
    /// Stores an unverified merchant account, its sign-up and its verification link's digest, together; fails
    /// with `email_taken` when an account already uses the address.
    func createSignUp(
        _ account: NewAccount, shop: ShopRequest, token: String, expiresAt: Date, at date: Date
    ) async throws -> User
    /// Stores a new link for `user`; earlier unused links of the same purpose stop working.
    func issueToken(_ digest: String, purpose: AccountTokenPurpose, user: User.ID, expiresAt: Date, at date: Date)
        async throws
    /// The account a live link belongs to, without using the link.
    func tokenOwner(_ digest: String, purpose: AccountTokenPurpose, now: Date) async throws -> User.ID?
    func signUp(user: User.ID) async throws -> SignUpRecord?
    /// Uses a verification link: the account becomes active with `merchant` stored as its shop, or pending (waiting
    /// for a zone admin) when `merchant` is nil. Fails with `link_invalid` when the link is no longer live.
    func confirm(_ digest: String, user: User.ID, merchant: NewMerchant?, now: Date) async throws -> User
    /// A zone admin approves a pending sign-up: the account becomes active and its shop is stored.
    func approve(user: User.ID, merchant: NewMerchant, by actor: User.ID, at date: Date) async throws -> Merchant
    /// A zone admin refuses a pending sign-up, with the reason the person is told.
    func refuse(user: User.ID, reason: String, by actor: User.ID, at date: Date) async throws
    /// Confirmed sign-ups waiting for a decision, oldest first; in `zones` only, when given.
    func pendingSignUps(zones: Set<Zone.ID>?) async throws -> [SignUpRecord]
    /// Stores a link that moves `user` to `newEmail`; an earlier one stops working.
    func issueEmailChange(_ digest: String, user: User.ID, newEmail: String, expiresAt: Date, at date: Date)
        async throws
    /// Uses an address link: the account's address becomes the new one. Fails with `link_invalid` when the link is
    /// no longer live, and with `email_taken` when another account took the address meanwhile.
    func changeEmail(_ digest: String, now: Date) async throws -> (user: User, previous: String)
    /// Uses a reset link: sets the password and ends every session. Fails with `link_invalid` when the link is no
    /// longer live.
    func resetPassword(_ digest: String, hash: String, now: Date) async throws -> User
    /// Stores an unverified resident's account and its verification link's digest, together; fails with
    /// `email_taken` when an account already uses the address.
    func createResident(_ account: NewAccount, token: String, expiresAt: Date, at date: Date) async throws -> User
    /// Uses a resident's verification link: the account becomes active, and the digest subscription of its
    /// address (if any) is attached to it. Fails with `link_invalid` when the link is no longer live.
    func confirmResident(_ digest: String, user: User.ID, now: Date) async throws -> User
    /// Deletes an account, in one transaction: the row keeps its id (the audit log is append-only and names
    /// people by id) but loses the address, name and password; sessions, links and roles go; posts are withdrawn;
    /// the person's own shops are hidden and their contact details cleared (listings imported by an admin stay
    /// listed, to be claimed); the address's digest subscription ends, its consent record kept as proof.
    func deleteAccount(_ user: User.ID, at date: Date) async throws -> AccountDeletion
}

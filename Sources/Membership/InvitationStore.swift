import Community
import Foundation

/// Storage of invitations; each write is one transaction with its audit entry inside.
package protocol InvitationStore: Sendable {
    /// Stores an invitation whose link has `digest`. A live invitation of the same address, zone and role is
    /// replaced (its link stops working) rather than doubled. Audited as `invitation.send`.
    func invite(
        email: String, role: InvitedRole, zone: Zone.ID, digest: String, by actor: User.ID, expiresAt: Date,
        at date: Date
    ) async throws -> Invitation
    func invitation(id: Invitation.ID) async throws -> Invitation?
    /// The invitation whose link has `digest`, whatever its state.
    func invitation(digest: String) async throws -> Invitation?
    /// Invitations newest first; of `zone` only, when given.
    func invitations(zone: Zone.ID?, limit: Int) async throws -> [Invitation]
    /// Revokes a pending invitation; fails with `invitation_not_live` when it was accepted, revoked or expired.
    func revoke(_ id: Invitation.ID, by actor: User.ID, at date: Date) async throws -> Invitation
    /// Uses a live link for a new account: stores the account (active, with `account.role`), gives it the invited
    /// role in the zone (and stores `merchant`, for a merchant), and marks the invitation accepted, together. Fails
    /// with `invitation_invalid` unless the link is live, and with `email_taken` when the address has an account.
    func acceptWithNewAccount(_ digest: String, account: NewAccount, merchant: NewMerchant?, now: Date) async throws
        -> User
    /// Uses a live link for `user`'s existing account (whose address is the invited one): the invited role is added
    /// to it (`role` becomes the account's role; `merchant` is stored for a merchant). Fails with
    /// `invitation_invalid` unless the link is live.
    func acceptWithAccount(_ digest: String, user: User.ID, role: Role, merchant: NewMerchant?, now: Date)
        async throws -> User
}

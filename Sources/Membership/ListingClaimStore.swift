import Community
import Foundation

/// Storage of listing claims. Each write is one transaction with its audit entries; a listing changes owner only
/// while it is claimable, so that of two claims decided at once exactly one wins.
package protocol ListingClaimStore: Sendable {
    /// Stores a claim of `merchant` by `user`; the person's earlier open claim of the listing is withdrawn (the
    /// newer request replaces it, and an earlier link stops working). Fails with `listing_not_claimable` when the
    /// listing has an owner.
    func open(
        merchant: Merchant.ID, user: User.ID, method: ClaimMethod, digest: String?, expiresAt: Date?, siret: String?,
        message: String?, at date: Date
    ) async throws -> ListingClaim
    func claim(id: ListingClaim.ID) async throws -> ListingClaim?
    /// The open claim of `merchant` by `user`, if any.
    func openClaim(merchant: Merchant.ID, user: User.ID) async throws -> ListingClaim?
    /// Uses a mailed link for `user`: the listing becomes theirs. Fails with `link_invalid` when the link is
    /// unknown, used, replaced or expired, with `claim_other_account` when another account asked for it, and with
    /// `listing_not_claimable` when the listing found its owner meanwhile.
    func useLink(_ digest: String, user: User.ID, now: Date) async throws -> ClaimTransfer
    /// A zone admin approves an open request: the listing becomes the claimant's. Fails with `claim_decided` or
    /// `listing_not_claimable`.
    func approve(_ claim: ListingClaim.ID, by actor: User.ID, at date: Date) async throws -> ClaimTransfer
    /// A zone admin refuses an open request, with the reason the claimant reads. Fails with `claim_decided`.
    func refuse(_ claim: ListingClaim.ID, reason: String, by actor: User.ID, at date: Date) async throws
        -> ListingClaim
    /// Open requests to the team for claimable listings of `zone`, oldest first.
    func pendingReviews(zone: Zone.ID) async throws -> [ClaimReview]
}

import Community
import Foundation

/// How a merchant asks to take over a listing nobody owns yet.
package enum ClaimMethod: String, Sendable, CaseIterable {
    /// A single-use link mailed to the listing's own address.
    case email
    /// A request with the shop's SIRET that a zone admin decides.
    case review
}

/// How a claim ended.
package enum ClaimOutcome: String, Sendable, CaseIterable {
    /// The claimant became the listing's owner.
    case approved
    /// A zone admin said no, or another claim of the listing won.
    case refused
    /// The claimant asked again (the newer request replaces it).
    case withdrawn
}

/// A request to become the owner of an imported or admin-created listing, as stored.
package struct ListingClaim: Sendable, Equatable, Identifiable {
    package typealias ID = Identifier<ListingClaim>

    package let id: ID
    package let merchantID: Merchant.ID
    package let userID: User.ID
    package let method: ClaimMethod
    /// The claimant's SIRET, for a request to the zone's team.
    package let siret: String?
    /// What the claimant wrote to the zone's team.
    package let message: String?
    package let createdAt: Date
    /// When a mailed link stops working.
    package let expiresAt: Date?
    package let decidedAt: Date?
    package let decidedBy: User.ID?
    package let outcome: ClaimOutcome?
    /// Why it was refused, as the claimant reads it.
    package let reason: String?

    package init(
        id: ID, merchantID: Merchant.ID, userID: User.ID, method: ClaimMethod, siret: String?, message: String?,
        createdAt: Date, expiresAt: Date?, decidedAt: Date? = nil, decidedBy: User.ID? = nil,
        outcome: ClaimOutcome? = nil, reason: String? = nil
    ) {
        self.id = id
        self.merchantID = merchantID
        self.userID = userID
        self.method = method
        self.siret = siret
        self.message = message
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.outcome = outcome
        self.reason = reason
    }

    /// Still waiting for a link to be used or an admin to decide.
    package var isOpen: Bool { decidedAt == nil }
}

/// A request to the zone's team with what an admin needs to decide it: the listing and who asks.
package struct ClaimReview: Sendable, Equatable, Identifiable {
    package var id: ListingClaim.ID { claim.id }
    package let claim: ListingClaim
    package let merchant: Merchant
    package let claimant: User

    package init(claim: ListingClaim, merchant: Merchant, claimant: User) {
        self.claim = claim
        self.merchant = merchant
        self.claimant = claimant
    }
}

/// What the claim page shows a person: the listing, and their own open claim of it if any.
package struct ClaimSituation: Sendable, Equatable {
    package let merchant: Merchant
    package let openClaim: ListingClaim?
    /// The listing's address, masked (`c•••@boulangerie.fr`), when a link can be mailed to it.
    package let maskedEmail: String?

    package init(merchant: Merchant, openClaim: ListingClaim?, maskedEmail: String?) {
        self.merchant = merchant
        self.openClaim = openClaim
        self.maskedEmail = maskedEmail
    }
}

/// What a claim that just made someone the owner closed: the listing, and the other claimants' open claims.
package struct ClaimTransfer: Sendable, Equatable {
    package let merchant: Merchant
    package let claim: ListingClaim
    /// The other open claims of the listing, now refused (their claimants are told when they asked the team).
    package let closed: [ListingClaim]

    package init(merchant: Merchant, claim: ListingClaim, closed: [ListingClaim]) {
        self.merchant = merchant
        self.claim = claim
        self.closed = closed
    }
}

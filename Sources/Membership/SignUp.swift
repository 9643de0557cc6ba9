import Community
import Foundation

/// What a merchant types to join: their account and the shop it is for.
package struct MerchantSignUp: Sendable, Equatable {
    package var email: String
    package var password: String
    package var shopName: String
    package var category: String
    /// The zone, and the commune of the shop in it.
    package var zoneSlug: String
    package var commune: String
    package var postcode: String

    package init(
        email: String, password: String, shopName: String, category: String, zoneSlug: String, commune: String,
        postcode: String
    ) {
        self.email = email
        self.password = password
        self.shopName = shopName
        self.category = category
        self.zoneSlug = zoneSlug
        self.commune = commune
        self.postcode = postcode
    }
}

/// The shop a sign-up asks for, checked; it becomes a merchant profile when the account is approved.
package struct ShopRequest: Sendable, Equatable {
    package var name: String
    package var category: Category
    package var zoneID: Zone.ID
    package var commune: String
    package var postcode: String

    package init(name: String, category: Category, zoneID: Zone.ID, commune: String, postcode: String) {
        self.name = name
        self.category = category
        self.zoneID = zoneID
        self.commune = commune
        self.postcode = postcode
    }
}

/// A merchant's sign-up as stored, for the zone admins' queue and for approval.
package struct SignUpRecord: Sendable, Equatable, Identifiable {
    package var id: User.ID { user.id }
    package let user: User
    package let shop: ShopRequest
    package let createdAt: Date
    /// When the address was confirmed; nil while it is not.
    package let verifiedAt: Date?
    package let decidedAt: Date?
    package let merchantID: Merchant.ID?
    package let reason: String?

    package init(
        user: User, shop: ShopRequest, createdAt: Date, verifiedAt: Date?, decidedAt: Date?, merchantID: Merchant.ID?,
        reason: String?
    ) {
        self.user = user
        self.shop = shop
        self.createdAt = createdAt
        self.verifiedAt = verifiedAt
        self.decidedAt = decidedAt
        self.merchantID = merchantID
        self.reason = reason
    }
}

/// What a single-use link mailed to a person is for.
package enum AccountTokenPurpose: String, Sendable, CaseIterable {
    /// Confirms the address of a new account.
    case verify
    /// Sets a new password.
    case reset
    /// Moves the account to a new address (`newEmail`), once that address is confirmed.
    case email
}

/// A merchant profile ready to be stored when an account is approved: checked, with its slug.
package struct NewMerchant: Sendable {
    package var slug: String
    package var profile: MerchantProfile
    package var zoneIDs: [Zone.ID]

    package init(slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID]) {
        self.slug = slug
        self.profile = profile
        self.zoneIDs = zoneIDs
    }
}

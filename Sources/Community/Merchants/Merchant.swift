import Foundation

/// A merchant's public profile: a shop, a craftsperson, a market trader.
package struct Merchant: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<Merchant>

    package let id: ID
    package let ownerID: User.ID
    package let slug: String
    package let profile: MerchantProfile
    package let zoneIDs: [Zone.ID]
    package let createdAt: Date
    package let updatedAt: Date
    /// When its merchant last edited or confirmed the listing (an edit by someone else does not count).
    package let confirmedAt: Date?
    /// When the listing was taken off every public list (its owner deleted their account); nil while it is shown.
    package let hiddenAt: Date?
    /// Whether its shop can still take it over (it was imported, or created by an admin or an operator).
    package let claimable: Bool

    package init(
        id: ID, ownerID: User.ID, slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID], createdAt: Date,
        updatedAt: Date, confirmedAt: Date? = nil, hiddenAt: Date? = nil, claimable: Bool = false
    ) {
        self.id = id
        self.ownerID = ownerID
        self.slug = slug
        self.profile = profile
        self.zoneIDs = zoneIDs
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.confirmedAt = confirmedAt
        self.hiddenAt = hiddenAt
        self.claimable = claimable
    }

    package var name: String { profile.name }
}

extension MerchantProfile {
    /// How customers reach the merchant: a change here is worth a second look before the next post goes out.
    package var contactDetails: [String?] {
        [address, postcode, commune, phone, email, website] + links.map { $0 }
    }
}

/// The fields a merchant edits; validated by `MerchantService` before they are stored.
package struct MerchantProfile: Codable, Equatable, Sendable {
    package var name: String
    package var description: String
    package var categories: [Category]
    package var commune: String
    package var postcode: String
    package var address: String
    package var phone: String?
    package var email: String?
    package var website: String?
    /// Links to the merchant's existing e-shops and marketplace pages.
    package var links: [String]
    /// OpenStreetMap `opening_hours` syntax, e.g. "Tu-Sa 09:00-19:00; PH off" (see `OpeningHours`).
    package var openingHours: String?
    package var siret: String?
    /// Slugs of the zones the merchant belongs to; its commune must lie in each.
    package var zones: [String]

    package init(
        name: String, description: String = "", categories: [Category], commune: String, postcode: String,
        address: String = "", phone: String? = nil, email: String? = nil, website: String? = nil, links: [String] = [],
        openingHours: String? = nil, siret: String? = nil, zones: [String]
    ) {
        self.name = name
        self.description = description
        self.categories = categories
        self.commune = commune
        self.postcode = postcode
        self.address = address
        self.phone = phone
        self.email = email
        self.website = website
        self.links = links
        self.openingHours = openingHours
        self.siret = siret
        self.zones = zones
    }
}

import Community
import Foundation

/// A place of the hub that shows one photo: a pop-up venue or a seasonal market. Built by whoever knows the place
/// (its zone for the audit log, the subject the log names it by); this target knows neither venues nor markets.
package struct PhotoPlace: Sendable, Hashable {
    /// What kind of place it is, and so which table holds its photo.
    package enum Kind: String, Sendable, CaseIterable {
        case venue, market
    }

    package let kind: Kind
    /// The venue's or the market's identifier.
    package let id: Int64
    package let zoneID: Zone.ID
    /// How the audit log names it: `popUpVenue:<id>` or `market:<slug>`.
    package let subject: String

    /// A pop-up venue, by its identifier.
    package static func venue(_ id: Int64, zone: Zone.ID) -> PhotoPlace {
        PhotoPlace(kind: .venue, id: id, zoneID: zone, subject: "popUpVenue:\(id)")
    }

    /// A seasonal market, by its identifier and slug.
    package static func market(_ id: Int64, slug: String, zone: Zone.ID) -> PhotoPlace {
        PhotoPlace(kind: .market, id: id, zoneID: zone, subject: "market:\(slug)")
    }
}

/// Who may change a place's photo: a venue's organisers, a market's zone admins. Implemented above this target, by
/// the composition that knows organisers.
package protocol PhotoPlaceEditors: Sendable {
    func mayEdit(_ place: PhotoPlace, _ user: User) async throws -> Bool
}

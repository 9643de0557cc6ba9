import Foundation

/// A community zone (an "Aime ma Zone" area) as stored: its definition comes from `zones/<slug>.json`.
package struct Zone: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<Zone>

    package let id: ID
    package let slug: String
    package let definition: ZoneDefinition
    /// Set when the zone's file was removed: the zone leaves listings, its posts stay.
    package let retiredAt: Date?

    package init(id: ID, slug: String, definition: ZoneDefinition, retiredAt: Date?) {
        self.id = id
        self.slug = slug
        self.definition = definition
        self.retiredAt = retiredAt
    }

    package var name: String { definition.name }
    package var isRetired: Bool { retiredAt != nil }
}

/// A commune of a zone matched by a resident's search.
package struct CommuneMatch: Equatable, Sendable {
    package let commune: String
    package let postcode: String
    package let zoneSlug: String
    package let zoneName: String

    package init(commune: String, postcode: String, zoneSlug: String, zoneName: String) {
        self.commune = commune
        self.postcode = postcode
        self.zoneSlug = zoneSlug
        self.zoneName = zoneName
    }
}

/// What `zones sync` changed.
package struct ZoneSyncReport: Equatable, Sendable {
    package var added: [String] = []
    package var updated: [String] = []
    package var retired: [String] = []
    package var unchanged: [String] = []

    package init() {}
}

import Foundation
import Storage

/// Zones: keeping them in step with their files, and helping residents find theirs.
package struct ZoneService: Sendable {
    let zones: any ZoneStore
    let clock: any HubClock

    package init(zones: any ZoneStore, clock: any HubClock) {
        self.zones = zones
        self.clock = clock
    }

    /// Reconciles the stored zones with `catalog`: adds, updates, retires (never deleting posts); idempotent.
    package func sync(_ catalog: ZoneCatalog) async throws -> ZoneSyncReport {
        try await zones.sync(catalog.definitions, at: clock.now())
    }

    /// The zones residents can browse.
    package func active() async throws -> [Zone] {
        try await zones.zones(includeRetired: false)
    }

    /// The active zone with `slug`, or `zone_not_found`.
    package func zone(slug: String) async throws -> Zone {
        guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
            throw CommunityNotFound.zone.notFound
        }
        return zone
    }

    /// Finds communes by postcode (or its beginning) or by name, accents and case ignored.
    package func find(_ query: String, limit: Int = 20) async throws -> [CommuneMatch] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 80 else {
            throw CommunityField.q.invalid("type a postcode or a commune name (at most 80 characters)")
        }
        if trimmed.allSatisfy(\.isNumber) {
            guard trimmed.count >= 2, trimmed.count <= 5, trimmed.allSatisfy(\.isASCII) else {
                throw CommunityField.q.invalid("a postcode has five digits")
            }
            return try await zones.communes(postcodePrefix: trimmed, folded: nil, limit: limit)
        }
        let folded = trimmed.folded
        guard folded.count >= 2 else { throw CommunityField.q.invalid("type at least two letters") }
        return try await zones.communes(postcodePrefix: nil, folded: folded, limit: limit)
    }
}

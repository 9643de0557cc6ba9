import Foundation
import Storage

/// Storage of zones and their communes.
package protocol ZoneStore: Sendable {
    /// Makes the stored zones match `definitions` (keyed by slug): adds, updates, retires, revives; one transaction.
    func sync(_ definitions: [String: ZoneDefinition], at date: Date) async throws -> ZoneSyncReport
    func zones(includeRetired: Bool) async throws -> [Zone]
    func zone(slug: String) async throws -> Zone?
    func zone(id: Zone.ID) async throws -> Zone?
    /// Communes of active zones whose postcode starts with `postcodePrefix` or whose folded name contains `folded`.
    func communes(postcodePrefix: String?, folded: String?, limit: Int) async throws -> [CommuneMatch]
}

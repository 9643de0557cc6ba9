import Community
import Foundation

/// Zones as mail rendering reads them, kept for a minute: a digest run renders many thousands of messages over
/// the same four zones, and decoding a zone's definition for each would cost more than rendering the message.
final class RecentZones: @unchecked Sendable {
    private let zones: any ZoneStore
    private let clock: any HubClock
    private let lifetime: TimeInterval
    private let lock = NSLock()
    private var kept: [Zone.ID: (zone: Zone?, readAt: Date)] = [:]

    init(zones: any ZoneStore, clock: any HubClock, lifetime: TimeInterval = 60) {
        self.zones = zones
        self.clock = clock
        self.lifetime = lifetime
    }

    /// The zone with `id`, read again when the kept copy is older than the lifetime.
    func zone(id: Zone.ID) async throws -> Zone? {
        let now = clock.now()
        if let entry = lock.withLock({ kept[id] }), now.timeIntervalSince(entry.readAt) < lifetime {
            return entry.zone
        }
        let zone = try await zones.zone(id: id)
        lock.withLock { kept[id] = (zone, now) }
        return zone
    }
}

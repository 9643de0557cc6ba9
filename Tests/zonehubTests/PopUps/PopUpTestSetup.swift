import Community
import Foundation
import HubTestSupport
import PopUps

@testable import zonehub

/// A Dordogne venue with one slot, run by a fresh organiser, on a `TestApp` whose clock is fixed.
struct PopUpSetup {
    let app: TestApp
    let clock: FixedClock
    let organiser: (user: User, token: String)
    let venue: PopUpVenue
    let slot: PopUpSlot

    init(capacity: Int = 5, needsApproval: Bool = false, onDisk: Bool = false) async throws {
        let clock = FixedClock()
        self.clock = clock
        app = try await TestApp(clock: clock, onDisk: onDisk)
        let admin = try await app.account("admin-dordogne@example.org", role: .zoneAdmin, zones: ["dordogne"])
        organiser = try await app.account("orga@example.org", role: .resident)
        _ = try await app.hub.popUps.venues.grantOrganiser(
            email: organiser.user.email, zoneSlug: "dordogne", by: admin.user)
        venue = try await app.hub.popUps.venues.createVenue(
            zoneSlug: "dordogne",
            details: PopUpVenueDetails(
                name: "La Halle de Bergerac", address: "Place du Marché", commune: "Bergerac", capacity: capacity,
                needsApproval: needsApproval),
            by: organiser.user)
        slot = try await app.hub.popUps.venues.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")),
            by: organiser.user)
    }
}

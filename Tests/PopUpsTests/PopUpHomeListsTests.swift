import Community
import Foundation
import HubTestSupport
import PopUps
import Testing

/// What the hub's header and home page ask of pop-up shops, on both engines: the zones a person organises, and the
/// coming open slots of every zone, soonest first and bounded.
@Suite struct PopUpHomeListsTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
    }

    @Test func theZonesAPersonOrganisesAreTheirGrantsOnly() async throws {
        let (_, organiser) = try await hub.venue()
        let alpha = try #require(try await hub.zoneStore.zone(slug: "alpha"))
        #expect(try await hub.popUps.organisedZones(organiser) == [alpha.id])
        let betaAdmin = try await hub.user("beta-admin@example.org", role: .zoneAdmin, zones: ["beta"])
        #expect(try await hub.popUps.organisedZones(betaAdmin).isEmpty)
        _ = try await hub.popUps.grantOrganiser(email: organiser.email, zoneSlug: "beta", by: betaAdmin)
        let beta = try #require(try await hub.zoneStore.zone(slug: "beta"))
        #expect(try await hub.popUps.organisedZones(organiser) == [alpha.id, beta.id])
    }

    @Test func upcomingListsOpenSlotsNotEndedSoonestFirstUpToTheLimit() async throws {
        let (venue, organiser) = try await hub.venue()
        // The clock stands at Saturday 14 March 2026, 11:00 in Paris.
        func slot(_ start: String, _ end: String) async throws -> PopUpSlot {
            try await hub.popUps.createSlot(
                venue: venue.id, PopUpSlotDraft(start: .at(start), end: .at(end)), by: organiser)
        }
        let over = try await slot("2026-03-14T12:00", "2026-03-14T13:00")
        let ongoing = try await slot("2026-03-14T12:00", "2026-03-14T20:00")
        let cancelled = try await slot("2026-03-15T09:00", "2026-03-15T18:00")
        let later = try await slot("2026-03-28T09:00", "2026-03-28T18:00")
        let next = try await slot("2026-03-21T09:00", "2026-03-21T18:00")
        _ = try await hub.popUps.cancelSlot(cancelled.id, reason: "Travaux", by: organiser)
        hub.clock.advance(by: 3 * 3600)  // 14:00 in Paris: the first slot is over, the second is on
        #expect(try await hub.popUps.upcoming(limit: 2).map(\.id) == [ongoing.id, next.id])
        #expect(try await hub.popUps.upcoming(limit: 10).map(\.id) == [ongoing.id, next.id, later.id])
        #expect(over.endsAt < hub.clock.now())
    }
}

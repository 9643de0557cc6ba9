import Community
import Foundation
import HubTestSupport
import PopUps
import Testing

/// What the organisers' and zone admins' pages ask of the services: waiting requests across the zones someone
/// organises, a zone's organisers, a series, and every problem of a venue's details at once.
@Suite struct PopUpOrganisingTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
    }

    func slot(_ venue: PopUpVenue, _ organiser: User, day: String = "2026-03-21") async throws -> PopUpSlot {
        try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("\(day)T09:00"), end: .at("\(day)T18:00")), by: organiser)
    }

    @Test func anOrganiserSeesTheRequestsOfTheZonesTheyOrganiseOldestFirst() async throws {
        let (venue, organiser) = try await hub.venue(needsApproval: true)
        let later = try await slot(venue, organiser, day: "2026-03-28")
        let sooner = try await slot(venue, organiser, day: "2026-03-21")
        let shops = try await hub.merchants(3)
        // Booked in this order: the later slot first, so the page's order is the requests' and not the slots'.
        let first = try await hub.bookings.book(
            later.id, merchantSlug: shops[0].merchant.slug, waitlist: false, by: shops[0].owner)
        hub.clock.advance(by: 60)
        let second = try await hub.bookings.book(
            sooner.id, merchantSlug: shops[1].merchant.slug, waitlist: false, by: shops[1].owner)
        hub.clock.advance(by: 60)
        let answered = try await hub.bookings.book(
            sooner.id, merchantSlug: shops[2].merchant.slug, waitlist: false, by: shops[2].owner)
        _ = try await hub.bookings.approve(answered.id, by: organiser)

        let requests = try await hub.bookings.requests(by: organiser)
        #expect(requests.map(\.booking.id) == [first.id, second.id])
        #expect(requests.map(\.venue.name) == ["La Halle", "La Halle"])
        #expect(requests.map(\.slot.id) == [later.id, sooner.id])

        // Someone who organises another zone sees none of them; a resident organises nothing.
        let admin = try await hub.user("admin-beta@example.org", role: .zoneAdmin, zones: ["beta"])
        let other = try await hub.user("orga-beta@example.org", role: .resident)
        _ = try await hub.popUps.grantOrganiser(email: other.email, zoneSlug: "beta", by: admin)
        #expect(try await hub.bookings.requests(by: other).isEmpty)
        #expect(try await hub.bookings.requests(by: admin).isEmpty)
        #expect(try await hub.bookings.requests(by: shops[0].owner).isEmpty)
        let operatorUser = try await hub.user("operator@example.org", role: .hubOperator)
        #expect(try await hub.bookings.requests(by: operatorUser).count == 2)

        // A slot that has ended, or was cancelled, leaves the list.
        _ = try await hub.popUps.cancelSlot(later.id, reason: nil, by: organiser)
        #expect(try await hub.bookings.requests(by: organiser).map(\.booking.id) == [second.id])
        hub.clock.advance(by: 8 * 86400)
        #expect(try await hub.bookings.requests(by: organiser).isEmpty)
    }

    @Test func onlyAZonesAdminsListItsOrganisers() async throws {
        let (_, organiser) = try await hub.venue()
        let admin = try await hub.user("admin-alpha@example.org", role: .zoneAdmin, zones: ["alpha"])
        let (zone, people) = try await hub.popUps.organisers(zoneSlug: "alpha", by: admin)
        #expect(zone.slug == "alpha")
        #expect(people.map(\.id) == [organiser.id])
        await #expect(throws: CommunityError.forbidden("only the zone's admins can name its pop-up organisers")) {
            try await hub.popUps.organisers(zoneSlug: "alpha", by: organiser)
        }
        try await hub.popUps.revokeOrganiser(email: organiser.email, zoneSlug: "alpha", by: admin)
        #expect(try await hub.popUps.organisers(zoneSlug: "alpha", by: admin).organisers.isEmpty)
    }

    @Test func aSeriesIsFoundForItsOrganisersOnlyAndNotOnceCancelled() async throws {
        let (venue, organiser) = try await hub.venue()
        let slots = try await hub.popUps.createSeries(
            venue: venue.id,
            PopUpSeriesRule(
                weekdays: [6], startTime: "09:00", endTime: "12:00", firstDay: LocalDay("2026-03-21")!,
                lastDay: LocalDay("2026-04-04")!),
            by: organiser)
        let id = try #require(slots[0].seriesID)
        let found = try await hub.popUps.series(id, by: organiser)
        #expect(found.series.rule.weekdays == [6] && found.venue.id == venue.id && found.zone.slug == "alpha")
        let stranger = try await hub.user("stranger@example.org", role: .resident)
        await #expect(throws: CommunityError.forbidden("only the zone's pop-up organisers can do this")) {
            try await hub.popUps.series(id, by: stranger)
        }
        _ = try await hub.popUps.cancelSeries(id, reason: nil, by: organiser)
        await #expect(throws: PopUpNotFound.series.notFound) { try await hub.popUps.series(id, by: organiser) }
    }

    @Test func everyProblemOfAVenueIsFoundAtOnceAndTheFirstIsStillTheOneRaised() async throws {
        let details = PopUpVenueDetails(
            name: " ", address: "", commune: "Bergerac", photoURL: "ftp://x", capacity: 0, cancellationHours: -1,
            quota: 0)
        let codes = PopUpService.problems(details).map(\.code)
        #expect(
            codes == [
                "invalid_name", "invalid_address", "invalid_photoURL", "invalid_capacity", "invalid_cancellationHours",
                "invalid_quota",
            ])
        #expect(
            PopUpService.problems(PopUpVenueDetails(name: "Halle", address: "Quai", commune: "B", capacity: 3)).isEmpty)
        let (venue, organiser) = try await hub.venue()
        let error = await #expect(throws: CommunityError.self) {
            try await hub.popUps.updateVenue(venue.id, details: details, by: organiser)
        }
        #expect(error?.code == "invalid_name")
        #expect(try await hub.popUps.venue(venue.id).details == venue.details)
    }
}

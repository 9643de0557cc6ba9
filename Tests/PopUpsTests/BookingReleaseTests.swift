import Community
import Foundation
import HubTestSupport
import PopUps
import Testing

/// A merchant leaving the hub (their account deleted) gives up every coming place, deadline or not, and each
/// place goes to the next merchant waiting. On either engine.
@Suite struct BookingReleaseTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
    }

    @Test func aLeavingMerchantsPlacesGoToTheWaitlistEvenPastTheDeadline() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 1, cancellationHours: 72)
        // The clock says 14 March; this slot starts within the venue's 72 hours, the other one well after.
        let soon = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-16T09:00"), end: .at("2026-03-16T18:00")),
            by: organiser)
        let later = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-04-18T09:00"), end: .at("2026-04-18T18:00")),
            by: organiser)
        let shops = try await hub.merchants(2)
        let (leaving, waiting) = (shops[0], shops[1])
        let held = try await hub.bookings.book(
            soon.id, merchantSlug: leaving.merchant.slug, waitlist: false, by: leaving.owner)
        let next = try await hub.bookings.book(
            soon.id, merchantSlug: waiting.merchant.slug, waitlist: true, by: waiting.owner)
        let queued = try await hub.bookings.book(
            later.id, merchantSlug: leaving.merchant.slug, waitlist: false, by: leaving.owner)
        #expect(held.status == .confirmed && next.status == .waiting && queued.status == .confirmed)

        #expect(try await hub.bookings.release(merchant: leaving.merchant.id, by: leaving.owner) == 2)
        #expect(try await hub.bookingStore.booking(id: held.id)?.status == .cancelled)
        #expect(try await hub.bookingStore.booking(id: queued.id)?.status == .cancelled)
        #expect(try await hub.bookingStore.booking(id: next.id)?.status == .offered)
        // Run again (a deletion tried twice): nothing more to release.
        #expect(try await hub.bookings.release(merchant: leaving.merchant.id, by: leaving.owner) == 0)
    }
}

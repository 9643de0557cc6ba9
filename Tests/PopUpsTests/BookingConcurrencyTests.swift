import Community
import Foundation
import HubTestSupport
import PopUps
import Testing

/// Many requests at once on a real SQLite file in WAL mode (or on PostgreSQL): the database, not a check in Swift,
/// keeps the slot from being overbooked.
@Suite struct BookingConcurrencyTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
    }

    /// Every outcome of `requests`, counted by status or error code; an unexpected error is counted by its text.
    func outcomes(_ requests: [@Sendable () async throws -> PopUpBooking]) async -> [String: Int] {
        await withTaskGroup(of: String.self) { group in
            for request in requests {
                group.addTask {
                    do {
                        return try await request().status.rawValue
                    } catch let error as CommunityError {
                        return error.code
                    } catch {
                        return "unexpected: \(error)"
                    }
                }
            }
            var counts: [String: Int] = [:]
            for await outcome in group { counts[outcome, default: 0] += 1 }
            return counts
        }
    }

    @Test func twoHundredRequestsForTheLastFivePlacesConfirmExactlyFive() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 10)
        let slot = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")), by: organiser
        )
        let early = try await hub.merchants(5, prefix: "early")
        for shop in early {
            _ = try await hub.bookings.book(slot.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        }
        let shops = try await hub.merchants(200)
        let bookings = hub.bookings
        let counts = await outcomes(
            shops.enumerated().map { index, shop in
                {
                    try await bookings.book(
                        slot.id, merchantSlug: shop.merchant.slug, waitlist: index % 2 == 0, by: shop.owner)
                }
            })
        #expect(counts["confirmed"] == 5)
        #expect(counts["waiting", default: 0] + counts["slot_full", default: 0] == 195)
        #expect(counts["waiting", default: 0] >= 95)
        #expect(counts.keys.allSatisfy { ["confirmed", "waiting", "slot_full"].contains($0) })
        let stored = try await hub.bookingStore.bookings(slot: slot.id)
        #expect(stored.filter { $0.status == .confirmed }.count == 10)
        #expect(try await hub.popUpStore.slot(id: slot.id)?.free == 0)
        if case .sqlite(let database) = hub.hubDatabase { #expect(try await database.integrityCheck() == ["ok"]) }
    }

    @Test func twoProcessesBookingTogetherFillTheSlotWithoutOverbookingIt() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 6)
        let slot = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")), by: organiser
        )
        let other = try await hub.sibling()
        let shops = try await hub.merchants(60)
        let services = [hub.bookings, other.bookings]
        let counts = await outcomes(
            shops.enumerated().map { index, shop in
                let bookings = services[index % 2]
                return {
                    try await bookings.book(slot.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
                }
            })
        #expect(counts == ["confirmed": 6, "slot_full": 54])
        #expect(try await other.popUpStore.slot(id: slot.id)?.held == 6)
    }

    @Test func concurrentRequestsOfOneMerchantForOverlappingSlotsHoldOnlyOne() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 3)
        var slots: [PopUpSlot] = []
        for hour in 9..<19 {
            slots.append(
                try await hub.popUps.createSlot(
                    venue: venue.id,
                    PopUpSlotDraft(
                        start: .at("2026-03-21T\(hour < 10 ? "0" : "")\(hour):00"), end: .at("2026-03-21T20:00")),
                    by: organiser))
        }
        let shop = try await hub.merchants(1)[0]
        let bookings = hub.bookings
        let counts = await outcomes(
            (slots + slots).map { slot in
                { try await bookings.book(slot.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner) }
            })
        #expect(counts["confirmed"] == 1)
        #expect(counts["booking_overlaps", default: 0] + counts["already_booked", default: 0] == 19)
        #expect(counts.count <= 3)
        #expect(try await hub.bookings.bookings(merchantSlug: shop.merchant.slug, by: shop.owner).count == 1)
    }

    @Test func concurrentRequestsOfOneMerchantStopAtTheVenuesQuota() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 3, quota: 2)
        var slots: [PopUpSlot] = []
        for day in 16...27 {
            slots.append(
                try await hub.popUps.createSlot(
                    venue: venue.id,
                    PopUpSlotDraft(start: .at("2026-03-\(day)T09:00"), end: .at("2026-03-\(day)T18:00")),
                    by: organiser))
        }
        let shop = try await hub.merchants(1)[0]
        let bookings = hub.bookings
        let counts = await outcomes(
            slots.map { slot in
                { try await bookings.book(slot.id, merchantSlug: shop.merchant.slug, waitlist: true, by: shop.owner) }
            })
        #expect(counts == ["confirmed": 2, "quota_reached": 10])
    }
}

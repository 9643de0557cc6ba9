import Community
import Foundation
import GRDB
import HubTestSupport
import PopUps
import Testing

/// The database itself refuses what must never happen, whatever the Swift code above it checks.
@Suite struct PopUpTriggerTests {
    let hub: TestHub
    let slot: PopUpSlot
    let shops: [(owner: User, merchant: Merchant)]

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        let (venue, organiser) = try await hub.venue(capacity: 1, quota: 1)
        slot = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")),
            by: organiser)
        shops = try await hub.merchants(2)
    }

    func insert(_ merchant: Merchant, status: String) async throws {
        try await hub.execute(
            """
            INSERT INTO popUpBooking (slotId, merchantId, status, createdAt, updatedAt)
            VALUES (\(slot.id), \(merchant.id), '\(status)', '2026-03-14 10:00:00', '2026-03-14 10:00:00')
            """)
    }

    /// What the database said when it refused `body` (SQLite's message, or the exception PostgreSQL raised).
    func message(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as DatabaseError {
            return error.message
        } catch {
            return ["popup_slot_full", "popup_booking_final"].first { String(reflecting: error).contains($0) }
                ?? "\(error)"
        }
    }

    @Test func aHoldingBookingBeyondTheSlotsPlacesIsAbortedByTheDatabase() async throws {
        try await insert(shops[0].merchant, status: "confirmed")
        #expect(await message { try await insert(shops[1].merchant, status: "confirmed") } == "popup_slot_full")
        #expect(await message { try await insert(shops[1].merchant, status: "requested") } == "popup_slot_full")
        try await insert(shops[1].merchant, status: "waiting")
        #expect(
            await message {
                try await hub.execute(
                    "UPDATE popUpBooking SET status = 'offered', offerExpiresAt = '2026-03-15 10:00:00' WHERE status = 'waiting'"
                )
            } == "popup_slot_full")
        #expect(try await hub.bookingStore.bookings(slot: slot.id).map(\.status) == [.confirmed, .waiting])
    }

    @Test func aFinishedBookingNeverComesBack() async throws {
        try await insert(shops[0].merchant, status: "cancelled")
        #expect(
            await message {
                try await hub.execute("UPDATE popUpBooking SET status = 'confirmed' WHERE status = 'cancelled'")
            } == "popup_booking_final")
    }
}

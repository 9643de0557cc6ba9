import Community
import Foundation
import Storage

/// Pop-up rows made into venues, slots and bookings.
extension StoredRows {
    static func venue(from row: SQLRow) throws -> PopUpVenue {
        PopUpVenue(
            id: try row["id"], zoneID: try row["zoneId"],
            details: PopUpVenueDetails(
                name: try row["name"], address: try row["address"], commune: try row["commune"],
                description: try row["description"], photoURL: try row["photoURL"],
                capacity: try row["capacity"], accessibility: try row["accessibility"],
                houseRules: try row["houseRules"], needsApproval: try row["needsApproval"],
                cancellationHours: try row["cancellationHours"], quota: try row["quota"],
                quotaPeriod: PopUpQuotaPeriod(rawValue: try row["quotaPeriod"]) ?? .month),
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"])
    }

    /// A slot, from `PopUpRows.slotSelect`'s columns (with its `held` and `waiting` counts).
    static func slot(from row: SQLRow) throws -> PopUpSlot {
        let start: String = try row["localStart"]
        let end: String = try row["localEnd"]
        guard let localStart = LocalDateTime(start), let localEnd = LocalDateTime(end) else {
            throw PopUpField.slot.invalid("stored slot \(try row["id"] as Int64) has unreadable times")
        }
        return PopUpSlot(
            id: try row["id"], venueID: try row["venueId"], seriesID: try row["seriesId"], start: localStart,
            end: localEnd, timeZone: try row["timeZone"], startsAt: try row["startsAt"],
            endsAt: try row["endsAt"], capacity: try row["capacity"], priceCents: try row["priceCents"],
            opensAt: try row["opensAt"], closesAt: try row["closesAt"],
            status: PopUpSlotStatus(rawValue: try row["status"]) ?? .cancelled, held: try row["held"],
            waiting: try row["waiting"], sequence: try row["sequence"], updatedAt: try row["updatedAt"])
    }

    /// A booking, from `PopUpRows.bookingSelect`'s columns (with `merchantName`).
    static func booking(from row: SQLRow) throws -> PopUpBooking {
        PopUpBooking(
            id: try row["id"], slotID: try row["slotId"], merchantID: try row["merchantId"],
            merchantName: try row["merchantName"],
            status: PopUpBookingStatus(rawValue: try row["status"]) ?? .cancelled, reason: try row["reason"],
            offerExpiresAt: try row["offerExpiresAt"], postID: try row["postId"],
            sequence: try row["sequence"],
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"])
    }

}

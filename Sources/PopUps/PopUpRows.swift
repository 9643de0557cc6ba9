import Community
import Foundation
import Storage

/// Reading pop-up rows, shared by the venue and booking stores, and the conflicts their triggers raise.
enum PopUpRows {
    static let holding = "('requested', 'confirmed', 'offered')"

    static let slotSelect = """
        SELECT popUpSlot.*,
          (SELECT count(*) FROM popUpBooking b WHERE b.slotId = popUpSlot.id AND b.status IN \(holding)) AS held,
          (SELECT count(*) FROM popUpBooking b WHERE b.slotId = popUpSlot.id AND b.status = 'waiting') AS waiting
        FROM popUpSlot JOIN popUpVenue ON popUpVenue.id = popUpSlot.venueId
        """

    static let bookingSelect = """
        SELECT popUpBooking.*, merchant.name AS merchantName FROM popUpBooking
        JOIN merchant ON merchant.id = popUpBooking.merchantId
        """

    static func slot(id: PopUpSlot.ID, _ db: any SQLTransaction, locking: Bool = false) async throws -> PopUpSlot? {
        try await db.fetchOne(
            PopUpRows.slotSelect + " WHERE popUpSlot.id = ?" + (locking ? db.forUpdate(of: "popUpSlot") : ""), [id]
        ).map(StoredRows.slot(from:))
    }

    static func booking(id: PopUpBooking.ID, _ db: any SQLTransaction) async throws -> PopUpBooking? {
        try await db.fetchOne(PopUpRows.bookingSelect + " WHERE popUpBooking.id = ?", [id]).map(
            StoredRows.booking(from:))
    }

    static func venueName(slot: PopUpSlot.ID, _ db: any SQLTransaction) async throws -> String {
        try await db.value(
            "SELECT v.name FROM popUpVenue v JOIN popUpSlot s ON s.venueId = v.id WHERE s.id = ?", [slot]) ?? ""
    }

    static func zone(slot: PopUpSlot.ID, _ db: any SQLTransaction) async throws -> Zone.ID? {
        try await db.value(
            "SELECT v.zoneId FROM popUpVenue v JOIN popUpSlot s ON s.venueId = v.id WHERE s.id = ?", [slot])
    }

    /// The notice for `booking` as it now stands.
    static func notice(_ kind: PopUpNotice.Kind, booking id: PopUpBooking.ID, _ db: any SQLTransaction) async throws
        -> PopUpNotice?
    {
        guard let booking = try await booking(id: id, db), let slot = try await slot(id: booking.slotID, db) else {
            return nil
        }
        return PopUpNotice(
            kind: kind, booking: booking, slot: slot, venueName: try await venueName(slot: slot.id, db))
    }

    /// The conflict a pop-up trigger or unique index raised, if `error` is one.
    static func conflict(_ error: any Error) -> CommunityError? {
        if let message = raisedMessage(error) { return PopUpRows.conflict(message: message, unique: false) }
        if isUniqueViolation(error) { return PopUpRows.conflict(message: String(reflecting: error), unique: true) }
        return nil
    }

    /// Turns the pop-up trigger's and unique index's failures into domain conflicts.
    static func mappingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw conflict(error) ?? error
        }
    }

    /// The conflict named in a trigger's message, or a unique index's on `popUpBooking` (either engine).
    static func conflict(message: String, unique: Bool) -> CommunityError? {
        if message.contains("popup_slot_full") {
            return PopUpProblem.slotFull.error("every place of this slot is taken")
        }
        if message.contains("popup_booking_overlaps") {
            return PopUpProblem.bookingOverlaps.error("this merchant already holds a booking at that time")
        }
        if message.contains("popup_quota_reached") {
            return PopUpProblem.quotaReached.error("this merchant has reached the venue's booking quota for the period")
        }
        if message.contains("popup_capacity_below_bookings") {
            return PopUpProblem.capacityBelowBookings.error("more places are already booked than this capacity")
        }
        if message.contains("popup_booking_final") {
            return PopUpProblem.bookingFinal.error("this booking is already over")
        }
        if unique, message.contains("popUpBooking") || message.contains("popupbooking") {
            return PopUpProblem.alreadyBooked.error(
                "this merchant already has a booking or waitlist place for this slot")
        }
        return nil
    }
}

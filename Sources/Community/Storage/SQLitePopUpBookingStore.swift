import Foundation
import GRDB

/// `PopUpBookingStore` on SQLite: the triggers of `popUpBooking` decide, inside the write transaction, whether a
/// place is free, so concurrent requests can never overbook a slot.
package struct SQLitePopUpBookingStore: PopUpBookingStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func book(
        slot: PopUpSlot.ID, merchantSlug: String, waitlist: Bool, by actor: User.ID, at date: Date,
        admit: @escaping @Sendable (PopUpBookingContext) throws -> PopUpBookingStatus
    ) async throws -> PopUpBooking {
        try await Self.mappingConflicts {
            try await database.write { db in
                guard
                    let merchant = try Row.fetchOne(
                        db.cachedStatement(sql: "SELECT id, ownerId, name FROM merchant WHERE slug = ?"),
                        arguments: [merchantSlug])
                else { throw CommunityError.notFound("merchant") }
                let merchantID: Merchant.ID = merchant["id"]
                let zones = try Zone.ID.fetchAll(
                    db.cachedStatement(sql: "SELECT zoneId FROM merchantZone WHERE merchantId = ?"),
                    arguments: [merchantID])
                guard let found = try PopUpRows.slot(id: slot, db) else { throw CommunityError.notFound("slot") }
                guard let venue = try SQLitePopUpStore.venue(id: found.venueID, db) else {
                    throw CommunityError.notFound("venue")
                }
                var taken = try admit(
                    PopUpBookingContext(
                        merchantID: merchantID, merchantName: merchant["name"], ownerID: merchant["ownerId"],
                        merchantZones: zones, slot: found, venue: venue))
                // A slot seen full in this transaction goes straight to the waitlist: a statement the trigger aborts
                // cannot be reused and would be prepared again for every request.
                if found.free == 0 && waitlist { taken = .waiting }
                do {
                    try Self.insert(slot: slot, merchant: merchantID, status: taken, at: date, db)
                } catch let error as DatabaseError where waitlist && PopUpRows.conflict(error)?.code == "slot_full" {
                    // The trigger found every place held: the statement alone was undone, the transaction goes on.
                    taken = .waiting
                    try Self.insert(slot: slot, merchant: merchantID, status: .waiting, at: date, db)
                }
                let id = PopUpBooking.ID(db.lastInsertedRowID)
                try db.appendAudit(
                    action: "popup.booking.create", subject: "popUpBooking:\(id)", actor: actor, zone: venue.zoneID,
                    at: date, details: ["slot": "\(slot)", "merchant": "\(merchantID)", "status": taken.rawValue])
                return try PopUpRows.booking(id: id, db)!
            }
        }
    }

    package func transition(
        _ id: PopUpBooking.ID, from: Set<PopUpBookingStatus>, to: PopUpBookingStatus, reason: String?,
        offerFor: TimeInterval, by actor: User.ID?, at date: Date
    ) async throws -> (booking: PopUpBooking, notices: [PopUpNotice]) {
        try await Self.mappingConflicts {
            try await database.write { db in
                guard let booking = try PopUpRows.booking(id: id, db) else { throw CommunityError.notFound("booking") }
                guard from.contains(booking.status) else {
                    throw CommunityError.conflict(
                        "stale_status", "the booking is now \(booking.status.rawValue), no longer what you saw")
                }
                try db.execute(
                    sql: """
                        UPDATE popUpBooking SET status = ?, reason = coalesce(?, reason), offerExpiresAt = NULL,
                          sequence = sequence + 1, updatedAt = ?
                        WHERE id = ?
                        """, arguments: [to.rawValue, reason, date, id])
                try db.appendAudit(
                    action: "popup.booking.\(to.rawValue)", subject: "popUpBooking:\(id)", actor: actor,
                    zone: try PopUpRows.zone(slot: booking.slotID, db), at: date,
                    details: ["from": booking.status.rawValue, "to": to.rawValue])
                var notices: [PopUpNotice] = []
                if booking.status.isHolding && !to.isHolding {
                    notices = try Self.offerFreedPlaces(of: booking.slotID, at: date, offerFor: offerFor, db)
                }
                return (try PopUpRows.booking(id: id, db)!, notices)
            }
        }
    }

    package func lapseOffers(at date: Date, offerFor: TimeInterval) async throws -> [PopUpNotice] {
        try await database.write { db in
            let expired = try Row.fetchAll(
                db,
                sql: "SELECT id, slotId FROM popUpBooking WHERE status = 'offered' AND offerExpiresAt <= ? ORDER BY id",
                arguments: [date])
            var notices: [PopUpNotice] = []
            for row in expired {
                let id: PopUpBooking.ID = row["id"]
                try db.execute(
                    sql: """
                        UPDATE popUpBooking SET status = 'lapsed', reason = 'offer_expired', offerExpiresAt = NULL,
                          sequence = sequence + 1, updatedAt = ?
                        WHERE id = ?
                        """, arguments: [date, id])
                try db.appendAudit(
                    action: "popup.booking.lapsed", subject: "popUpBooking:\(id)", actor: nil,
                    zone: try PopUpRows.zone(slot: row["slotId"], db), at: date)
                notices += try Self.offerFreedPlaces(of: row["slotId"], at: date, offerFor: offerFor, db)
            }
            return notices
        }
    }

    package func setPost(_ post: Post.ID?, for booking: PopUpBooking.ID) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE popUpBooking SET postId = ? WHERE id = ?", arguments: [post, booking])
        }
    }

    package func booking(id: PopUpBooking.ID) async throws -> PopUpBooking? {
        try await database.read { db in try PopUpRows.booking(id: id, db) }
    }

    package func bookings(slot: PopUpSlot.ID) async throws -> [PopUpBooking] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: PopUpRows.bookingSelect + " WHERE popUpBooking.slotId = ? ORDER BY popUpBooking.id",
                arguments: [slot]
            ).map(StoredRows.booking(from:))
        }
    }

    package func bookings(merchant: Merchant.ID, endingAfter: Date?) async throws -> [PopUpBooking] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: PopUpRows.bookingSelect + """
                     JOIN popUpSlot ON popUpSlot.id = popUpBooking.slotId
                    WHERE popUpBooking.merchantId = ? AND (? IS NULL OR popUpSlot.endsAt > ?)
                    ORDER BY popUpSlot.startsAt, popUpBooking.id LIMIT 500
                    """, arguments: [merchant, endingAfter, endingAfter]
            ).map(StoredRows.booking(from:))
        }
    }

    private static func insert(
        slot: PopUpSlot.ID, merchant: Merchant.ID, status: PopUpBookingStatus, at date: Date, _ db: Database
    ) throws {
        try db.cachedStatement(
            sql: "INSERT INTO popUpBooking (slotId, merchantId, status, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)"
        ).execute(arguments: [slot, merchant, status.rawValue, date, date])
    }

    /// Offers each free place of an open, future slot to the first merchant waiting; a merchant the offer would put
    /// over a quota or into an overlap is passed over (their turn lapses) and the next one is asked.
    private static func offerFreedPlaces(of slot: PopUpSlot.ID, at date: Date, offerFor: TimeInterval, _ db: Database)
        throws -> [PopUpNotice]
    {
        var notices: [PopUpNotice] = []
        while let current = try PopUpRows.slot(id: slot, db), current.status == .open, current.startsAt > date,
            current.free > 0,
            let next = try PopUpBooking.ID.fetchOne(
                db, sql: "SELECT id FROM popUpBooking WHERE slotId = ? AND status = 'waiting' ORDER BY id LIMIT 1",
                arguments: [slot])
        {
            do {
                try db.execute(
                    sql: """
                        UPDATE popUpBooking SET status = 'offered', offerExpiresAt = ?, sequence = sequence + 1,
                          updatedAt = ?
                        WHERE id = ?
                        """, arguments: [date.addingTimeInterval(offerFor), date, next])
                if let notice = try PopUpRows.notice(.offered, booking: next, db) { notices.append(notice) }
            } catch let error as DatabaseError where PopUpRows.conflict(error) != nil {
                try db.execute(
                    sql: """
                        UPDATE popUpBooking SET status = 'lapsed', reason = ?, sequence = sequence + 1, updatedAt = ?
                        WHERE id = ?
                        """, arguments: [PopUpRows.conflict(error)!.code, date, next])
            }
        }
        return notices
    }

    /// Turns the pop-up triggers' and unique index's failures into domain conflicts.
    static func mappingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw PopUpRows.conflict(error) ?? error
        }
    }
}

import Community
import Foundation
import Storage

/// `PopUpBookingStore` on PostgreSQL: a booking locks its slot's row, and the `popUpBooking` trigger checks
/// places, overlaps and quotas under that lock, so requests from several processes can never overbook a slot.
package struct SQLPopUpBookingStore: PopUpBookingStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func book(
        slot: PopUpSlot.ID, merchantSlug: String, waitlist: Bool, by actor: User.ID, at date: Date,
        admit: @escaping @Sendable (PopUpBookingContext) throws -> PopUpBookingStatus
    ) async throws -> PopUpBooking {
        try await PopUpRows.mappingConflicts {
            try await database.write { db in
                guard
                    let merchant = try await db.fetchOne(
                        "SELECT id, ownerId, name FROM merchant WHERE slug = ?", [merchantSlug])
                else { throw CommunityNotFound.merchant.notFound }
                let merchantID: Merchant.ID = try merchant["id"]
                let zones: [Zone.ID] = try await db.values(
                    "SELECT zoneId FROM merchantZone WHERE merchantId = ?", [merchantID])
                // The slot's row is locked first: the places counted here stay counted until this commits.
                guard let found = try await PopUpRows.slot(id: slot, db, locking: true) else {
                    throw PopUpNotFound.slot.notFound
                }
                guard let venue = try await SQLPopUpStore.venue(id: found.venueID, db) else {
                    throw PopUpNotFound.venue.notFound
                }
                var taken = try admit(
                    PopUpBookingContext(
                        merchantID: merchantID, merchantName: try merchant["name"], ownerID: try merchant["ownerId"],
                        merchantZones: zones, slot: found, venue: venue))
                if found.free == 0 && waitlist { taken = .waiting }
                let id: PopUpBooking.ID
                do {
                    id = try await db.savepoint {
                        try await Self.insert(
                            slot: slot, merchant: merchantID, status: taken, by: actor, at: date, db)
                    }
                } catch  where waitlist && PopUpRows.conflict(error)?.code == "slot_full" {
                    taken = .waiting
                    id = try await Self.insert(
                        slot: slot, merchant: merchantID, status: .waiting, by: actor, at: date, db)
                }
                try await db.appendAudit(
                    PopUpAuditAction.bookingCreate, subject: "popUpBooking:\(id)", actor: actor, zone: venue.zoneID,
                    at: date, details: ["slot": "\(slot)", "merchant": "\(merchantID)", "status": taken.rawValue])
                return try await PopUpRows.booking(id: id, db)!
            }
        }
    }

    package func transition(
        _ id: PopUpBooking.ID, from: Set<PopUpBookingStatus>, to: PopUpBookingStatus, reason: String?,
        offerFor: TimeInterval, by actor: User.ID?, at date: Date
    ) async throws -> (booking: PopUpBooking, notices: [PopUpNotice]) {
        let outcome: (PopUpBooking, [PopUpNotice]) = try await PopUpRows.mappingConflicts {
            try await database.write { db in
                guard let slot: PopUpSlot.ID = try await db.value("SELECT slotId FROM popUpBooking WHERE id = ?", [id])
                else { throw PopUpNotFound.booking.notFound }
                // The slot first, then the booking: the order every writer of a slot's bookings takes.
                try await db.execute("SELECT 1 FROM popUpSlot WHERE id = ?" + db.forUpdate, [slot])
                guard let booking = try await PopUpRows.booking(id: id, db) else {
                    throw PopUpNotFound.booking.notFound
                }
                guard from.contains(booking.status) else {
                    throw PopUpProblem.staleStatus.error(
                        "the booking is now \(booking.status.rawValue), no longer what you saw")
                }
                try await db.execute(
                    """
                    UPDATE popUpBooking SET status = ?, reason = coalesce(?, reason), offerExpiresAt = NULL,
                      changedBy = ?, sequence = sequence + 1, updatedAt = ?
                    WHERE id = ?
                    """, [to.rawValue, reason, actor, date, id])
                try await db.appendAudit(
                    PopUpAuditAction.booking(to), subject: "popUpBooking:\(id)", actor: actor,
                    zone: try await PopUpRows.zone(slot: booking.slotID, db), at: date,
                    details: ["from": booking.status.rawValue, "to": to.rawValue])
                var notices: [PopUpNotice] = []
                if booking.status.isHolding && !to.isHolding {
                    notices = try await Self.offerFreedPlaces(of: booking.slotID, at: date, offerFor: offerFor, db)
                }
                return (try await PopUpRows.booking(id: id, db)!, notices)
            }
        }
        return (booking: outcome.0, notices: outcome.1)
    }

    package func lapseOffers(at date: Date, offerFor: TimeInterval) async throws -> [PopUpNotice] {
        try await database.write { db in
            let expired = try await db.fetchAll(
                """
                SELECT id, slotId FROM popUpBooking WHERE status = 'offered' AND offerExpiresAt <= ? ORDER BY id
                \(db.skipLocked)
                """, [date])
            var notices: [PopUpNotice] = []
            for row in expired {
                let id: PopUpBooking.ID = try row["id"]
                let slot: PopUpSlot.ID = try row["slotId"]
                try await db.execute(
                    """
                    UPDATE popUpBooking SET status = 'lapsed', reason = 'offer_expired', offerExpiresAt = NULL,
                      changedBy = NULL, sequence = sequence + 1, updatedAt = ?
                    WHERE id = ?
                    """, [date, id])
                try await db.appendAudit(
                    PopUpAuditAction.booking(.lapsed), subject: "popUpBooking:\(id)", actor: nil,
                    zone: try await PopUpRows.zone(slot: slot, db), at: date)
                notices += try await Self.offerFreedPlaces(of: slot, at: date, offerFor: offerFor, db)
            }
            return notices
        }
    }

    package func setPost(_ post: Post.ID?, for booking: PopUpBooking.ID) async throws {
        try await database.write { db in
            try await db.execute("UPDATE popUpBooking SET postId = ? WHERE id = ?", [post, booking])
        }
    }

    package func booking(id: PopUpBooking.ID) async throws -> PopUpBooking? {
        try await database.read { db in try await PopUpRows.booking(id: id, db) }
    }

    package func bookings(slot: PopUpSlot.ID) async throws -> [PopUpBooking] {
        try await database.read { db in
            try await db.fetchAll(
                PopUpRows.bookingSelect + " WHERE popUpBooking.slotId = ? ORDER BY popUpBooking.id", [slot]
            ).map(StoredRows.booking(from:))
        }
    }

    package func bookings(merchant: Merchant.ID, endingAfter: Date?) async throws -> [PopUpBooking] {
        try await database.read { db in
            try await db.fetchAll(
                PopUpRows.bookingSelect + """
                     JOIN popUpSlot ON popUpSlot.id = popUpBooking.slotId
                    WHERE popUpBooking.merchantId = ? AND (? IS NULL OR popUpSlot.endsAt > ?)
                    ORDER BY popUpSlot.startsAt, popUpBooking.id LIMIT 500
                    """, [merchant, endingAfter, endingAfter]
            ).map(StoredRows.booking(from:))
        }
    }

    private static func insert(
        slot: PopUpSlot.ID, merchant: Merchant.ID, status: PopUpBookingStatus, by actor: User.ID?, at date: Date,
        _ db: any SQLTransaction
    ) async throws -> PopUpBooking.ID {
        PopUpBooking.ID(
            try await db.insert(
                """
                INSERT INTO popUpBooking (slotId, merchantId, status, changedBy, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?)
                """, [slot, merchant, status.rawValue, actor, date, date]))
    }

    /// Offers each free place of an open, future slot to the first merchant waiting; a merchant the offer would put
    /// over a quota or into an overlap is passed over (their turn lapses) and the next one is asked.
    private static func offerFreedPlaces(
        of slot: PopUpSlot.ID, at date: Date, offerFor: TimeInterval, _ db: any SQLTransaction
    ) async throws -> [PopUpNotice] {
        var notices: [PopUpNotice] = []
        while let current = try await PopUpRows.slot(id: slot, db), current.status == .open,
            current.startsAt > date, current.free > 0,
            let next: PopUpBooking.ID = try await db.value(
                "SELECT id FROM popUpBooking WHERE slotId = ? AND status = 'waiting' ORDER BY id LIMIT 1", [slot])
        {
            do {
                try await db.savepoint {
                    try await db.execute(
                        """
                        UPDATE popUpBooking SET status = 'offered', offerExpiresAt = ?, changedBy = NULL,
                          sequence = sequence + 1, updatedAt = ?
                        WHERE id = ?
                        """, [date.addingTimeInterval(offerFor), date, next])
                }
                if let notice = try await PopUpRows.notice(.offered, booking: next, db) {
                    notices.append(notice)
                }
            } catch {
                guard let conflict = PopUpRows.conflict(error) else { throw error }
                try await db.execute(
                    """
                    UPDATE popUpBooking SET status = 'lapsed', reason = ?, changedBy = NULL, sequence = sequence + 1,
                      updatedAt = ?
                    WHERE id = ?
                    """, [conflict.code, date, next])
            }
        }
        return notices
    }
}

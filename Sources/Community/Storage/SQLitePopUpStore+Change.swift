import Foundation
import GRDB

extension SQLitePopUpStore {
    package func change(_ change: PopUpSlotChange, by actor: User.ID, at date: Date) async throws -> [PopUpNotice] {
        do {
            return try await database.write { db in
                var notices: [PopUpNotice] = []
                var zone: Zone.ID?
                for (id, plan) in change.reschedule.sorted(by: { $0.key < $1.key }) {
                    try db.execute(
                        sql: """
                            UPDATE popUpSlot SET localStart = ?, localEnd = ?, startsAt = ?, endsAt = ?, capacity = ?,
                              priceCents = ?, opensAt = ?, closesAt = ?, sequence = sequence + 1, updatedAt = ?
                            WHERE id = ? AND status = 'open'
                            """,
                        arguments: [
                            plan.start.description, plan.end.description, plan.startsAt, plan.endsAt, plan.capacity,
                            plan.priceCents, plan.opensAt, plan.closesAt, date, id,
                        ])
                    guard db.changesCount == 1 else { continue }
                    zone = try PopUpRows.zone(slot: id, db)
                    notices += try Self.touchBookings(
                        of: id, kind: .slotChanged, cancel: false, reason: nil, at: date, db)
                    try db.appendAudit(
                        action: "popup.slot.update", subject: "popUpSlot:\(id)", actor: actor, zone: zone, at: date)
                }
                for id in change.cancel.sorted() {
                    try db.execute(
                        sql: """
                            UPDATE popUpSlot SET status = 'cancelled', sequence = sequence + 1, updatedAt = ?
                            WHERE id = ? AND status = 'open'
                            """, arguments: [date, id])
                    guard db.changesCount == 1 else { continue }
                    zone = try PopUpRows.zone(slot: id, db)
                    notices += try Self.touchBookings(
                        of: id, kind: .slotCancelled, cancel: true, reason: change.reason, at: date, db)
                    try db.appendAudit(
                        action: "popup.slot.cancel", subject: "popUpSlot:\(id)", actor: actor, zone: zone, at: date,
                        details: change.reason.map { ["reason": $0] } ?? [:])
                }
                if let series = change.series {
                    try db.execute(
                        sql: "UPDATE popUpSeries SET rule = ?, cancelled = ?, updatedAt = ? WHERE id = ?",
                        arguments: [try JSONColumn.encode(series.rule), series.cancelled, date, series.id])
                    try db.appendAudit(
                        action: series.cancelled ? "popup.series.cancel" : "popup.series.update",
                        subject: "popUpSeries:\(series.id)", actor: actor, zone: zone, at: date)
                }
                return notices
            }
        } catch let error as DatabaseError {
            throw PopUpRows.conflict(error) ?? error
        }
    }

    /// Bumps the live bookings of a changed slot (cancelling them with the slot) and returns their notices.
    private static func touchBookings(
        of slot: PopUpSlot.ID, kind: PopUpNotice.Kind, cancel: Bool, reason: String?, at date: Date, _ db: Database
    ) throws -> [PopUpNotice] {
        let ids = try PopUpBooking.ID.fetchAll(
            db,
            sql: """
                SELECT id FROM popUpBooking WHERE slotId = ?
                  AND status IN ('requested', 'confirmed', 'offered', 'waiting') ORDER BY id
                """, arguments: [slot])
        for id in ids {
            try db.execute(
                sql: """
                    UPDATE popUpBooking SET status = CASE WHEN ? THEN 'cancelled' ELSE status END,
                      reason = CASE WHEN ? THEN ? ELSE reason END, sequence = sequence + 1, updatedAt = ?
                    WHERE id = ?
                    """, arguments: [cancel, cancel, reason ?? "slot_cancelled", date, id])
        }
        return try ids.compactMap { try PopUpRows.notice(kind, booking: $0, db) }
    }
}

import Community
import Foundation
import Storage

/// `PopUpStore` on either engine.
package struct SQLPopUpStore: PopUpStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func grantOrganiser(_ user: User.ID, zone: Zone.ID, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            let granted = try await db.execute(
                """
                INSERT INTO popUpOrganiser (userId, zoneId, grantedBy, grantedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, [user, zone, actor, date])
            guard granted == 1 else { return }
            try await db.appendAudit(
                CommunityAuditAction.roleGrant, subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["role": "pop-up-organiser"])
        }
    }

    package func revokeOrganiser(_ user: User.ID, zone: Zone.ID, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            let revoked = try await db.execute(
                "DELETE FROM popUpOrganiser WHERE userId = ? AND zoneId = ?", [user, zone])
            guard revoked == 1 else { return }
            try await db.appendAudit(
                CommunityAuditAction.roleRevoke, subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["role": "pop-up-organiser"])
        }
    }

    package func isOrganiser(_ user: User.ID, zone: Zone.ID) async throws -> Bool {
        try await database.read { db in
            try await db.value(
                "SELECT EXISTS (SELECT 1 FROM popUpOrganiser WHERE userId = ? AND zoneId = ?)", [user, zone]) ?? false
        }
    }

    package func organisedZones(_ user: User.ID) async throws -> [Zone.ID] {
        try await database.read { db in
            try await db.fetchAll("SELECT zoneId FROM popUpOrganiser WHERE userId = ? ORDER BY zoneId", [user])
                .map { row in try row["zoneId"] }
        }
    }

    package func createVenue(zone: Zone.ID, details: PopUpVenueDetails, by actor: User.ID, at date: Date)
        async throws -> PopUpVenue
    {
        try await database.write { db in
            let id = PopUpVenue.ID(
                try await db.insert(
                    """
                    INSERT INTO popUpVenue (zoneId, name, address, commune, description, photoURL, capacity,
                      accessibility, houseRules, needsApproval, cancellationHours, quota, quotaPeriod, createdAt,
                      updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [zone] + Self.arguments(details) + [date, date]))
            try await db.appendAudit(
                PopUpAuditAction.venueCreate, subject: "popUpVenue:\(id)", actor: actor, zone: zone, at: date)
            return try await Self.venue(id: id, db)!
        }
    }

    package func updateVenue(_ id: PopUpVenue.ID, details: PopUpVenueDetails, by actor: User.ID, at date: Date)
        async throws -> PopUpVenue
    {
        try await database.write { db in
            try await db.execute(
                """
                UPDATE popUpVenue SET name = ?, address = ?, commune = ?, description = ?, photoURL = ?,
                  capacity = ?, accessibility = ?, houseRules = ?, needsApproval = ?, cancellationHours = ?,
                  quota = ?, quotaPeriod = ?, updatedAt = ?
                WHERE id = ?
                """, Self.arguments(details) + [date, id])
            guard let venue = try await Self.venue(id: id, db) else { throw PopUpNotFound.venue.notFound }
            try await db.appendAudit(
                PopUpAuditAction.venueUpdate, subject: "popUpVenue:\(id)", actor: actor, zone: venue.zoneID, at: date)
            return venue
        }
    }

    package func venue(id: PopUpVenue.ID) async throws -> PopUpVenue? {
        try await database.read { db in try await Self.venue(id: id, db) }
    }

    package func venues(zone: Zone.ID) async throws -> [PopUpVenue] {
        try await database.read { db in
            try await db.fetchAll("SELECT * FROM popUpVenue WHERE zoneId = ? ORDER BY id", [zone])
                .map(StoredRows.venue(from:)).sortedByName(\.name)
        }
    }

    package func createSlots(
        venue: PopUpVenue.ID, plans: [PopUpSlotPlan], series: PopUpSeriesRule?, by actor: User.ID, at date: Date
    ) async throws -> [PopUpSlot] {
        try await database.write { db in
            guard let zone: Zone.ID = try await db.value("SELECT zoneId FROM popUpVenue WHERE id = ?", [venue]) else {
                throw PopUpNotFound.venue.notFound
            }
            var seriesID: PopUpSeries.ID?
            if let series {
                let id = PopUpSeries.ID(
                    try await db.insert(
                        "INSERT INTO popUpSeries (venueId, rule, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
                        [venue, try JSONColumn.encode(series), date, date]))
                seriesID = id
                try await db.appendAudit(
                    PopUpAuditAction.seriesCreate, subject: "popUpSeries:\(id)", actor: actor, zone: zone,
                    at: date, details: ["slots": "\(plans.count)"])
            }
            var ids: [PopUpSlot.ID] = []
            for plan in plans {
                ids.append(
                    PopUpSlot.ID(
                        try await db.insert(
                            """
                            INSERT INTO popUpSlot (venueId, seriesId, localStart, localEnd, timeZone, startsAt, endsAt,
                              capacity, priceCents, opensAt, closesAt, status, createdAt, updatedAt)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
                            """,
                            [
                                venue, seriesID, plan.start.description, plan.end.description, plan.timeZone,
                                plan.startsAt, plan.endsAt, plan.capacity, plan.priceCents, plan.opensAt,
                                plan.closesAt, date, date,
                            ])))
            }
            if series == nil, let id = ids.first {
                try await db.appendAudit(
                    PopUpAuditAction.slotCreate, subject: "popUpSlot:\(id)", actor: actor, zone: zone, at: date)
            }
            var slots: [PopUpSlot] = []
            for id in ids { if let slot = try await PopUpRows.slot(id: id, db) { slots.append(slot) } }
            return slots
        }
    }

    package func slot(id: PopUpSlot.ID) async throws -> PopUpSlot? {
        try await database.read { db in try await PopUpRows.slot(id: id, db) }
    }

    package func slots(_ query: PopUpSlotQuery) async throws -> [PopUpSlot] {
        try await database.read { db in
            try await db.fetchAll(
                PopUpRows.slotSelect + """
                     WHERE (? IS NULL OR popUpVenue.zoneId = ?) AND (? IS NULL OR popUpSlot.venueId = ?)
                      AND (? IS NULL OR popUpSlot.seriesId = ?) AND (? IS NULL OR popUpSlot.endsAt > ?)
                      AND (? OR popUpSlot.status = 'open')
                    ORDER BY popUpSlot.startsAt, popUpSlot.id LIMIT ?
                    """,
                [
                    query.zoneID, query.zoneID, query.venueID, query.venueID, query.seriesID, query.seriesID,
                    query.endingAfter, query.endingAfter, query.includeCancelled, query.limit,
                ]
            ).map(StoredRows.slot(from:))
        }
    }

    package func series(id: PopUpSeries.ID) async throws -> PopUpSeries? {
        try await database.read { db in
            guard let row = try await db.fetchOne("SELECT * FROM popUpSeries WHERE id = ?", [id]) else { return nil }
            return PopUpSeries(
                id: try row["id"], venueID: try row["venueId"],
                rule: try JSONColumn.decode(PopUpSeriesRule.self, from: try row["rule"]),
                cancelled: try row["cancelled"])
        }
    }

    package func change(_ change: PopUpSlotChange, by actor: User.ID, at date: Date) async throws -> [PopUpNotice] {
        try await PopUpRows.mappingConflicts {
            try await database.write { db in
                var notices: [PopUpNotice] = []
                var zone: Zone.ID?
                for (id, plan) in change.reschedule.sorted(by: { $0.key < $1.key }) {
                    let moved = try await db.execute(
                        """
                        UPDATE popUpSlot SET localStart = ?, localEnd = ?, startsAt = ?, endsAt = ?, capacity = ?,
                          priceCents = ?, opensAt = ?, closesAt = ?, sequence = sequence + 1, updatedAt = ?
                        WHERE id = ? AND status = 'open'
                        """,
                        [
                            plan.start.description, plan.end.description, plan.startsAt, plan.endsAt, plan.capacity,
                            plan.priceCents, plan.opensAt, plan.closesAt, date, id,
                        ])
                    guard moved == 1 else { continue }
                    zone = try await PopUpRows.zone(slot: id, db)
                    notices += try await Self.touchBookings(
                        of: id, kind: .slotChanged, cancel: false, reason: nil, by: actor, at: date, db)
                    try await db.appendAudit(
                        PopUpAuditAction.slotUpdate, subject: "popUpSlot:\(id)", actor: actor, zone: zone, at: date)
                }
                for id in change.cancel.sorted() {
                    let cancelled = try await db.execute(
                        """
                        UPDATE popUpSlot SET status = 'cancelled', sequence = sequence + 1, updatedAt = ?
                        WHERE id = ? AND status = 'open'
                        """, [date, id])
                    guard cancelled == 1 else { continue }
                    zone = try await PopUpRows.zone(slot: id, db)
                    notices += try await Self.touchBookings(
                        of: id, kind: .slotCancelled, cancel: true, reason: change.reason, by: actor, at: date, db)
                    try await db.appendAudit(
                        PopUpAuditAction.slotCancel, subject: "popUpSlot:\(id)", actor: actor, zone: zone, at: date,
                        details: change.reason.map { ["reason": $0] } ?? [:])
                }
                if let series = change.series {
                    try await db.execute(
                        "UPDATE popUpSeries SET rule = ?, cancelled = ?, updatedAt = ? WHERE id = ?",
                        [try JSONColumn.encode(series.rule), series.cancelled, date, series.id])
                    try await db.appendAudit(
                        series.cancelled ? PopUpAuditAction.seriesCancel : .seriesUpdate,
                        subject: "popUpSeries:\(series.id)", actor: actor, zone: zone, at: date)
                }
                return notices
            }
        }
    }

    /// Bumps the live bookings of a changed slot (cancelling them with the slot) and returns their notices.
    private static func touchBookings(
        of slot: PopUpSlot.ID, kind: PopUpNotice.Kind, cancel: Bool, reason: String?, by actor: User.ID,
        at date: Date, _ db: any SQLTransaction
    ) async throws -> [PopUpNotice] {
        let ids: [PopUpBooking.ID] = try await db.values(
            """
            SELECT id FROM popUpBooking WHERE slotId = ?
              AND status IN ('requested', 'confirmed', 'offered', 'waiting') ORDER BY id
            """, [slot])
        var notices: [PopUpNotice] = []
        for id in ids {
            try await db.execute(
                """
                UPDATE popUpBooking SET status = CASE WHEN ? THEN 'cancelled' ELSE status END,
                  reason = CASE WHEN ? THEN ? ELSE reason END, changedBy = ?, sequence = sequence + 1, updatedAt = ?
                WHERE id = ?
                """, [cancel, cancel, reason ?? "slot_cancelled", actor, date, id])
        }
        for id in ids {
            if let notice = try await PopUpRows.notice(kind, booking: id, db) { notices.append(notice) }
        }
        return notices
    }

    static func venue(id: PopUpVenue.ID, _ db: any SQLTransaction) async throws -> PopUpVenue? {
        try await db.fetchOne("SELECT * FROM popUpVenue WHERE id = ?", [id]).map(StoredRows.venue(from:))
    }

    static func arguments(_ details: PopUpVenueDetails) -> [any SQLBindable] {
        [
            details.name, details.address, details.commune, details.description, details.photoURL, details.capacity,
            details.accessibility, details.houseRules, details.needsApproval, details.cancellationHours, details.quota,
            details.quotaPeriod.rawValue,
        ]
    }
}

import Foundation
import GRDB

/// `PopUpStore` on SQLite.
package struct SQLitePopUpStore: PopUpStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func grantOrganiser(_ user: User.ID, zone: Zone.ID, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO popUpOrganiser (userId, zoneId, grantedBy, grantedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, arguments: [user, zone, actor, date])
            guard db.changesCount == 1 else { return }
            try db.appendAudit(
                action: "role.grant", subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["role": "pop-up-organiser"])
        }
    }

    package func revokeOrganiser(_ user: User.ID, zone: Zone.ID, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "DELETE FROM popUpOrganiser WHERE userId = ? AND zoneId = ?", arguments: [user, zone])
            guard db.changesCount == 1 else { return }
            try db.appendAudit(
                action: "role.revoke", subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["role": "pop-up-organiser"])
        }
    }

    package func isOrganiser(_ user: User.ID, zone: Zone.ID) async throws -> Bool {
        try await database.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM popUpOrganiser WHERE userId = ? AND zoneId = ?)",
                arguments: [user, zone]) ?? false
        }
    }

    package func createVenue(zone: Zone.ID, details: PopUpVenueDetails, by actor: User.ID, at date: Date)
        async throws -> PopUpVenue
    {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO popUpVenue (zoneId, name, address, commune, description, photoURL, capacity,
                      accessibility, houseRules, needsApproval, cancellationHours, quota, quotaPeriod, createdAt,
                      updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [zone] + Self.arguments(details) + [date, date])
            let id = PopUpVenue.ID(db.lastInsertedRowID)
            try db.appendAudit(
                action: "popup.venue.create", subject: "popUpVenue:\(id)", actor: actor, zone: zone, at: date)
            return try Self.venue(id: id, db)!
        }
    }

    package func updateVenue(_ id: PopUpVenue.ID, details: PopUpVenueDetails, by actor: User.ID, at date: Date)
        async throws -> PopUpVenue
    {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE popUpVenue SET name = ?, address = ?, commune = ?, description = ?, photoURL = ?,
                      capacity = ?, accessibility = ?, houseRules = ?, needsApproval = ?, cancellationHours = ?,
                      quota = ?, quotaPeriod = ?, updatedAt = ?
                    WHERE id = ?
                    """, arguments: Self.arguments(details) + [date, id])
            guard let venue = try Self.venue(id: id, db) else { throw CommunityError.notFound("venue") }
            try db.appendAudit(
                action: "popup.venue.update", subject: "popUpVenue:\(id)", actor: actor, zone: venue.zoneID, at: date)
            return venue
        }
    }

    package func venue(id: PopUpVenue.ID) async throws -> PopUpVenue? {
        try await database.read { db in try Self.venue(id: id, db) }
    }

    package func venues(zone: Zone.ID) async throws -> [PopUpVenue] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM popUpVenue WHERE zoneId = ? ORDER BY id", arguments: [zone])
                .map(StoredRows.venue(from:)).sortedByName(\.name)
        }
    }

    package func createSlots(
        venue: PopUpVenue.ID, plans: [PopUpSlotPlan], series: PopUpSeriesRule?, by actor: User.ID, at date: Date
    ) async throws -> [PopUpSlot] {
        try await database.write { db in
            guard
                let zone = try Zone.ID.fetchOne(
                    db, sql: "SELECT zoneId FROM popUpVenue WHERE id = ?", arguments: [venue])
            else { throw CommunityError.notFound("venue") }
            var seriesID: PopUpSeries.ID?
            if let series {
                try db.execute(
                    sql: "INSERT INTO popUpSeries (venueId, rule, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
                    arguments: [venue, try JSONColumn.encode(series), date, date])
                seriesID = PopUpSeries.ID(db.lastInsertedRowID)
                try db.appendAudit(
                    action: "popup.series.create", subject: "popUpSeries:\(seriesID!)", actor: actor, zone: zone,
                    at: date, details: ["slots": "\(plans.count)"])
            }
            var ids: [PopUpSlot.ID] = []
            for plan in plans {
                try db.execute(
                    sql: """
                        INSERT INTO popUpSlot (venueId, seriesId, localStart, localEnd, timeZone, startsAt, endsAt,
                          capacity, priceCents, opensAt, closesAt, status, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)
                        """,
                    arguments: [
                        venue, seriesID, plan.start.description, plan.end.description, plan.timeZone, plan.startsAt,
                        plan.endsAt, plan.capacity, plan.priceCents, plan.opensAt, plan.closesAt, date, date,
                    ])
                ids.append(PopUpSlot.ID(db.lastInsertedRowID))
            }
            if series == nil, let id = ids.first {
                try db.appendAudit(
                    action: "popup.slot.create", subject: "popUpSlot:\(id)", actor: actor, zone: zone, at: date)
            }
            return try ids.compactMap { try PopUpRows.slot(id: $0, db) }
        }
    }

    package func slot(id: PopUpSlot.ID) async throws -> PopUpSlot? {
        try await database.read { db in try PopUpRows.slot(id: id, db) }
    }

    package func slots(_ query: PopUpSlotQuery) async throws -> [PopUpSlot] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: PopUpRows.slotSelect + """
                     WHERE (? IS NULL OR popUpVenue.zoneId = ?) AND (? IS NULL OR popUpSlot.venueId = ?)
                      AND (? IS NULL OR popUpSlot.seriesId = ?) AND (? IS NULL OR popUpSlot.endsAt > ?)
                      AND (? OR popUpSlot.status = 'open')
                    ORDER BY popUpSlot.startsAt, popUpSlot.id LIMIT ?
                    """,
                arguments: [
                    query.zoneID, query.zoneID, query.venueID, query.venueID, query.seriesID, query.seriesID,
                    query.endingAfter, query.endingAfter, query.includeCancelled, query.limit,
                ]
            ).map(StoredRows.slot(from:))
        }
    }

    package func series(id: PopUpSeries.ID) async throws -> PopUpSeries? {
        try await database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM popUpSeries WHERE id = ?", arguments: [id]) else {
                return nil
            }
            return PopUpSeries(
                id: row["id"], venueID: row["venueId"],
                rule: try JSONColumn.decode(PopUpSeriesRule.self, from: row["rule"]), cancelled: row["cancelled"])
        }
    }

    static func venue(id: PopUpVenue.ID, _ db: Database) throws -> PopUpVenue? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM popUpVenue WHERE id = ?"), arguments: [id])
            .map(StoredRows.venue(from:))
    }

    static func arguments(_ details: PopUpVenueDetails) -> StatementArguments {
        [
            details.name, details.address, details.commune, details.description, details.photoURL, details.capacity,
            details.accessibility, details.houseRules, details.needsApproval, details.cancellationHours, details.quota,
            details.quotaPeriod.rawValue,
        ]
    }
}

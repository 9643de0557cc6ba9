import Foundation
import GRDB

/// `ZoneStore` on SQLite.
package struct SQLiteZoneStore: ZoneStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func sync(_ definitions: [String: ZoneDefinition], at date: Date) async throws -> ZoneSyncReport {
        try await database.write { db in
            var report = ZoneSyncReport()
            let stored = try Row.fetchAll(db, sql: "SELECT id, slug, definition, retiredAt FROM zone")
            var storedBySlug: [String: Row] = [:]
            for row in stored { storedBySlug[row["slug"]] = row }
            for (slug, definition) in definitions.sorted(by: { $0.key < $1.key }) {
                let json = try JSONColumn.encode(definition)
                guard let row = storedBySlug[slug] else {
                    try db.execute(
                        sql: """
                            INSERT INTO zone (slug, name, definition, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)
                            """,
                        arguments: [slug, definition.name, json, date, date])
                    let id = Zone.ID(db.lastInsertedRowID)
                    try replaceCommunes(of: id, with: definition, db)
                    try db.appendAudit(action: "zone.add", subject: "zone:\(slug)", actor: nil, zone: id, at: date)
                    report.added.append(slug)
                    continue
                }
                let id: Zone.ID = row["id"]
                let wasRetired = (row["retiredAt"] as Date?) != nil
                if (row["definition"] as String) == json && !wasRetired {
                    report.unchanged.append(slug)
                    continue
                }
                try db.execute(
                    sql: "UPDATE zone SET name = ?, definition = ?, updatedAt = ?, retiredAt = NULL WHERE id = ?",
                    arguments: [definition.name, json, date, id])
                try replaceCommunes(of: id, with: definition, db)
                let action = wasRetired ? "zone.restore" : "zone.update"
                try db.appendAudit(action: action, subject: "zone:\(slug)", actor: nil, zone: id, at: date)
                report.updated.append(slug)
            }
            for row in stored where definitions[row["slug"]] == nil && (row["retiredAt"] as Date?) == nil {
                let slug: String = row["slug"]
                try db.execute(sql: "UPDATE zone SET retiredAt = ? WHERE id = ?", arguments: [date, row["id"]])
                try db.appendAudit(
                    action: "zone.retire", subject: "zone:\(slug)", actor: nil, zone: row["id"], at: date)
                report.retired.append(slug)
            }
            return report
        }
    }

    private func replaceCommunes(of zone: Zone.ID, with definition: ZoneDefinition, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM commune WHERE zoneId = ?", arguments: [zone])
        let insert = try db.makeStatement(
            sql: "INSERT INTO commune (zoneId, name, foldedName, postcode) VALUES (?, ?, ?, ?)")
        for commune in definition.communes {
            for postcode in commune.postcodes {
                try insert.execute(arguments: [zone, commune.name, commune.name.folded, postcode])
            }
        }
    }

    package func zones(includeRetired: Bool) async throws -> [Zone] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM zone WHERE ? OR retiredAt IS NULL ORDER BY id", arguments: [includeRetired]
            ).map(StoredRows.zone(from:)).sortedByName(\.name)
        }
    }

    package func zone(slug: String) async throws -> Zone? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM zone WHERE slug = ?", arguments: [slug]).map(
                StoredRows.zone(from:))
        }
    }

    package func zone(id: Zone.ID) async throws -> Zone? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM zone WHERE id = ?", arguments: [id]).map(StoredRows.zone(from:))
        }
    }

    package func communes(postcodePrefix: String?, folded: String?, limit: Int) async throws -> [CommuneMatch] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT commune.name AS commune, commune.postcode, zone.slug, zone.name AS zoneName
                    FROM commune JOIN zone ON zone.id = commune.zoneId
                    WHERE zone.retiredAt IS NULL
                      AND (? IS NULL OR commune.postcode LIKE ? || '%')
                      AND (? IS NULL OR commune.foldedName LIKE '%' || ? || '%')
                    ORDER BY (commune.foldedName = ?) DESC, (commune.foldedName LIKE ? || '%') DESC,
                      commune.name, commune.postcode
                    LIMIT ?
                    """,
                arguments: [postcodePrefix, postcodePrefix, folded, folded, folded, folded, limit]
            ).map(StoredRows.commune(from:))
        }
    }

}

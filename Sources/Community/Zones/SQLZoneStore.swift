import Foundation
import Storage

/// `ZoneStore` on either engine.
package struct SQLZoneStore: ZoneStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func sync(_ definitions: [String: ZoneDefinition], at date: Date) async throws -> ZoneSyncReport {
        try await database.write { db in
            // Two processes loading the zone files at once take turns, so neither adds a zone twice.
            try await db.lockForWriting("zone")
            var report = ZoneSyncReport()
            let stored = try await db.fetchAll("SELECT id, slug, definition, retiredAt FROM zone")
            var storedBySlug: [String: SQLRow] = [:]
            for row in stored { storedBySlug[try row["slug"]] = row }
            for (slug, definition) in definitions.sorted(by: { $0.key < $1.key }) {
                let json = try JSONColumn.encode(definition)
                guard let row = storedBySlug[slug] else {
                    let id = Zone.ID(
                        try await db.insert(
                            "INSERT INTO zone (slug, name, definition, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)",
                            [slug, definition.name, json, date, date]))
                    try await replaceCommunes(of: id, with: definition, db)
                    try await db.appendAudit(
                        CommunityAuditAction.zoneAdd, subject: "zone:\(slug)", actor: nil, zone: id, at: date)
                    report.added.append(slug)
                    continue
                }
                let id: Zone.ID = try row["id"]
                let wasRetired = (try row["retiredAt"] as Date?) != nil
                if (try row["definition"] as String) == json && !wasRetired {
                    report.unchanged.append(slug)
                    continue
                }
                try await db.execute(
                    "UPDATE zone SET name = ?, definition = ?, updatedAt = ?, retiredAt = NULL WHERE id = ?",
                    [definition.name, json, date, id])
                try await replaceCommunes(of: id, with: definition, db)
                let action: CommunityAuditAction = wasRetired ? .zoneRestore : .zoneUpdate
                try await db.appendAudit(action, subject: "zone:\(slug)", actor: nil, zone: id, at: date)
                report.updated.append(slug)
            }
            for row in stored {
                let slug: String = try row["slug"]
                guard definitions[slug] == nil, (try row["retiredAt"] as Date?) == nil else { continue }
                let id: Zone.ID = try row["id"]
                try await db.execute("UPDATE zone SET retiredAt = ? WHERE id = ?", [date, id])
                try await db.appendAudit(
                    CommunityAuditAction.zoneRetire, subject: "zone:\(slug)", actor: nil, zone: id, at: date)
                report.retired.append(slug)
            }
            return report
        }
    }

    private func replaceCommunes(of zone: Zone.ID, with definition: ZoneDefinition, _ db: any SQLTransaction)
        async throws
    {
        try await db.execute("DELETE FROM commune WHERE zoneId = ?", [zone])
        for commune in definition.communes {
            for postcode in commune.postcodes {
                try await db.execute(
                    "INSERT INTO commune (zoneId, name, foldedName, postcode) VALUES (?, ?, ?, ?)",
                    [zone, commune.name, commune.name.folded, postcode])
            }
        }
    }

    package func zones(includeRetired: Bool) async throws -> [Zone] {
        try await database.read { db in
            try await db.fetchAll("SELECT * FROM zone WHERE ? OR retiredAt IS NULL ORDER BY id", [includeRetired])
                .map(StoredRows.zone(from:)).sortedByName(\.name)
        }
    }

    package func zone(slug: String) async throws -> Zone? {
        try await database.read { db in
            try await db.fetchOne("SELECT * FROM zone WHERE slug = ?", [slug]).map(StoredRows.zone(from:))
        }
    }

    package func zone(id: Zone.ID) async throws -> Zone? {
        try await database.read { db in
            try await db.fetchOne("SELECT * FROM zone WHERE id = ?", [id]).map(StoredRows.zone(from:))
        }
    }

    package func communes(postcodePrefix: String?, folded: String?, limit: Int) async throws -> [CommuneMatch] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT commune.name AS commune, commune.postcode, zone.slug, zone.name AS zoneName
                FROM commune JOIN zone ON zone.id = commune.zoneId
                WHERE zone.retiredAt IS NULL
                  AND (? IS NULL OR commune.postcode LIKE ? || '%')
                  AND (? IS NULL OR commune.foldedName LIKE '%' || ? || '%')
                ORDER BY (commune.foldedName = ?) DESC, (commune.foldedName LIKE ? || '%') DESC,
                  commune.name, commune.postcode
                LIMIT ?
                """,
                [postcodePrefix, postcodePrefix, folded, folded, folded, folded, limit]
            ).map(StoredRows.commune(from:))
        }
    }

}

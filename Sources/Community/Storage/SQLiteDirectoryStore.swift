import Foundation
import GRDB

/// `DirectoryStore` on SQLite.
package struct SQLiteDirectoryStore: DirectoryStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func merchants(_ filter: DirectoryFilter, limit: Int, offset: Int) async throws -> [Merchant] {
        try await database.read { db in try Self.merchants(filter, limit: limit, offset: offset, db) }
    }

    /// Merchants matching `filter` by name (the merchant store's zone and category listing too).
    static func merchants(_ filter: DirectoryFilter, limit: Int, offset: Int, _ db: Database) throws -> [Merchant] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM merchant
                WHERE (? IS NULL OR id IN (SELECT merchantId FROM merchantZone WHERE zoneId = ?))
                  AND (? IS NULL OR id IN (SELECT merchantId FROM merchantCategory WHERE category = ?))
                  AND (? IS NULL OR communeKey = ?)
                ORDER BY nameKey, id LIMIT ? OFFSET ?
                """,
            arguments: [
                filter.zoneID, filter.zoneID, filter.category?.rawValue, filter.category?.rawValue,
                filter.communeKey, filter.communeKey, limit, offset,
            ]
        ).map { try SQLiteMerchantStore.merchant(from: $0, db) }
    }

    package func counts(zoneID: Zone.ID?) async throws -> DirectoryCounts {
        try await database.read { db in
            let scope = "(? IS NULL OR m.id IN (SELECT merchantId FROM merchantZone WHERE zoneId = ?))"
            var categories: [Category: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.category, count(*) AS n FROM merchantCategory c JOIN merchant m ON m.id = c.merchantId
                    WHERE \(scope) GROUP BY c.category
                    """, arguments: [zoneID, zoneID])
            {
                if let category = Category(rawValue: row["category"]) { categories[category] = row["n"] }
            }
            let communes = try Row.fetchAll(
                db,
                sql: """
                    SELECT max(json_extract(m.profile, '$.commune')) AS name, count(*) AS n FROM merchant m
                    WHERE \(scope) GROUP BY m.communeKey ORDER BY m.communeKey
                    """, arguments: [zoneID, zoneID]
            ).map { (name: $0["name"] as String, count: $0["n"] as Int) }
            let total =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM merchant m WHERE \(scope)", arguments: [zoneID, zoneID])
                ?? 0
            return DirectoryCounts(categories: categories, communes: communes, total: total)
        }
    }

    package func confirm(_ id: Merchant.ID, by actor: User.ID, at date: Date) async throws -> Merchant {
        try await database.write { db in
            try db.execute(sql: "UPDATE merchant SET confirmedAt = ? WHERE id = ?", arguments: [date, id])
            guard db.changesCount == 1, let merchant = try SQLiteMerchantStore.merchant(id: id, db) else {
                throw CommunityError.notFound("merchant")
            }
            for zone in merchant.zoneIDs {
                try db.appendAudit(
                    action: "merchant.confirm", subject: "merchant:\(merchant.slug)", actor: actor, zone: zone, at: date
                )
            }
            return merchant
        }
    }

    package func dueForReminder(confirmedBefore cutoff: Date, limit: Int) async throws -> [Merchant] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM merchant
                    WHERE coalesce(confirmedAt, createdAt) <= ?
                      AND (confirmReminderAt IS NULL OR confirmReminderAt <= coalesce(confirmedAt, createdAt))
                    ORDER BY coalesce(confirmedAt, createdAt), id LIMIT ?
                    """, arguments: [cutoff, limit]
            ).map { try SQLiteMerchantStore.merchant(from: $0, db) }
        }
    }

    package func markReminded(_ id: Merchant.ID, at date: Date) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE merchant SET confirmReminderAt = ? WHERE id = ?", arguments: [date, id])
        }
    }

    package func importMerchants(
        _ entries: [ImportEntry], owner: User.ID, at date: Date, progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws -> [Merchant] {
        try await SQLiteMerchantStore.mappingConflicts {
            try await database.write { db in
                try entries.enumerated().map { index, entry in
                    progress(index, entries.count)
                    return try SQLiteMerchantStore.insert(
                        slug: entry.slug, profile: entry.profile, zoneIDs: entry.zoneIDs, owner: owner, at: date, db)
                }
            }
        }
    }

    package func identities(communeKeys: Set<String>, sirets: Set<String>) async throws
        -> [(name: String, postcode: String, siret: String?)]
    {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT name, json_extract(profile, '$.postcode') AS postcode, siret FROM merchant
                    WHERE communeKey IN (\(databaseQuestionMarks(count: communeKeys.count)))
                       OR siret IN (\(databaseQuestionMarks(count: sirets.count)))
                    """, arguments: StatementArguments(Array(communeKeys) + Array(sirets))
            ).map { (name: $0["name"], postcode: $0["postcode"] ?? "", siret: $0["siret"]) }
        }
    }
}

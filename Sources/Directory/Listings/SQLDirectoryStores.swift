import Community
import Foundation
import Storage

/// `DirectoryStore` on either engine.
package struct SQLDirectoryStore: DirectoryStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func merchants(_ filter: DirectoryFilter, limit: Int, offset: Int) async throws -> [Merchant] {
        try await database.read { db in
            try await SQLMerchantStore.listing(
                zoneID: filter.zoneID, category: filter.category, communeKey: filter.communeKey, limit: limit,
                offset: offset, db)
        }
    }

    package func counts(zoneID: Zone.ID?) async throws -> DirectoryCounts {
        try await database.read { db in
            let scope =
                "m.hiddenAt IS NULL AND (? IS NULL OR m.id IN (SELECT merchantId FROM merchantZone WHERE zoneId = ?))"
            var categories: [Category: Int] = [:]
            for row in try await db.fetchAll(
                """
                SELECT c.category, count(*) AS n FROM merchantCategory c JOIN merchant m ON m.id = c.merchantId
                WHERE \(scope) GROUP BY c.category
                """, [zoneID, zoneID])
            {
                if let category = Category(rawValue: try row["category"]) { categories[category] = try row["n"] }
            }
            let communes = try await db.fetchAll(
                """
                SELECT max(\(db.jsonText("m.profile", "commune"))) AS name, count(*) AS n FROM merchant m
                WHERE \(scope) GROUP BY m.communeKey ORDER BY m.communeKey
                """, [zoneID, zoneID]
            ).map { (name: try $0["name"] as String, count: try $0["n"] as Int) }
            let total: Int =
                try await db.value("SELECT count(*) FROM merchant m WHERE \(scope)", [zoneID, zoneID]) ?? 0
            return DirectoryCounts(categories: categories, communes: communes, total: total)
        }
    }

    package func confirm(_ id: Merchant.ID, by actor: User.ID, at date: Date) async throws -> Merchant {
        try await database.write { db in
            let changed = try await db.execute("UPDATE merchant SET confirmedAt = ? WHERE id = ?", [date, id])
            guard changed == 1, let merchant = try await SQLMerchantStore.merchant(id: id, db) else {
                throw CommunityNotFound.merchant.notFound
            }
            for zone in merchant.zoneIDs {
                try await db.appendAudit(
                    DirectoryAuditAction.merchantConfirm, subject: "merchant:\(merchant.slug)", actor: actor,
                    zone: zone, at: date
                )
            }
            return merchant
        }
    }

    package func dueForReminder(confirmedBefore cutoff: Date, limit: Int) async throws -> [Merchant] {
        try await database.read { db in
            try await SQLMerchantStore.merchants(
                from: try await db.fetchAll(
                    """
                    SELECT * FROM merchant
                    WHERE hiddenAt IS NULL AND coalesce(confirmedAt, createdAt) <= ?
                      AND (confirmReminderAt IS NULL OR confirmReminderAt <= coalesce(confirmedAt, createdAt))
                    ORDER BY coalesce(confirmedAt, createdAt), id LIMIT ?
                    """, [cutoff, limit]), db)
        }
    }

    package func markReminded(_ id: Merchant.ID, at date: Date) async throws {
        try await database.write { db in
            try await db.execute("UPDATE merchant SET confirmReminderAt = ? WHERE id = ?", [date, id])
        }
    }

    package func importMerchants(
        _ entries: [ImportEntry], owner: User.ID, at date: Date, progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws -> [Merchant] {
        try await SQLMerchantStore.mappingConflicts {
            try await database.write { db in
                var merchants: [Merchant] = []
                for (index, entry) in entries.enumerated() {
                    progress(index, entries.count)
                    merchants.append(
                        try await SQLMerchantStore.insert(
                            slug: entry.slug, profile: entry.profile, zoneIDs: entry.zoneIDs, owner: owner, at: date,
                            db))
                }
                return merchants
            }
        }
    }

    package func identities(communeKeys: Set<String>, sirets: Set<String>) async throws
        -> [(name: String, postcode: String, siret: String?)]
    {
        let rows = try await database.read { db in
            let (communeIn, communeList) = try db.isIn(communeKeys)
            let (siretIn, siretList) = try db.isIn(sirets)
            return try await db.fetchAll(
                """
                SELECT name, \(db.jsonText("profile", "postcode")) AS postcode, siret FROM merchant
                WHERE communeKey\(communeIn) OR siret\(siretIn)
                """, [communeList, siretList])
        }
        return try rows.map {
            (name: try $0["name"], postcode: (try $0["postcode"] as String?) ?? "", siret: try $0["siret"])
        }
    }
}

/// `SitemapStore` on either engine.
package struct SQLSitemapStore: SitemapStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    private static let live = "status = 'published' AND (validUntil IS NULL OR validUntil > ?)"

    package func chunks(size: Int, at now: Date) async throws -> [SitemapChunk] {
        try await database.read { db in
            let merchants = try await db.fetchAll(
                """
                SELECT id / ? AS number, max(updatedAt) AS changed FROM merchant WHERE hiddenAt IS NULL
                GROUP BY 1 ORDER BY 1
                """, [size])
            let posts = try await db.fetchAll(
                "SELECT id / ? AS number, max(updatedAt) AS changed FROM post WHERE \(Self.live) GROUP BY 1 ORDER BY 1",
                [size, now])
            return try merchants.map {
                SitemapChunk(kind: .merchants, number: try $0["number"], lastModified: try $0["changed"])
            }
                + posts.map { SitemapChunk(kind: .posts, number: try $0["number"], lastModified: try $0["changed"]) }
        }
    }

    package func entries(_ kind: SitemapChunk.Kind, number: Int, size: Int, at now: Date) async throws
        -> [SitemapEntry]
    {
        try await database.read { db in
            let range: [any SQLBindable] = [number * size, (number + 1) * size]
            switch kind {
            case .merchants:
                return try await db.fetchAll(
                    "SELECT slug, updatedAt FROM merchant WHERE id >= ? AND id < ? AND hiddenAt IS NULL ORDER BY id",
                    range
                ).map { SitemapEntry(key: try $0["slug"], lastModified: try $0["updatedAt"]) }
            case .posts:
                return try await db.fetchAll(
                    "SELECT id, updatedAt FROM post WHERE id >= ? AND id < ? AND \(Self.live) ORDER BY id",
                    range + [now]
                ).map { SitemapEntry(key: String(try $0["id"] as Int64), lastModified: try $0["updatedAt"]) }
            }
        }
    }
}

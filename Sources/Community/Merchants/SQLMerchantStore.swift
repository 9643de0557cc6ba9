import Foundation
import Storage

/// `MerchantStore` on either engine.
package struct SQLMerchantStore: MerchantStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func create(
        slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID], owner: User.ID, at date: Date
    ) async throws -> Merchant {
        try await Self.mappingConflicts {
            try await database.write { db in
                try await Self.insert(slug: slug, profile: profile, zoneIDs: zoneIDs, owner: owner, at: date, db)
            }
        }
    }

    /// Inserts one profile with its zones, categories and audit entries, inside the caller's transaction. A profile
    /// stored for someone else (imported by a zone admin, created by an operator: the owner is no merchant account)
    /// is claimable by its shop, as `v10-joining` marked the existing ones.
    package static func insert(
        slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID], owner: User.ID, at date: Date,
        _ db: any SQLTransaction
    ) async throws -> Merchant {
        let id = Merchant.ID(
            try await db.insert(
                """
                INSERT INTO merchant
                  (ownerId, slug, name, profile, siret, createdAt, updatedAt, communeKey, confirmedAt, nameKey,
                   claimable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT role <> 'merchant' FROM "user" WHERE id = ?))
                """,
                [
                    owner, slug, profile.name, try JSONColumn.encode(profile), profile.siret, date, date,
                    profile.commune.folded, date, profile.name.folded, owner,
                ]))
        try await replaceLinks(of: id, profile: profile, zoneIDs: zoneIDs, db)
        for zone in zoneIDs {
            try await db.appendAudit(
                CommunityAuditAction.merchantCreate, subject: "merchant:\(slug)", actor: owner, zone: zone, at: date)
        }
        return try await merchant(id: id, db)!
    }

    package func update(
        _ id: Merchant.ID, profile: MerchantProfile, zoneIDs: [Zone.ID], by actor: User.ID, at date: Date
    ) async throws -> Merchant {
        try await Self.mappingConflicts {
            try await database.write { db in
                guard let before = try await Self.merchant(id: id, db, locking: true) else {
                    throw CommunityNotFound.merchant.notFound
                }
                let contactChanged = before.profile.contactDetails != profile.contactDetails
                try await db.execute(
                    """
                    UPDATE merchant SET name = ?, nameKey = ?, profile = ?, siret = ?, updatedAt = ?, communeKey = ?,
                      contactChangedAt = CASE WHEN ? THEN ? ELSE contactChangedAt END,
                      confirmedAt = CASE WHEN ownerId = ? THEN ? ELSE confirmedAt END
                    WHERE id = ?
                    """,
                    [
                        profile.name, profile.name.folded, try JSONColumn.encode(profile), profile.siret, date,
                        profile.commune.folded, contactChanged, date, actor, date, id,
                    ])
                try await Self.replaceLinks(of: id, profile: profile, zoneIDs: zoneIDs, db)
                for zone in zoneIDs {
                    try await db.appendAudit(
                        CommunityAuditAction.merchantUpdate, subject: "merchant:\(id)", actor: actor, zone: zone,
                        at: date)
                }
                return try await Self.merchant(id: id, db)!
            }
        }
    }

    package func merchant(id: Merchant.ID) async throws -> Merchant? {
        try await database.read { db in try await Self.merchant(id: id, db) }
    }

    package func merchant(slug: String) async throws -> Merchant? {
        try await database.read { db in
            guard let row = try await db.fetchOne("SELECT * FROM merchant WHERE slug = ?", [slug]) else { return nil }
            return try await Self.merchant(from: row, db)
        }
    }

    package func merchants(ownedBy owner: User.ID) async throws -> [Merchant] {
        try await database.read { db in
            try await Self.merchants(
                from: try await db.fetchAll(
                    "SELECT * FROM merchant WHERE ownerId = ? ORDER BY nameKey\(db.bytewise), id", [owner]), db)
        }
    }

    package func merchants(zoneID: Zone.ID?, category: Category?, limit: Int) async throws -> [Merchant] {
        try await database.read { db in
            try await Self.listing(zoneID: zoneID, category: category, communeKey: nil, limit: limit, offset: 0, db)
        }
    }

    /// Merchants by name, in a zone, a category and a commune (each nil for any): the zone's list and the directory.
    package static func listing(
        zoneID: Zone.ID?, category: Category?, communeKey: String?, limit: Int, offset: Int, _ db: any SQLTransaction
    ) async throws -> [Merchant] {
        try await merchants(
            from: try await db.fetchAll(
                """
                SELECT * FROM merchant
                WHERE hiddenAt IS NULL
                  AND (? IS NULL OR id IN (SELECT merchantId FROM merchantZone WHERE zoneId = ?))
                  AND (? IS NULL OR id IN (SELECT merchantId FROM merchantCategory WHERE category = ?))
                  AND (? IS NULL OR communeKey = ?)
                ORDER BY nameKey\(db.bytewise), id LIMIT ? OFFSET ?
                """,
                [zoneID, zoneID, category?.rawValue, category?.rawValue, communeKey, communeKey, limit, offset]), db)
    }

    private static func replaceLinks(
        of id: Merchant.ID, profile: MerchantProfile, zoneIDs: [Zone.ID], _ db: any SQLTransaction
    ) async throws {
        try await db.execute("DELETE FROM merchantZone WHERE merchantId = ?", [id])
        try await db.execute("DELETE FROM merchantCategory WHERE merchantId = ?", [id])
        for zone in zoneIDs {
            try await db.execute("INSERT INTO merchantZone (merchantId, zoneId) VALUES (?, ?)", [id, zone])
        }
        for category in Set(profile.categories) {
            try await db.execute(
                "INSERT INTO merchantCategory (merchantId, category) VALUES (?, ?)", [id, category.rawValue])
        }
    }

    package static func mappingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch  where isUniqueViolation(error) {
            if String(reflecting: error).contains("siret") {
                throw CommunityProblem.siretTaken.error("another merchant profile already uses this SIRET")
            }
            throw CommunityProblem.merchantSlugTaken.error("another merchant profile already uses this name")
        }
    }

    package static func merchant(id: Merchant.ID, _ db: any SQLTransaction, locking: Bool = false) async throws
        -> Merchant?
    {
        guard
            let row = try await db.fetchOne(
                "SELECT * FROM merchant WHERE id = ?" + (locking ? db.forUpdate : ""), [id])
        else { return nil }
        return try await merchant(from: row, db)
    }

    package static func merchants(from rows: [SQLRow], _ db: any SQLTransaction) async throws -> [Merchant] {
        var merchants: [Merchant] = []
        for row in rows { merchants.append(try await merchant(from: row, db)) }
        return merchants
    }

    package static func merchant(from row: SQLRow, _ db: any SQLTransaction) async throws -> Merchant {
        let id: Merchant.ID = try row["id"]
        let zones: [Zone.ID] = try await db.values(
            "SELECT zoneId FROM merchantZone WHERE merchantId = ? ORDER BY zoneId", [id])
        return try StoredRows.merchant(from: row, zoneIDs: zones)
    }
}

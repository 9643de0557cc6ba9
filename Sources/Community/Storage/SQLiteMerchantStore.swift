import Foundation
import GRDB

/// `MerchantStore` on SQLite.
package struct SQLiteMerchantStore: MerchantStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func create(
        slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID], owner: User.ID, at date: Date
    ) async throws -> Merchant {
        try await Self.mappingConflicts {
            try await database.write { db in
                try Self.insert(slug: slug, profile: profile, zoneIDs: zoneIDs, owner: owner, at: date, db)
            }
        }
    }

    /// Inserts one profile with its zones, categories and audit entries, inside the caller's transaction.
    static func insert(
        slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID], owner: User.ID, at date: Date, _ db: Database
    ) throws -> Merchant {
        try db.execute(
            sql: """
                INSERT INTO merchant
                  (ownerId, slug, name, profile, siret, createdAt, updatedAt, communeKey, confirmedAt, nameKey)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                owner, slug, profile.name, try JSONColumn.encode(profile), profile.siret, date, date,
                profile.commune.folded, date, profile.name.folded,
            ])
        let id = Merchant.ID(db.lastInsertedRowID)
        try replaceLinks(of: id, profile: profile, zoneIDs: zoneIDs, db)
        for zone in zoneIDs {
            try db.appendAudit(
                action: "merchant.create", subject: "merchant:\(slug)", actor: owner, zone: zone, at: date)
        }
        return try merchant(id: id, db)!
    }

    package func update(
        _ id: Merchant.ID, profile: MerchantProfile, zoneIDs: [Zone.ID], by actor: User.ID, at date: Date
    ) async throws -> Merchant {
        try await Self.mappingConflicts {
            try await database.write { db in
                guard let before = try Self.merchant(id: id, db) else { throw CommunityError.notFound("merchant") }
                let contactChanged = before.profile.contactDetails != profile.contactDetails
                try db.execute(
                    sql: """
                        UPDATE merchant SET name = ?, nameKey = ?, profile = ?, siret = ?, updatedAt = ?, communeKey = ?,
                          contactChangedAt = CASE WHEN ? THEN ? ELSE contactChangedAt END,
                          confirmedAt = CASE WHEN ownerId = ? THEN ? ELSE confirmedAt END
                        WHERE id = ?
                        """,
                    arguments: [
                        profile.name, profile.name.folded, try JSONColumn.encode(profile), profile.siret, date,
                        profile.commune.folded, contactChanged, date, actor, date, id,
                    ])
                try Self.replaceLinks(of: id, profile: profile, zoneIDs: zoneIDs, db)
                for zone in zoneIDs {
                    try db.appendAudit(
                        action: "merchant.update", subject: "merchant:\(id)", actor: actor, zone: zone, at: date)
                }
                return try Self.merchant(id: id, db)!
            }
        }
    }

    package func merchant(id: Merchant.ID) async throws -> Merchant? {
        try await database.read { db in try Self.merchant(id: id, db) }
    }

    package func merchant(slug: String) async throws -> Merchant? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM merchant WHERE slug = ?", arguments: [slug])
                .map { try Self.merchant(from: $0, db) }
        }
    }

    package func merchants(ownedBy owner: User.ID) async throws -> [Merchant] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM merchant WHERE ownerId = ? ORDER BY nameKey, id", arguments: [owner]
            )
            .map { try Self.merchant(from: $0, db) }
        }
    }

    package func merchants(zoneID: Zone.ID?, category: Category?, limit: Int) async throws -> [Merchant] {
        try await database.read { db in
            try SQLiteDirectoryStore.merchants(
                DirectoryFilter(zoneID: zoneID, category: category), limit: limit, offset: 0, db)
        }
    }

    private static func replaceLinks(of id: Merchant.ID, profile: MerchantProfile, zoneIDs: [Zone.ID], _ db: Database)
        throws
    {
        try db.execute(sql: "DELETE FROM merchantZone WHERE merchantId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM merchantCategory WHERE merchantId = ?", arguments: [id])
        for zone in zoneIDs {
            try db.execute(sql: "INSERT INTO merchantZone (merchantId, zoneId) VALUES (?, ?)", arguments: [id, zone])
        }
        for category in Set(profile.categories) {
            try db.execute(
                sql: "INSERT INTO merchantCategory (merchantId, category) VALUES (?, ?)",
                arguments: [id, category.rawValue])
        }
    }

    static func mappingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            if error.message?.contains("siret") == true {
                throw CommunityError.conflict("siret_taken", "another merchant profile already uses this SIRET")
            }
            throw CommunityError.conflict("merchant_slug_taken", "another merchant profile already uses this name")
        }
    }

    static func merchant(id: Merchant.ID, _ db: Database) throws -> Merchant? {
        try Row.fetchOne(db, sql: "SELECT * FROM merchant WHERE id = ?", arguments: [id])
            .map { try merchant(from: $0, db) }
    }

    static func merchant(from row: Row, _ db: Database) throws -> Merchant {
        let id: Merchant.ID = row["id"]
        let zones = try Zone.ID.fetchAll(
            db, sql: "SELECT zoneId FROM merchantZone WHERE merchantId = ? ORDER BY zoneId", arguments: [id])
        return try StoredRows.merchant(from: row, zoneIDs: zones)
    }
}

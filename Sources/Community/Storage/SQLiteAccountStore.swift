import Foundation
import GRDB

/// `AccountStore` on SQLite.
package struct SQLiteAccountStore: AccountStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func create(_ account: NewAccount, at date: Date, actor: User.ID?) async throws -> User {
        do {
            return try await database.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO user (email, displayName, role, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [account.email, account.displayName, account.role.rawValue, account.passwordHash, date])
                let id = User.ID(db.lastInsertedRowID)
                for zone in account.zoneIDs.sorted() {
                    try db.execute(sql: "INSERT INTO userZone (userId, zoneId) VALUES (?, ?)", arguments: [id, zone])
                    try db.appendAudit(
                        action: "role.grant", subject: "user:\(id)", actor: actor, zone: zone, at: date,
                        details: ["role": account.role.rawValue])
                }
                try db.appendAudit(
                    action: "user.create", subject: "user:\(id)", actor: actor, zone: nil, at: date,
                    details: ["role": account.role.rawValue])
                return try Self.user(id: id, db)!
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw CommunityError.conflict("email_taken", "an account already uses this email address")
        }
    }

    package func user(id: User.ID) async throws -> User? {
        try await database.read { db in try Self.user(id: id, db) }
    }

    package func credentials(email: String) async throws -> (user: User, passwordHash: String)? {
        try await database.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM user WHERE email = ?", arguments: [email])
            else { return nil }
            return (try Self.user(from: row, db), row["passwordHash"])
        }
    }

    package func users(role: Role) async throws -> [User] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user WHERE role = ? ORDER BY id", arguments: [role.rawValue])
                .map { try Self.user(from: $0, db) }
        }
    }

    package func setPassword(hash: String, for user: User.ID, at date: Date) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE user SET passwordHash = ? WHERE id = ?", arguments: [hash, user])
            // A new password signs every other device out.
            try db.execute(sql: "DELETE FROM session WHERE userId = ?", arguments: [user])
            try db.appendAudit(action: "user.password", subject: "user:\(user)", actor: user, zone: nil, at: date)
        }
    }

    package func createSession(tokenDigest: String, user: User.ID, at date: Date, expiresAt: Date) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expiresAt <= ?", arguments: [date])
            try db.execute(
                sql: "INSERT INTO session (tokenDigest, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [tokenDigest, user, date, expiresAt])
        }
    }

    package func user(sessionDigest: String, now: Date) async throws -> User? {
        try await database.read { db in
            let id = try User.ID.fetchOne(
                db, sql: "SELECT userId FROM session WHERE tokenDigest = ? AND expiresAt > ?",
                arguments: [sessionDigest, now])
            return try id.flatMap { try Self.user(id: $0, db) }
        }
    }

    package func deleteSession(tokenDigest: String) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM session WHERE tokenDigest = ?", arguments: [tokenDigest])
        }
    }

    package func count(excludingDomain domain: String?) async throws -> Int {
        try await database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM user WHERE ? IS NULL OR email NOT LIKE '%@' || ?",
                arguments: [domain, domain]) ?? 0
        }
    }

    static func user(id: User.ID, _ db: Database) throws -> User? {
        try Row.fetchOne(db, sql: "SELECT * FROM user WHERE id = ?", arguments: [id]).map { try user(from: $0, db) }
    }

    static func user(from row: Row, _ db: Database) throws -> User {
        let id: User.ID = row["id"]
        let zones = try Zone.ID.fetchAll(db, sql: "SELECT zoneId FROM userZone WHERE userId = ?", arguments: [id])
        return StoredRows.user(from: row, zoneIDs: zones)
    }
}

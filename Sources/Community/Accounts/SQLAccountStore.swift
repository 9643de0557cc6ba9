import Foundation
import Storage

/// `AccountStore` on either engine.
package struct SQLAccountStore: AccountStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func create(_ account: NewAccount, at date: Date, actor: User.ID?) async throws -> User {
        do {
            return try await database.write { db in
                let id = User.ID(
                    try await db.insert(
                        "INSERT INTO \"user\" (email, displayName, role, passwordHash, createdAt) VALUES (?, ?, ?, ?, ?)",
                        [account.email, account.displayName, account.role.rawValue, account.passwordHash, date]))
                for zone in account.zoneIDs.sorted() {
                    try await db.execute("INSERT INTO userZone (userId, zoneId) VALUES (?, ?)", [id, zone])
                    try await db.appendAudit(
                        CommunityAuditAction.roleGrant, subject: "user:\(id)", actor: actor, zone: zone, at: date,
                        details: ["role": account.role.rawValue])
                }
                try await db.appendAudit(
                    CommunityAuditAction.userCreate, subject: "user:\(id)", actor: actor, zone: nil, at: date,
                    details: ["role": account.role.rawValue])
                return try await Self.user(id: id, db)!
            }
        } catch  where isUniqueViolation(error) {
            throw CommunityProblem.emailTaken.error("an account already uses this email address")
        }
    }

    package func user(id: User.ID) async throws -> User? {
        try await database.read { db in try await Self.user(id: id, db) }
    }

    package func credentials(email: String) async throws -> (user: User, passwordHash: String)? {
        let found: (User, String)? = try await database.read { db in
            guard let row = try await db.fetchOne("SELECT * FROM \"user\" WHERE lower(email) = lower(?)", [email])
            else { return nil }
            return (try await Self.user(from: row, db), try row["passwordHash"])
        }
        return found.map { (user: $0.0, passwordHash: $0.1) }
    }

    package func users(role: Role) async throws -> [User] {
        try await database.read { db in
            var users: [User] = []
            for row in try await db.fetchAll("SELECT * FROM \"user\" WHERE role = ? ORDER BY id", [role.rawValue]) {
                users.append(try await Self.user(from: row, db))
            }
            return users
        }
    }

    package func setPassword(hash: String, for user: User.ID, at date: Date) async throws {
        try await database.write { db in
            try await db.execute("UPDATE \"user\" SET passwordHash = ? WHERE id = ?", [hash, user])
            // A new password signs every other device out.
            try await db.execute("DELETE FROM session WHERE userId = ?", [user])
            try await db.appendAudit(
                CommunityAuditAction.userPassword, subject: "user:\(user)", actor: user, zone: nil, at: date)
        }
    }

    package func createSession(tokenDigest: String, user: User.ID, at date: Date, expiresAt: Date) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM session WHERE expiresAt <= ?", [date])
            try await db.execute(
                "INSERT INTO session (tokenDigest, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
                [tokenDigest, user, date, expiresAt])
        }
    }

    package func user(sessionDigest: String, now: Date) async throws -> User? {
        try await database.read { db in
            let id: User.ID? = try await db.value(
                """
                SELECT session.userId FROM session JOIN "user" ON "user".id = session.userId
                WHERE session.tokenDigest = ? AND session.expiresAt > ? AND "user".status = 'active'
                """, [sessionDigest, now])
            guard let id else { return nil }
            return try await Self.user(id: id, db)
        }
    }

    package func deleteSession(tokenDigest: String) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM session WHERE tokenDigest = ?", [tokenDigest])
        }
    }

    package func find(_ text: String, role: Role?, limit: Int) async throws -> [User] {
        let pattern =
            "%" + text.lowercased().replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
            + "%"
        return try await database.read { db in
            var users: [User] = []
            let rows = try await db.fetchAll(
                """
                SELECT * FROM "user" WHERE (lower(email) LIKE ? OR lower(displayName) LIKE ?) AND (? IS NULL OR role = ?)
                ORDER BY id DESC LIMIT ?
                """, [pattern, pattern, role?.rawValue, role?.rawValue, limit])
            for row in rows { users.append(try await Self.user(from: row, db)) }
            return users
        }
    }

    package func setStatus(_ status: AccountStatus, of user: User.ID, by actor: User.ID?, at date: Date) async throws
        -> User
    {
        try await database.write { db in
            guard try await Self.user(id: user, db) != nil else { throw CommunityNotFound.user.notFound }
            try await db.execute("UPDATE \"user\" SET status = ? WHERE id = ?", [status.rawValue, user])
            if status != .active { try await db.execute("DELETE FROM session WHERE userId = ?", [user]) }
            try await db.appendAudit(
                status == .active ? CommunityAuditAction.userEnable : CommunityAuditAction.userDisable,
                subject: "user:\(user)", actor: actor, zone: nil, at: date, details: ["status": status.rawValue])
            return try await Self.user(id: user, db)!
        }
    }

    package func grantZone(_ zone: Zone.ID, to user: User.ID, by actor: User.ID?, at date: Date) async throws -> User {
        try await database.write { db in
            guard let found = try await Self.user(id: user, db) else { throw CommunityNotFound.user.notFound }
            guard found.role == .zoneAdmin || found.role == .resident else {
                throw CommunityField.role.invalid("only a resident or a zone admin can be given a zone to administer")
            }
            try await db.execute("UPDATE \"user\" SET role = 'zone-admin' WHERE id = ?", [user])
            try await db.execute(
                "INSERT INTO userZone (userId, zoneId) VALUES (?, ?) ON CONFLICT DO NOTHING", [user, zone])
            try await db.appendAudit(
                CommunityAuditAction.roleGrant, subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["role": Role.zoneAdmin.rawValue])
            return try await Self.user(id: user, db)!
        }
    }

    package func revokeZone(_ zone: Zone.ID, from user: User.ID, by actor: User.ID?, at date: Date) async throws
        -> User
    {
        try await database.write { db in
            guard let found = try await Self.user(id: user, db) else { throw CommunityNotFound.user.notFound }
            guard found.zoneIDs.contains(zone) else {
                throw CommunityField.administeredZone.invalid("this account does not administer that zone")
            }
            try await db.execute("DELETE FROM userZone WHERE userId = ? AND zoneId = ?", [user, zone])
            if found.zoneIDs.count == 1 {
                try await db.execute("UPDATE \"user\" SET role = 'resident' WHERE id = ?", [user])
            }
            try await db.appendAudit(
                CommunityAuditAction.roleRevoke, subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["role": Role.zoneAdmin.rawValue])
            return try await Self.user(id: user, db)!
        }
    }

    package func deleteSessions(of user: User.ID) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM session WHERE userId = ?", [user])
        }
    }

    package func count(excludingDomain domain: String?) async throws -> Int {
        try await database.read { db in
            try await db.value(
                "SELECT count(*) FROM \"user\" WHERE ? IS NULL OR email NOT LIKE '%@' || ?", [domain, domain]) ?? 0
        }
    }

    package static func user(id: User.ID, _ db: any SQLTransaction) async throws -> User? {
        guard let row = try await db.fetchOne("SELECT * FROM \"user\" WHERE id = ?", [id]) else { return nil }
        return try await user(from: row, db)
    }

    static func user(from row: SQLRow, _ db: any SQLTransaction) async throws -> User {
        let id: User.ID = try row["id"]
        let zones: [Zone.ID] = try await db.values("SELECT zoneId FROM userZone WHERE userId = ?", [id])
        return try StoredRows.user(from: row, zoneIDs: zones)
    }
}

/// `AuditStore` on either engine.
package struct SQLAuditStore: AuditStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func entries(zoneID: Zone.ID?, limit: Int) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT * FROM auditEntry WHERE (? IS NULL OR zoneId = ?) ORDER BY id DESC LIMIT ?",
                [zoneID, zoneID, limit]
            ).map(StoredRows.auditEntry(from:))
        }
    }

    package func entries(actor: User.ID) async throws -> [AuditEntry] {
        try await database.read { db in
            try await db.fetchAll("SELECT * FROM auditEntry WHERE actorId = ? ORDER BY id", [actor])
                .map(StoredRows.auditEntry(from:))
        }
    }
}

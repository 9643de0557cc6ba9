import Community
import Foundation
import Storage

/// `MembershipStore` on either engine. A link is used by deleting its row: whoever deletes it first used it, so a
/// link works once even when two requests bring it at the same moment.
package struct SQLMembershipStore: MembershipStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func createSignUp(
        _ account: NewAccount, shop: ShopRequest, token: String, expiresAt: Date, at date: Date
    ) async throws -> User {
        do {
            return try await database.write { db in
                let id = User.ID(
                    try await db.insert(
                        """
                        INSERT INTO "user" (email, displayName, role, passwordHash, createdAt, status)
                        VALUES (?, ?, ?, ?, ?, 'unverified')
                        """,
                        [account.email, account.displayName, account.role.rawValue, account.passwordHash, date]))
                try await db.execute(
                    """
                    INSERT INTO signUp (userId, zoneId, shopName, category, commune, postcode, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [id, shop.zoneID, shop.name, shop.category.rawValue, shop.commune, shop.postcode, date])
                try await Self.insertToken(token, purpose: .verify, user: id, expiresAt: expiresAt, at: date, db)
                try await db.appendAudit(
                    MembershipAuditAction.signUp, subject: "user:\(id)", actor: id, zone: shop.zoneID, at: date,
                    details: ["role": account.role.rawValue])
                return try await SQLAccountStore.user(id: id, db)!
            }
        } catch  where isUniqueViolation(error) {
            throw CommunityProblem.emailTaken.error("an account already uses this email address")
        }
    }

    package func issueToken(
        _ digest: String, purpose: AccountTokenPurpose, user: User.ID, expiresAt: Date, at date: Date
    ) async throws {
        try await database.write { db in
            try await Self.insertToken(digest, purpose: purpose, user: user, expiresAt: expiresAt, at: date, db)
        }
    }

    package func tokenOwner(_ digest: String, purpose: AccountTokenPurpose, now: Date) async throws -> User.ID? {
        try await database.read { db in
            try await db.value(
                "SELECT userId FROM accountToken WHERE digest = ? AND purpose = ? AND expiresAt > ?",
                [digest, purpose.rawValue, now])
        }
    }

    package func signUp(user: User.ID) async throws -> SignUpRecord? {
        try await database.read { db in
            guard let row = try await db.fetchOne("SELECT * FROM signUp WHERE userId = ?", [user]) else {
                return nil
            }
            return try await Self.record(from: row, db)
        }
    }

    package func confirm(_ digest: String, user: User.ID, merchant: NewMerchant?, now: Date) async throws -> User {
        try await database.write { db in
            guard try await Self.use(digest, purpose: .verify, now: now, db)["userId"] as User.ID == user else {
                throw MembershipProblem.linkInvalid.error("this link is no longer valid")
            }
            let status: AccountStatus = merchant == nil ? .pending : .active
            try await db.execute(
                "UPDATE \"user\" SET status = ? WHERE id = ? AND status = 'unverified'", [status.rawValue, user])
            try await db.execute("UPDATE signUp SET verifiedAt = ? WHERE userId = ?", [now, user])
            let zone: Zone.ID? = try await db.value("SELECT zoneId FROM signUp WHERE userId = ?", [user])
            try await db.appendAudit(
                MembershipAuditAction.verify, subject: "user:\(user)", actor: user, zone: zone, at: now)
            if let merchant {
                try await Self.activate(user: user, merchant: merchant, by: user, at: now, db)
            }
            return try await SQLAccountStore.user(id: user, db)!
        }
    }

    package func approve(user: User.ID, merchant: NewMerchant, by actor: User.ID, at date: Date) async throws
        -> Merchant
    {
        try await SQLMerchantStore.mappingConflicts {
            try await database.write { db in
                try await Self.checkPending(user, db)
                try await db.execute("UPDATE \"user\" SET status = 'active' WHERE id = ?", [user])
                return try await Self.activate(user: user, merchant: merchant, by: actor, at: date, db)
            }
        }
    }

    package func refuse(user: User.ID, reason: String, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            try await Self.checkPending(user, db)
            try await db.execute("UPDATE \"user\" SET status = 'refused' WHERE id = ?", [user])
            try await db.execute("DELETE FROM session WHERE userId = ?", [user])
            try await db.execute(
                "UPDATE signUp SET decidedAt = ?, decidedBy = ?, reason = ? WHERE userId = ?",
                [date, actor, reason, user])
            let zone: Zone.ID? = try await db.value("SELECT zoneId FROM signUp WHERE userId = ?", [user])
            try await db.appendAudit(
                MembershipAuditAction.refuse, subject: "user:\(user)", actor: actor, zone: zone, at: date,
                details: ["reason": reason])
        }
    }

    package func pendingSignUps(zones: Set<Zone.ID>?) async throws -> [SignUpRecord] {
        try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT signUp.* FROM signUp JOIN "user" ON "user".id = signUp.userId
                WHERE "user".status = 'pending' AND signUp.decidedAt IS NULL
                ORDER BY signUp.verifiedAt, signUp.userId
                """)
            var records: [SignUpRecord] = []
            for row in rows {
                let zone: Zone.ID = try row["zoneId"]
                if let zones, !zones.contains(zone) { continue }
                records.append(try await Self.record(from: row, db))
            }
            return records
        }
    }

    package func resetPassword(_ digest: String, hash: String, now: Date) async throws -> User {
        try await database.write { db in
            let user: User.ID = try await Self.use(digest, purpose: .reset, now: now, db)["userId"]
            try await db.execute("UPDATE \"user\" SET passwordHash = ? WHERE id = ?", [hash, user])
            // A new password signs every device out.
            try await db.execute("DELETE FROM session WHERE userId = ?", [user])
            try await db.appendAudit(
                MembershipAuditAction.passwordReset, subject: "user:\(user)", actor: user, zone: nil, at: now)
            return try await SQLAccountStore.user(id: user, db)!
        }
    }

    package func issueEmailChange(
        _ digest: String, user: User.ID, newEmail: String, expiresAt: Date, at date: Date
    ) async throws {
        try await database.write { db in
            try await Self.insertToken(digest, purpose: .email, user: user, expiresAt: expiresAt, at: date, db)
            try await db.execute("UPDATE accountToken SET newEmail = ? WHERE digest = ?", [newEmail, digest])
        }
    }

    package func changeEmail(_ digest: String, now: Date) async throws -> (user: User, previous: String) {
        do {
            return try await database.write { db in
                let row = try await Self.use(digest, purpose: .email, now: now, db)
                guard let user = try await SQLAccountStore.user(id: try row["userId"], db) else {
                    throw MembershipProblem.linkInvalid.error("this link is no longer valid")
                }
                let newEmail: String = try row["newEmail"]
                try await db.execute("UPDATE \"user\" SET email = ? WHERE id = ?", [newEmail, user.id])
                try await db.appendAudit(
                    MembershipAuditAction.emailChange, subject: "user:\(user.id)", actor: user.id, zone: nil, at: now)
                return (try await SQLAccountStore.user(id: user.id, db)!, user.email)
            }
        } catch  where isUniqueViolation(error) {
            throw CommunityProblem.emailTaken.error("an account already uses this email address")
        }
    }

    /// Replaces `user`'s links of `purpose` with this one.
    static func insertToken(
        _ digest: String, purpose: AccountTokenPurpose, user: User.ID, expiresAt: Date, at date: Date,
        _ db: any SQLTransaction
    ) async throws {
        try await db.execute("DELETE FROM accountToken WHERE expiresAt <= ?", [date])
        try await db.execute(
            "DELETE FROM accountToken WHERE userId = ? AND purpose = ?", [user, purpose.rawValue])
        try await db.execute(
            "INSERT INTO accountToken (digest, purpose, userId, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
            [digest, purpose.rawValue, user, date, expiresAt])
    }

    /// Deletes the link and returns its row (`userId`, `newEmail`); fails with `link_invalid` unless it was live.
    static func use(_ digest: String, purpose: AccountTokenPurpose, now: Date, _ db: any SQLTransaction)
        async throws -> SQLRow
    {
        let used = try await db.fetchOne(
            "DELETE FROM accountToken WHERE digest = ? AND purpose = ? RETURNING userId, expiresAt, newEmail",
            [digest, purpose.rawValue])
        guard let used, try used["expiresAt"] as Date > now else {
            throw MembershipProblem.linkInvalid.error("this link is no longer valid")
        }
        return used
    }

    static func checkPending(_ user: User.ID, _ db: any SQLTransaction) async throws {
        let status: String? = try await db.value("SELECT status FROM \"user\" WHERE id = ?" + db.forUpdate, [user])
        guard let status else { throw MembershipNotFound.signUp.notFound }
        guard status == AccountStatus.pending.rawValue else {
            throw MembershipProblem.signUpDecided.error("this sign-up was already decided")
        }
    }

    /// Stores the shop and records the decision, inside the caller's transaction.
    @discardableResult
    static func activate(
        user: User.ID, merchant: NewMerchant, by actor: User.ID, at date: Date, _ db: any SQLTransaction
    ) async throws -> Merchant {
        let stored = try await SQLMerchantStore.insert(
            slug: merchant.slug, profile: merchant.profile, zoneIDs: merchant.zoneIDs, owner: user, at: date, db)
        try await db.execute(
            "UPDATE signUp SET decidedAt = ?, decidedBy = ?, merchantId = ? WHERE userId = ?",
            [date, actor, stored.id, user])
        try await db.appendAudit(
            MembershipAuditAction.approve, subject: "user:\(user)", actor: actor, zone: merchant.zoneIDs.first,
            at: date, details: ["merchant": merchant.slug])
        return stored
    }

    static func record(from row: SQLRow, _ db: any SQLTransaction) async throws -> SignUpRecord {
        guard let user = try await SQLAccountStore.user(id: try row["userId"], db) else {
            throw MembershipNotFound.signUp.notFound
        }
        let category: String = try row["category"]
        guard let known = Category(rawValue: category) else {
            throw SchemaMismatch.unexpectedValue(column: "category", value: category, expected: "a category")
        }
        return SignUpRecord(
            user: user,
            shop: ShopRequest(
                name: try row["shopName"], category: known,
                zoneID: try row["zoneId"], commune: try row["commune"], postcode: try row["postcode"]),
            createdAt: try row["createdAt"], verifiedAt: try row["verifiedAt"], decidedAt: try row["decidedAt"],
            merchantID: try row["merchantId"], reason: try row["reason"])
    }
}

import Community
import Foundation
import Storage

extension SQLMembershipStore {
    package func createResident(_ account: NewAccount, token: String, expiresAt: Date, at date: Date) async throws
        -> User
    {
        do {
            return try await database.write { db in
                let id = User.ID(
                    try await db.insert(
                        """
                        INSERT INTO "user" (email, displayName, role, passwordHash, createdAt, status)
                        VALUES (?, ?, 'resident', ?, ?, 'unverified')
                        """,
                        [account.email, account.displayName, account.passwordHash, date]))
                try await Self.insertToken(token, purpose: .verify, user: id, expiresAt: expiresAt, at: date, db)
                try await db.appendAudit(
                    MembershipAuditAction.signUp, subject: "user:\(id)", actor: id, zone: nil, at: date,
                    details: ["role": Role.resident.rawValue])
                return try await SQLAccountStore.user(id: id, db)!
            }
        } catch  where isUniqueViolation(error) {
            throw CommunityProblem.emailTaken.error("an account already uses this email address")
        }
    }

    package func confirmResident(_ digest: String, user: User.ID, now: Date) async throws -> User {
        try await database.write { db in
            guard try await Self.use(digest, purpose: .verify, now: now, db)["userId"] as User.ID == user else {
                throw MembershipProblem.linkInvalid.error("this link is no longer valid")
            }
            try await db.execute("UPDATE \"user\" SET status = 'active' WHERE id = ? AND status = 'unverified'", [user])
            // The address is now proven to be the person's: the digest subscription they made with it is theirs.
            try await db.execute(
                """
                UPDATE subscription SET userId = ?
                WHERE userId IS NULL AND lower(email) = (SELECT lower(email) FROM "user" WHERE id = ?)
                """, [user, user])
            try await db.appendAudit(
                MembershipAuditAction.verify, subject: "user:\(user)", actor: user, zone: nil, at: now)
            return try await SQLAccountStore.user(id: user, db)!
        }
    }
}

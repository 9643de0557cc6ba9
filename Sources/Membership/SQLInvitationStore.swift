import Community
import Foundation
import Storage

/// `InvitationStore` on either engine. An invitation is used by the update that marks it accepted only while it is
/// live: whoever marks it first used it, so a link works once even when two requests bring it together.
package struct SQLInvitationStore: InvitationStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func invite(
        email: String, role: InvitedRole, zone: Zone.ID, digest: String, by actor: User.ID, expiresAt: Date,
        at date: Date
    ) async throws -> Invitation {
        try await database.write { db in
            let replaced: Int64? = try await db.value(
                """
                UPDATE invitation SET digest = ?, invitedBy = ?, createdAt = ?, expiresAt = ?
                WHERE id = (SELECT max(id) FROM invitation WHERE lower(email) = ? AND zoneId = ? AND role = ?
                  AND acceptedAt IS NULL AND revokedAt IS NULL AND expiresAt > ?)
                RETURNING id
                """, [digest, actor, date, expiresAt, email.lowercased(), zone, role.rawValue, date])
            let id: Invitation.ID
            if let replaced {
                id = Invitation.ID(replaced)
            } else {
                id = Invitation.ID(
                    try await db.insert(
                        """
                        INSERT INTO invitation (digest, email, role, zoneId, invitedBy, createdAt, expiresAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, [digest, email.lowercased(), role.rawValue, zone, actor, date, expiresAt]))
            }
            try await db.appendAudit(
                MembershipAuditAction.invite, subject: "invitation:\(id)", actor: actor, zone: zone, at: date,
                details: ["role": role.rawValue, "replaced": replaced == nil ? "false" : "true"])
            return try await Self.invitation(id: id, db)!
        }
    }

    package func invitation(id: Invitation.ID) async throws -> Invitation? {
        try await database.read { db in try await Self.invitation(id: id, db) }
    }

    package func invitation(digest: String) async throws -> Invitation? {
        try await database.read { db in
            try await db.fetchOne("SELECT * FROM invitation WHERE digest = ?", [digest]).map(Self.invitation(from:))
        }
    }

    package func invitations(zone: Zone.ID?, limit: Int) async throws -> [Invitation] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT * FROM invitation WHERE (? IS NULL OR zoneId = ?) ORDER BY id DESC LIMIT ?",
                [zone, zone, limit]
            ).map(Self.invitation(from:))
        }
    }

    package func revoke(_ id: Invitation.ID, by actor: User.ID, at date: Date) async throws -> Invitation {
        try await database.write { db in
            let revoked = try await db.execute(
                """
                UPDATE invitation SET revokedAt = ?, revokedBy = ?
                WHERE id = ? AND acceptedAt IS NULL AND revokedAt IS NULL AND expiresAt > ?
                """, [date, actor, id, date])
            guard let invitation = try await Self.invitation(id: id, db) else {
                throw MembershipNotFound.invitation.notFound
            }
            guard revoked == 1 else {
                throw MembershipProblem.invitationNotLive.error("this invitation was accepted, revoked or expired")
            }
            try await db.appendAudit(
                MembershipAuditAction.revokeInvitation, subject: "invitation:\(id)", actor: actor,
                zone: invitation.zoneID, at: date, details: ["role": invitation.role.rawValue])
            return invitation
        }
    }

    package func acceptWithNewAccount(_ digest: String, account: NewAccount, merchant: NewMerchant?, now: Date)
        async throws -> User
    {
        try await SQLMerchantStore.mappingConflicts {
            try await database.write { db in
                let invitation = try await Self.use(digest, now: now, db)
                let id: User.ID
                do {
                    id = User.ID(
                        try await db.insert(
                            """
                            INSERT INTO "user" (email, displayName, role, passwordHash, createdAt, status)
                            VALUES (?, ?, ?, ?, ?, 'active')
                            """,
                            [invitation.email, account.displayName, account.role.rawValue, account.passwordHash, now]))
                } catch  where isUniqueViolation(error) {
                    throw CommunityProblem.emailTaken.error("an account already uses this email address")
                }
                try await db.appendAudit(
                    CommunityAuditAction.userCreate, subject: "user:\(id)", actor: id, zone: nil, at: now,
                    details: ["role": account.role.rawValue])
                return try await Self.grant(invitation, to: id, role: account.role, merchant: merchant, now: now, db)
            }
        }
    }

    package func acceptWithAccount(_ digest: String, user: User.ID, role: Role, merchant: NewMerchant?, now: Date)
        async throws -> User
    {
        try await SQLMerchantStore.mappingConflicts {
            try await database.write { db in
                let invitation = try await Self.use(digest, now: now, db)
                guard let found = try await SQLAccountStore.user(id: user, db),
                    found.email.lowercased() == invitation.email
                else {
                    throw MembershipProblem.invitationOtherAccount.error("this invitation is for another address")
                }
                if found.role != role {
                    try await db.execute("UPDATE \"user\" SET role = ? WHERE id = ?", [role.rawValue, user])
                }
                return try await Self.grant(invitation, to: user, role: role, merchant: merchant, now: now, db)
            }
        }
    }

    /// Marks a live invitation accepted (its `acceptedBy` is set by `grant`); fails with `invitation_invalid`.
    static func use(_ digest: String, now: Date, _ db: any SQLTransaction) async throws -> Invitation {
        let row = try await db.fetchOne(
            """
            UPDATE invitation SET acceptedAt = ?
            WHERE digest = ? AND acceptedAt IS NULL AND revokedAt IS NULL AND expiresAt > ?
            RETURNING *
            """, [now, digest, now])
        guard let row else { throw MembershipProblem.invitationInvalid.error("this invitation is no longer valid") }
        return try invitation(from: row)
    }

    /// Gives `user` the invited role in the zone, and records the acceptance, inside the caller's transaction.
    static func grant(
        _ invitation: Invitation, to user: User.ID, role: Role, merchant: NewMerchant?, now: Date,
        _ db: any SQLTransaction
    ) async throws -> User {
        try await db.execute("UPDATE invitation SET acceptedBy = ? WHERE id = ?", [user, invitation.id])
        let zone = invitation.zoneID
        switch invitation.role {
        case .zoneAdmin:
            try await db.execute(
                "INSERT INTO userZone (userId, zoneId) VALUES (?, ?) ON CONFLICT DO NOTHING", [user, zone])
            try await db.appendAudit(
                CommunityAuditAction.roleGrant, subject: "user:\(user)", actor: invitation.invitedBy, zone: zone,
                at: now, details: ["role": Role.zoneAdmin.rawValue])
        case .organiser:
            // The pop-up organiser grant, written as PopUps' own store writes it (Membership does not import
            // PopUps): one row per account and zone, audited as a role given by the inviter.
            try await db.execute(
                """
                INSERT INTO popUpOrganiser (userId, zoneId, grantedBy, grantedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, [user, zone, invitation.invitedBy, now])
            try await db.appendAudit(
                CommunityAuditAction.roleGrant, subject: "user:\(user)", actor: invitation.invitedBy, zone: zone,
                at: now, details: ["role": "pop-up-organiser"])
        case .merchant:
            if let merchant {
                _ = try await SQLMerchantStore.insert(
                    slug: merchant.slug, profile: merchant.profile, zoneIDs: merchant.zoneIDs, owner: user, at: now,
                    db)
            }
        }
        try await db.appendAudit(
            MembershipAuditAction.acceptInvitation, subject: "invitation:\(invitation.id)", actor: user, zone: zone,
            at: now, details: ["role": invitation.role.rawValue])
        return try await SQLAccountStore.user(id: user, db)!
    }

    static func invitation(id: Invitation.ID, _ db: any SQLTransaction) async throws -> Invitation? {
        try await db.fetchOne("SELECT * FROM invitation WHERE id = ?", [id]).map(invitation(from:))
    }

    static func invitation(from row: SQLRow) throws -> Invitation {
        let role: String = try row["role"]
        guard let known = InvitedRole(rawValue: role) else {
            throw SchemaMismatch.unexpectedValue(column: "role", value: role, expected: "an invited role")
        }
        return Invitation(
            id: try row["id"], email: try row["email"], role: known, zoneID: try row["zoneId"],
            invitedBy: try row["invitedBy"], createdAt: try row["createdAt"], expiresAt: try row["expiresAt"],
            acceptedAt: try row["acceptedAt"], acceptedBy: try row["acceptedBy"], revokedAt: try row["revokedAt"],
            revokedBy: try row["revokedBy"])
    }
}

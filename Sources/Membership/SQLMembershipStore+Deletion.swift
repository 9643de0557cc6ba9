import Community
import Foundation
import Storage

extension SQLMembershipStore {
    /// What a deleted account's row says instead of the person's address and name.
    static func deletedAddress(_ user: User.ID) -> String { "deleted-\(user)@deleted.invalid" }
    static let deletedName = "Compte supprimé"
    /// The wording kept in the consent record of a subscription ended by deleting the account.
    static let deletionWording = "Abonnement arrêté : la personne a supprimé son compte."

    package func deleteAccount(_ user: User.ID, at date: Date) async throws -> AccountDeletion {
        try await database.write { db in
            let email: String? = try await db.value(
                "SELECT email FROM \"user\" WHERE id = ? AND deletedAt IS NULL" + db.forUpdate, [user])
            guard let email else { throw CommunityNotFound.user.notFound }
            let shops: [Merchant.ID] = try await db.values(
                "SELECT id FROM merchant WHERE ownerId = ? AND claimable = ? AND hiddenAt IS NULL",
                [user, false])
            let posts = try await withdrawPosts(of: shops, at: date, db)
            for shop in shops { try await hide(shop, at: date, db) }
            let subscriptions = try await endSubscriptions(of: user, email: email, at: date, db)
            try await forget(user, email: email, at: date, db)
            try await db.appendAudit(
                MembershipAuditAction.delete, subject: "user:\(user)", actor: user, zone: nil, at: date,
                details: ["posts": "\(posts)", "listings": "\(shops.count)"])
            return AccountDeletion(
                postsWithdrawn: posts, listingsHidden: shops.count, subscriptionsEnded: subscriptions)
        }
    }

    private func withdrawPosts(of shops: [Merchant.ID], at date: Date, _ db: any SQLTransaction) async throws -> Int {
        guard !shops.isEmpty else { return 0 }
        return try await db.execute(
            """
            UPDATE post SET status = 'withdrawn', updatedAt = ?
            WHERE merchantId IN (\(SQL.marks(shops.count)))
              AND status IN ('draft', 'submitted', 'held', 'scheduled', 'published')
            """, [date] + shops)
    }

    /// Takes the shop off every public list and clears how to reach it; its name, place and slug stay, so that
    /// the audit log and the posts' history still read.
    private func hide(_ shop: Merchant.ID, at date: Date, _ db: any SQLTransaction) async throws {
        guard let text: String = try await db.value("SELECT profile FROM merchant WHERE id = ?", [shop]) else { return }
        var profile = try JSONColumn.decode(MerchantProfile.self, from: text)
        (profile.description, profile.address, profile.links) = ("", "", [])
        (profile.phone, profile.email, profile.website, profile.openingHours, profile.siret) = (nil, nil, nil, nil, nil)
        try await db.execute(
            "UPDATE merchant SET hiddenAt = ?, profile = ?, siret = NULL, updatedAt = ? WHERE id = ?",
            [date, try JSONColumn.encode(profile), date, shop])
        try await db.execute(
            "UPDATE marketApplication SET status = 'withdrawn' WHERE merchantId = ? AND status = 'pending'", [shop])
    }

    private func endSubscriptions(of user: User.ID, email: String, at date: Date, _ db: any SQLTransaction)
        async throws -> Int
    {
        let ids: [Int64] = try await db.values(
            """
            SELECT id FROM subscription
            WHERE (userId = ? OR lower(email) = lower(?)) AND status <> 'unsubscribed'
            """, [user, email])
        for id in ids {
            try await db.execute(
                "UPDATE subscription SET status = 'unsubscribed', updatedAt = ? WHERE id = ?", [date, id])
            try await db.execute(
                """
                INSERT INTO consentEvent (subscriptionId, action, wording, source, at)
                VALUES (?, 'unsubscribed', ?, 'account-deletion', ?)
                """, [id, Self.deletionWording, date])
        }
        return ids.count
    }

    /// Empties the account's row and takes away everything that lets it act: sessions, links, roles, claims, the
    /// invitations it sent or was sent that are still pending (the address kept on the others is replaced).
    private func forget(_ user: User.ID, email: String, at date: Date, _ db: any SQLTransaction) async throws {
        let address = Self.deletedAddress(user)
        try await db.execute(
            """
            UPDATE "user" SET email = ?, displayName = ?, passwordHash = '!', status = 'disabled', deletedAt = ?
            WHERE id = ?
            """, [address, Self.deletedName, date, user])
        for table in ["session", "accountToken", "userZone", "popUpOrganiser", "signUp", "noticePreference"] {
            try await db.execute("DELETE FROM \(table) WHERE userId = ?", [user])
        }
        try await db.execute(
            """
            UPDATE listingClaim SET decidedAt = ?, decidedBy = ?, outcome = 'withdrawn'
            WHERE userId = ? AND decidedAt IS NULL
            """, [date, user, user])
        try await db.execute(
            """
            UPDATE invitation SET revokedAt = ?, revokedBy = ?
            WHERE (lower(email) = lower(?) OR invitedBy = ?) AND acceptedAt IS NULL AND revokedAt IS NULL
            """, [date, user, email, user])
        try await db.execute(
            "UPDATE invitation SET email = ? WHERE lower(email) = lower(?) OR acceptedBy = ?", [address, email, user])
    }
}

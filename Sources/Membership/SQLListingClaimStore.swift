import Community
import Foundation
import Storage

/// `ListingClaimStore` on either engine. A listing changes owner by `UPDATE merchant ... WHERE claimable`: the first
/// transaction to do it wins, and a second one, whether it waited for the first (PostgreSQL's row lock) or came
/// after it (SQLite's single writer), changes no row and fails.
package struct SQLListingClaimStore: ListingClaimStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func open(
        merchant: Merchant.ID, user: User.ID, method: ClaimMethod, digest: String?, expiresAt: Date?, siret: String?,
        message: String?, at date: Date
    ) async throws -> ListingClaim {
        try await database.write { db in
            guard let listing = try await SQLMerchantStore.merchant(id: merchant, db, locking: true) else {
                throw CommunityNotFound.merchant.notFound
            }
            guard listing.claimable else { throw Self.notClaimable }
            // The newer request replaces the person's earlier one (and its link, if it had one).
            try await db.execute(
                """
                UPDATE listingClaim SET decidedAt = ?, decidedBy = ?, outcome = 'withdrawn'
                WHERE merchantId = ? AND userId = ? AND decidedAt IS NULL
                """, [date, user, merchant, user])
            let id = ListingClaim.ID(
                try await db.insert(
                    """
                    INSERT INTO listingClaim (merchantId, userId, method, digest, expiresAt, siret, message, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        merchant, user, method.rawValue, digest, expiresAt, siret, message,
                        date,
                    ]))
            for zone in listing.zoneIDs {
                try await db.appendAudit(
                    MembershipAuditAction.claimRequest, subject: "merchant:\(listing.slug)", actor: user, zone: zone,
                    at: date, details: ["method": method.rawValue, "claim": "\(id.rawValue)"])
            }
            return try await Self.claim(id: id, db)!
        }
    }

    package func claim(id: ListingClaim.ID) async throws -> ListingClaim? {
        try await database.read { db in try await Self.claim(id: id, db) }
    }

    package func openClaim(merchant: Merchant.ID, user: User.ID) async throws -> ListingClaim? {
        try await database.read { db in
            try await db.fetchOne(
                "SELECT * FROM listingClaim WHERE merchantId = ? AND userId = ? AND decidedAt IS NULL",
                [merchant, user]
            ).map(Self.claim(from:))
        }
    }

    package func useLink(_ digest: String, user: User.ID, now: Date) async throws -> ClaimTransfer {
        try await database.write { db in
            let claim = try await Self.locked("digest = ? AND method = 'email'", digest, db)
            guard let claim, claim.isOpen, let expiresAt = claim.expiresAt,
                expiresAt > now
            else { throw MembershipProblem.linkInvalid.error("this link is no longer valid") }
            guard claim.userID == user else {
                throw MembershipProblem.claimOtherAccount.error("this link was asked for from another account")
            }
            return try await Self.transfer(claim, by: user, at: now, db)
        }
    }

    package func approve(_ id: ListingClaim.ID, by actor: User.ID, at date: Date) async throws -> ClaimTransfer {
        try await database.write { db in
            guard let claim = try await Self.locked("id = ?", id, db), claim.method == .review else {
                throw MembershipNotFound.claim.notFound
            }
            guard claim.isOpen else { throw Self.decided }
            return try await Self.transfer(claim, by: actor, at: date, db)
        }
    }

    package func refuse(_ id: ListingClaim.ID, reason: String, by actor: User.ID, at date: Date) async throws
        -> ListingClaim
    {
        try await database.write { db in
            let row = try await db.fetchOne(
                """
                UPDATE listingClaim SET decidedAt = ?, decidedBy = ?, outcome = 'refused', reason = ?
                WHERE id = ? AND method = 'review' AND decidedAt IS NULL RETURNING *
                """, [date, actor, reason, id])
            guard let claim = try row.map(Self.claim(from:)) else {
                guard try await Self.claim(id: id, db)?.method == .review else {
                    throw MembershipNotFound.claim.notFound
                }
                throw Self.decided
            }
            guard let listing = try await SQLMerchantStore.merchant(id: claim.merchantID, db) else {
                throw CommunityNotFound.merchant.notFound
            }
            for zone in listing.zoneIDs {
                try await db.appendAudit(
                    MembershipAuditAction.claimRefuse, subject: "merchant:\(listing.slug)", actor: actor, zone: zone,
                    at: date, details: ["claim": "\(id.rawValue)", "reason": reason])
            }
            return claim
        }
    }

    package func pendingReviews(zone: Zone.ID) async throws -> [ClaimReview] {
        try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT c.* FROM listingClaim c JOIN merchant m ON m.id = c.merchantId
                WHERE c.method = 'review' AND c.decidedAt IS NULL AND m.claimable = ?
                  AND m.id IN (SELECT merchantId FROM merchantZone WHERE zoneId = ?)
                ORDER BY c.createdAt, c.id
                """, [true, zone])
            var reviews: [ClaimReview] = []
            for row in rows {
                let claim = try Self.claim(from: row)
                guard let merchant = try await SQLMerchantStore.merchant(id: claim.merchantID, db),
                    let claimant = try await SQLAccountStore.user(id: claim.userID, db)
                else { continue }
                reviews.append(ClaimReview(claim: claim, merchant: merchant, claimant: claimant))
            }
            return reviews
        }
    }

    /// The claim `condition` finds, locked with its listing, the listing first: every hand-over of one listing takes
    /// the same first lock, so that two of them wait for each other instead of deadlocking on each other's claims.
    static func locked(_ condition: String, _ value: any SQLBindable, _ db: any SQLTransaction) async throws
        -> ListingClaim?
    {
        let found: Merchant.ID? = try await db.value(
            "SELECT merchantId FROM listingClaim WHERE \(condition)", [value])
        guard let found else { return nil }
        _ = try await db.fetchOne("SELECT id FROM merchant WHERE id = ?" + db.forUpdate, [found])
        return try await db.fetchOne("SELECT * FROM listingClaim WHERE \(condition)" + db.forUpdate, [value]).map(
            claim(from:))
    }

    /// Makes the claimant the owner, if the listing is still claimable, and closes every other open claim of it,
    /// inside the caller's transaction.
    static func transfer(_ claim: ListingClaim, by actor: User.ID, at date: Date, _ db: any SQLTransaction)
        async throws -> ClaimTransfer
    {
        guard let before = try await SQLMerchantStore.merchant(id: claim.merchantID, db) else {
            throw CommunityNotFound.merchant.notFound
        }
        let moved = try await db.execute(
            "UPDATE merchant SET ownerId = ?, claimable = ?, updatedAt = ? WHERE id = ? AND claimable = ?",
            [claim.userID, false, date, claim.merchantID, true])
        guard moved == 1 else { throw notClaimable }
        let decided = try await db.execute(
            """
            UPDATE listingClaim SET decidedAt = ?, decidedBy = ?, outcome = 'approved'
            WHERE id = ? AND decidedAt IS NULL
            """, [date, actor, claim.id])
        guard decided == 1 else { throw Self.decided }
        let closed = try await db.fetchAll(
            """
            UPDATE listingClaim SET decidedAt = ?, decidedBy = ?, outcome = 'refused', reason = ?
            WHERE merchantId = ? AND decidedAt IS NULL RETURNING *
            """, [date, actor, otherClaimWon, claim.merchantID]
        ).map(Self.claim(from:))
        for zone in before.zoneIDs {
            try await db.appendAudit(
                MembershipAuditAction.claimApprove, subject: "merchant:\(before.slug)", actor: actor, zone: zone,
                at: date,
                details: [
                    "claim": "\(claim.id.rawValue)", "method": claim.method.rawValue, "owner": "user:\(claim.userID)",
                    "previousOwner": "user:\(before.ownerID)", "closedClaims": "\(closed.count)",
                ])
        }
        guard let merchant = try await SQLMerchantStore.merchant(id: claim.merchantID, db),
            let approved = try await Self.claim(id: claim.id, db)
        else { throw CommunityNotFound.merchant.notFound }
        return ClaimTransfer(merchant: merchant, claim: approved, closed: closed)
    }

    /// The reason the other claimants of a listing read once one claim won (French: it goes into their mail).
    package static let otherClaimWon =
        "Cette fiche a été revendiquée par un autre compte, qui en est désormais responsable."

    static var notClaimable: CommunityError {
        MembershipProblem.listingNotClaimable.error("this listing already has its owner")
    }

    static var decided: CommunityError { MembershipProblem.claimDecided.error("this claim was already decided") }

    static func claim(id: ListingClaim.ID, _ db: any SQLTransaction) async throws -> ListingClaim? {
        try await db.fetchOne("SELECT * FROM listingClaim WHERE id = ?", [id]).map(claim(from:))
    }

    static func claim(from row: SQLRow) throws -> ListingClaim {
        let method: String = try row["method"]
        guard let known = ClaimMethod(rawValue: method) else {
            throw SchemaMismatch.unexpectedValue(column: "method", value: method, expected: "email or review")
        }
        return ListingClaim(
            id: try row["id"], merchantID: try row["merchantId"], userID: try row["userId"], method: known,
            siret: try row["siret"], message: try row["message"], createdAt: try row["createdAt"], expiresAt: try row["expiresAt"],
            decidedAt: try row["decidedAt"], decidedBy: try row["decidedBy"],
            outcome: (try row["outcome"] as String?).flatMap(ClaimOutcome.init(rawValue:)), reason: try row["reason"])
    }
}

import Community
import Foundation
import Storage

/// `MarketStore` on either engine.
package struct SQLMarketStore: MarketStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func create(zoneID: Zone.ID, slug: String, draft: MarketDraft, by actor: User.ID, at date: Date)
        async throws -> Market
    {
        do {
            return try await database.write { db in
                try await db.execute(
                    """
                    INSERT INTO market (zoneId, slug, title, description, startsAt, endsAt, applicationsOpenAt,
                      applicationsCloseAt, createdBy, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        zoneID, slug, draft.title, draft.description, draft.startsAt, draft.endsAt,
                        draft.applicationsOpenAt, draft.applicationsCloseAt, actor, date, date,
                    ])
                try await db.appendAudit(
                    DirectoryAuditAction.marketCreate, subject: "market:\(slug)", actor: actor, zone: zoneID, at: date)
                return try await Self.market(db, "slug = ?", [slug])!
            }
        } catch  where isUniqueViolation(error) {
            throw DirectoryProblem.marketSlugTaken.error("the zone already has a market with this title")
        }
    }

    package func market(slug: String) async throws -> Market? {
        try await database.read { db in try await Self.market(db, "slug = ?", [slug]) }
    }

    package func markets(zoneID: Zone.ID, endingAfter now: Date) async throws -> [Market] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT * FROM market WHERE zoneId = ? AND endsAt > ? ORDER BY startsAt, id", [zoneID, now]
            )
            .map(StoredRows.market(from:))
        }
    }

    package func apply(_ market: Market.ID, merchant: Merchant.ID, posts: [Post.ID], by actor: User.ID, at date: Date)
        async throws -> MarketApplication
    {
        do {
            return try await database.write { db in
                let id = try await db.insert(
                    """
                    INSERT INTO marketApplication (marketId, merchantId, status, createdAt, updatedAt)
                    VALUES (?, ?, 'pending', ?, ?)
                    """, [market, merchant, date, date])
                for post in posts {
                    try await db.execute("INSERT INTO marketOffer (applicationId, postId) VALUES (?, ?)", [id, post])
                }
                let zone: Zone.ID? = try await db.value("SELECT zoneId FROM market WHERE id = ?", [market])
                try await db.appendAudit(
                    DirectoryAuditAction.marketApply, subject: "marketApplication:\(id)", actor: actor, zone: zone,
                    at: date)
                return try await Self.applications(db, "a.id = ?", [id])[0]
            }
        } catch  where isUniqueViolation(error) {
            throw DirectoryProblem.alreadyApplied.error("this merchant has already applied to this market")
        }
    }

    package func applications(_ market: Market.ID) async throws -> [MarketApplication] {
        try await database.read { db in try await Self.applications(db, "a.marketId = ?", [market]) }
    }

    package func decide(
        _ application: MarketApplication.ID, in market: Market.ID, status: MarketApplication.Status,
        reason: String?, by actor: User.ID, at date: Date
    ) async throws -> MarketApplication {
        try await database.write { db in
            let changed = try await db.execute(
                """
                UPDATE marketApplication SET status = ?, reason = ?, decidedBy = ?, decidedAt = ?, updatedAt = ?
                WHERE id = ? AND marketId = ? AND status = 'pending'
                """, [status.rawValue, reason, actor, date, date, application, market])
            guard changed == 1 else {
                guard try await Self.applications(db, "a.id = ? AND a.marketId = ?", [application, market]).isEmpty
                else {
                    throw DirectoryProblem.applicationDecided.error("this application was already decided")
                }
                throw DirectoryNotFound.application.notFound
            }
            let zone: Zone.ID? = try await db.value("SELECT zoneId FROM market WHERE id = ?", [market])
            try await db.appendAudit(
                status == .approved ? DirectoryAuditAction.marketApprove : .marketReject,
                subject: "marketApplication:\(application)", actor: actor, zone: zone, at: date)
            return try await Self.applications(db, "a.id = ?", [application])[0]
        }
    }

    package func offers(_ market: Market.ID, at now: Date) async throws -> [Post] {
        try await database.read { db in
            try await db.fetchAll(
                SQLPostStore.select + """
                     WHERE post.id IN (SELECT o.postId FROM marketOffer o JOIN marketApplication a ON a.id = o.applicationId
                                       WHERE a.marketId = ? AND a.status = 'approved')
                      AND post.status = 'published' AND (post.validUntil IS NULL OR post.validUntil > ?)
                    ORDER BY post.id DESC LIMIT 200
                    """, [market, now]
            ).map(StoredRows.post(from:))
        }
    }

    private static func market(_ db: any SQLTransaction, _ condition: String, _ arguments: [any SQLBindable])
        async throws -> Market?
    {
        try await db.fetchOne("SELECT * FROM market WHERE \(condition)", arguments).map(StoredRows.market(from:))
    }

    private static func applications(
        _ db: any SQLTransaction, _ condition: String, _ arguments: [any SQLBindable]
    ) async throws -> [MarketApplication] {
        try await db.fetchAll(
            """
            SELECT a.*, m.slug AS merchantSlug, m.name AS merchantName,
              (SELECT \(db.joined("postId")) FROM marketOffer WHERE applicationId = a.id) AS posts
            FROM marketApplication a JOIN merchant m ON m.id = a.merchantId
            WHERE m.hiddenAt IS NULL AND (\(condition)) ORDER BY a.id
            """, arguments
        ).map { row in
            MarketApplication(
                id: try row["id"], marketID: try row["marketId"], merchantID: try row["merchantId"],
                merchantSlug: try row["merchantSlug"], merchantName: try row["merchantName"],
                status: MarketApplication.Status(rawValue: try row["status"]) ?? .pending,
                postIDs: (try row["posts"] as String).split(separator: ",").compactMap { Int64($0) }.sorted()
                    .map(Post.ID.init),
                createdAt: try row["createdAt"], reason: try row["reason"])
        }
    }
}

import Foundation
import GRDB

/// `MarketStore` on SQLite.
package struct SQLiteMarketStore: MarketStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func create(zoneID: Zone.ID, slug: String, draft: MarketDraft, by actor: User.ID, at date: Date)
        async throws -> Market
    {
        do {
            return try await database.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO market (zoneId, slug, title, description, startsAt, endsAt, applicationsOpenAt,
                          applicationsCloseAt, createdBy, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        zoneID, slug, draft.title, draft.description, draft.startsAt, draft.endsAt,
                        draft.applicationsOpenAt, draft.applicationsCloseAt, actor, date, date,
                    ])
                try db.appendAudit(
                    action: "market.create", subject: "market:\(slug)", actor: actor, zone: zoneID, at: date)
                return try Self.market(db, "slug = ?", [slug])!
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw CommunityError.conflict("market_slug_taken", "the zone already has a market with this title")
        }
    }

    package func market(slug: String) async throws -> Market? {
        try await database.read { db in try Self.market(db, "slug = ?", [slug]) }
    }

    package func markets(zoneID: Zone.ID, endingAfter now: Date) async throws -> [Market] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM market WHERE zoneId = ? AND endsAt > ? ORDER BY startsAt, id",
                arguments: [zoneID, now]
            ).map(StoredRows.market(from:))
        }
    }

    package func apply(_ market: Market.ID, merchant: Merchant.ID, posts: [Post.ID], by actor: User.ID, at date: Date)
        async throws -> MarketApplication
    {
        do {
            return try await database.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO marketApplication (marketId, merchantId, status, createdAt, updatedAt)
                        VALUES (?, ?, 'pending', ?, ?)
                        """, arguments: [market, merchant, date, date])
                let id = db.lastInsertedRowID
                for post in posts {
                    try db.execute(
                        sql: "INSERT INTO marketOffer (applicationId, postId) VALUES (?, ?)", arguments: [id, post])
                }
                let zone = try Zone.ID.fetchOne(db, sql: "SELECT zoneId FROM market WHERE id = ?", arguments: [market])
                try db.appendAudit(
                    action: "market.apply", subject: "marketApplication:\(id)", actor: actor, zone: zone, at: date)
                return try Self.applications(db, "a.id = ?", [id])[0]
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw CommunityError.conflict("already_applied", "this merchant has already applied to this market")
        }
    }

    package func applications(_ market: Market.ID) async throws -> [MarketApplication] {
        try await database.read { db in try Self.applications(db, "a.marketId = ?", [market]) }
    }

    package func decide(
        _ application: MarketApplication.ID, in market: Market.ID, status: MarketApplication.Status,
        by actor: User.ID, at date: Date
    ) async throws -> MarketApplication {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE marketApplication SET status = ?, decidedBy = ?, decidedAt = ?, updatedAt = ?
                    WHERE id = ? AND marketId = ? AND status = 'pending'
                    """, arguments: [status.rawValue, actor, date, date, application, market])
            guard db.changesCount == 1 else {
                guard try Self.applications(db, "a.id = ? AND a.marketId = ?", [application, market]).isEmpty else {
                    throw CommunityError.conflict("application_decided", "this application was already decided")
                }
                throw CommunityError.notFound("application")
            }
            let zone = try Zone.ID.fetchOne(db, sql: "SELECT zoneId FROM market WHERE id = ?", arguments: [market])
            try db.appendAudit(
                action: "market.\(status == .approved ? "approve" : "reject")",
                subject: "marketApplication:\(application)", actor: actor, zone: zone, at: date)
            return try Self.applications(db, "a.id = ?", [application])[0]
        }
    }

    package func offers(_ market: Market.ID, at now: Date) async throws -> [Post] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: SQLitePostStore.select + """
                     WHERE post.id IN (SELECT o.postId FROM marketOffer o JOIN marketApplication a ON a.id = o.applicationId
                                       WHERE a.marketId = ? AND a.status = 'approved')
                      AND post.status = 'published' AND (post.validUntil IS NULL OR post.validUntil > ?)
                    ORDER BY post.id DESC LIMIT 200
                    """, arguments: [market, now]
            ).map(StoredRows.post(from:))
        }
    }

    private static func market(_ db: Database, _ condition: String, _ arguments: StatementArguments) throws -> Market? {
        try Row.fetchOne(db, sql: "SELECT * FROM market WHERE \(condition)", arguments: arguments).map(
            StoredRows.market(from:))
    }

    private static func applications(_ db: Database, _ condition: String, _ arguments: StatementArguments) throws
        -> [MarketApplication]
    {
        try Row.fetchAll(
            db,
            sql: """
                SELECT a.*, m.slug AS merchantSlug, m.name AS merchantName,
                  (SELECT json_group_array(postId) FROM marketOffer WHERE applicationId = a.id) AS posts
                FROM marketApplication a JOIN merchant m ON m.id = a.merchantId
                WHERE \(condition) ORDER BY a.id
                """, arguments: arguments
        ).map { row in
            MarketApplication(
                id: row["id"], marketID: row["marketId"], merchantID: row["merchantId"],
                merchantSlug: row["merchantSlug"], merchantName: row["merchantName"],
                status: MarketApplication.Status(rawValue: row["status"]) ?? .pending,
                postIDs: try JSONColumn.decode([Post.ID].self, from: row["posts"]).sorted(), createdAt: row["createdAt"]
            )
        }
    }
}

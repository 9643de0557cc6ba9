import Foundation
import GRDB

/// `PostStore` on SQLite.
package struct SQLitePostStore: PostStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func create(
        zoneID: Zone.ID, merchantID: Merchant.ID, content: PostContent, by actor: User.ID, at date: Date
    ) async throws -> Post {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO post (zoneId, merchantId, kind, title, body, category, priceCents, imageURL, validFrom,
                      validUntil, eventAt, publishAt, status, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)
                    """,
                arguments: [zoneID, merchantID] + Self.contentArguments(content) + [date, date])
            let id = Post.ID(db.lastInsertedRowID)
            try db.appendAudit(action: "post.create", subject: "post:\(id)", actor: actor, zone: zoneID, at: date)
            return try Self.post(id: id, db)!
        }
    }

    package func update(
        _ id: Post.ID, content: PostContent, status: PostStatus, heldReasons: [String], expected: PostStatus,
        action: String, by actor: User.ID, at date: Date
    ) async throws -> Post {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE post SET kind = ?, title = ?, body = ?, category = ?, priceCents = ?, imageURL = ?,
                      validFrom = ?, validUntil = ?, eventAt = ?, publishAt = ?, status = ?, heldReasons = ?,
                      updatedAt = ?, \(Self.publishedAtOnMove)
                    WHERE id = ? AND status = ?
                    """,
                arguments: Self.contentArguments(content)
                    + [
                        status.rawValue, try JSONColumn.encode(heldReasons), date, status.rawValue, date, id,
                        expected.rawValue,
                    ])
            return try Self.finishTransition(id, expected: expected, action: action, actor: actor, at: date, db)
        }
    }

    package func transition(
        _ id: Post.ID, from expected: PostStatus, to status: PostStatus, heldReasons: [String], action: String,
        by actor: User.ID?, at date: Date
    ) async throws -> Post {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE post SET status = ?, heldReasons = ?, updatedAt = ?, \(Self.publishedAtOnMove)
                    WHERE id = ? AND status = ?
                    """,
                arguments: [
                    status.rawValue, try JSONColumn.encode(heldReasons), date, status.rawValue, date, id,
                    expected.rawValue,
                ])
            return try Self.finishTransition(id, expected: expected, action: action, actor: actor, at: date, db)
        }
    }

    /// Audits a conditional update, or explains why it changed nothing.
    private static func finishTransition(
        _ id: Post.ID, expected: PostStatus, action: String, actor: User.ID?, at date: Date, _ db: Database
    ) throws -> Post {
        guard db.changesCount == 1 else {
            guard let current = try post(id: id, db) else { throw CommunityError.notFound("post") }
            throw CommunityError.conflict(
                "stale_status", "the post is now \(current.status.rawValue), no longer \(expected.rawValue)")
        }
        let post = try post(id: id, db)!
        try db.appendAudit(
            action: action, subject: "post:\(id)", actor: actor, zone: post.zoneID, at: date,
            details: ["from": expected.rawValue, "to": post.status.rawValue])
        return post
    }

    package func post(id: Post.ID) async throws -> Post? {
        try await database.read { db in try Self.post(id: id, db) }
    }

    package func posts(_ query: PostQuery) async throws -> [Post] {
        try await database.read { db in
            let statuses = query.statuses.map(\.rawValue).sorted()
            let placeholders = databaseQuestionMarks(count: statuses.count)
            return try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE post.status IN (\(placeholders))
                      AND (? IS NULL OR post.zoneId = ?)
                      AND (? IS NULL OR post.merchantId = ?)
                      AND (? IS NULL OR post.category = ?)
                      AND (? IS NULL OR post.kind = ?)
                      AND (? IS NULL OR post.validUntil IS NULL OR post.validUntil > ?)
                      AND (? IS NULL OR post.id < ?)
                    ORDER BY post.id DESC LIMIT ?
                    """,
                arguments: StatementArguments(statuses)
                    + [
                        query.zoneID, query.zoneID, query.merchantID, query.merchantID, query.category?.rawValue,
                        query.category?.rawValue, query.kind?.rawValue, query.kind?.rawValue, query.liveAt,
                        query.liveAt, query.before, query.before, query.limit,
                    ]
            ).map(StoredRows.post(from:))
        }
    }

    package func advance(to now: Date) async throws -> (published: Int, expired: Int) {
        try await database.write { db in
            let due = try Row.fetchAll(
                db, sql: "SELECT id, zoneId FROM post WHERE status = 'scheduled' AND publishAt <= ?", arguments: [now])
            let ended = try Row.fetchAll(
                db, sql: "SELECT id, zoneId FROM post WHERE status = 'published' AND validUntil <= ?", arguments: [now])
            for row in due {
                try db.execute(
                    sql: "UPDATE post SET status = 'published', publishedAt = ?, updatedAt = ? WHERE id = ?",
                    arguments: [now, now, row["id"]])
                try db.appendAudit(
                    action: "post.publish_scheduled", subject: "post:\(row["id"] as Int64)", actor: nil,
                    zone: row["zoneId"], at: now)
            }
            for row in ended {
                try db.execute(
                    sql: "UPDATE post SET status = 'expired', updatedAt = ? WHERE id = ?", arguments: [now, row["id"]])
                try db.appendAudit(
                    action: "post.expire", subject: "post:\(row["id"] as Int64)", actor: nil, zone: row["zoneId"],
                    at: now)
            }
            return (due.count, ended.count)
        }
    }

    package func publishedForDigest(in zones: [Zone.ID], after: Date, through: Date) async throws -> [Post] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE post.zoneId IN (\(databaseQuestionMarks(count: zones.count))) AND post.status = 'published'
                      AND post.publishedAt > ? AND post.publishedAt <= ?
                      AND (post.validUntil IS NULL OR post.validUntil > ?)
                    ORDER BY post.publishedAt DESC, post.id DESC
                    """,
                arguments: StatementArguments(zones) + [after, through, through]
            ).map(StoredRows.post(from:))
        }
    }

    package func posts(ids: [Post.ID]) async throws -> [Post] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try Row.fetchAll(
                db, sql: Self.select + " WHERE post.id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids)
            ).map(StoredRows.post(from:))
        }
    }

    package func count() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM post") ?? 0 }
    }

    /// A post keeps the moment it was first published, whatever happens to it later; the two arguments are the new
    /// status and the date of the change.
    static let publishedAtOnMove =
        "publishedAt = CASE WHEN ? = 'published' THEN coalesce(publishedAt, ?) ELSE publishedAt END"

    static let select = """
        SELECT post.*, zone.slug AS zoneSlug, merchant.slug AS merchantSlug, merchant.name AS merchantName
        FROM post JOIN zone ON zone.id = post.zoneId JOIN merchant ON merchant.id = post.merchantId
        """

    private static func contentArguments(_ content: PostContent) -> StatementArguments {
        [
            content.kind.rawValue, content.title, content.body, content.category.rawValue, content.priceCents,
            content.imageURL, content.validFrom, content.validUntil, content.eventAt, content.publishAt,
        ]
    }

    static func post(id: Post.ID, _ db: Database) throws -> Post? {
        try Row.fetchOne(db, sql: select + " WHERE post.id = ?", arguments: [id]).map(StoredRows.post(from:))
    }

}

import Foundation
import Storage

/// `PostStore` on either engine.
package struct SQLPostStore: PostStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func create(
        zoneID: Zone.ID, merchantID: Merchant.ID, content: PostContent, by actor: User.ID, at date: Date
    ) async throws -> Post {
        try await database.write { db in try await Self.insert(zoneID, merchantID, content, by: actor, at: date, db) }
    }

    package func createSubmitted(
        zoneID: Zone.ID, merchantID: Merchant.ID, content: PostContent, status: PostStatus, heldReasons: [String],
        by actor: User.ID, at date: Date
    ) async throws -> Post {
        try await database.write { db in
            let draft = try await Self.insert(zoneID, merchantID, content, by: actor, at: date, db)
            let changed = try await db.execute(
                """
                UPDATE post SET status = ?, heldReasons = ?, updatedAt = ?, \(SQLPostStore.publishedAtOnMove)
                WHERE id = ? AND status = 'draft'
                """, [status.rawValue, try JSONColumn.encode(heldReasons), date, status.rawValue, date, draft.id])
            return try await Self.finishTransition(
                draft.id, changed: changed, expected: .draft, action: .postSubmit, actor: actor, at: date, db)
        }
    }

    /// A new draft and its audit entry, inside the caller's transaction.
    private static func insert(
        _ zoneID: Zone.ID, _ merchantID: Merchant.ID, _ content: PostContent, by actor: User.ID, at date: Date,
        _ db: any SQLTransaction
    ) async throws -> Post {
        let id = Post.ID(
            try await db.insert(
                """
                INSERT INTO post (zoneId, merchantId, kind, title, body, category, priceCents, imageURL, validFrom,
                  validUntil, eventAt, publishAt, status, createdAt, updatedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?)
                """,
                [zoneID, merchantID] + Self.contentArguments(content) + [date, date]))
        try await db.appendAudit(
            CommunityAuditAction.postCreate, subject: "post:\(id)", actor: actor, zone: zoneID, at: date)
        return try await Self.post(id: id, db)!
    }

    package func update(
        _ id: Post.ID, content: PostContent, status: PostStatus, heldReasons: [String], expected: PostStatus,
        action: CommunityAuditAction, by actor: User.ID, at date: Date
    ) async throws -> Post {
        try await database.write { db in
            let changed = try await db.execute(
                """
                UPDATE post SET kind = ?, title = ?, body = ?, category = ?, priceCents = ?, imageURL = ?,
                  validFrom = ?, validUntil = ?, eventAt = ?, publishAt = ?, status = ?, heldReasons = ?,
                  updatedAt = ?, \(SQLPostStore.publishedAtOnMove)
                WHERE id = ? AND status = ?
                """,
                Self.contentArguments(content)
                    + [
                        status.rawValue, try JSONColumn.encode(heldReasons), date, status.rawValue, date, id,
                        expected.rawValue,
                    ])
            return try await Self.finishTransition(
                id, changed: changed, expected: expected, action: action, actor: actor, at: date, db)
        }
    }

    package func transition(
        _ id: Post.ID, from expected: PostStatus, to status: PostStatus, heldReasons: [String],
        action: CommunityAuditAction,
        by actor: User.ID?, at date: Date
    ) async throws -> Post {
        try await database.write { db in
            let changed = try await db.execute(
                """
                UPDATE post SET status = ?, heldReasons = ?, updatedAt = ?, \(SQLPostStore.publishedAtOnMove)
                WHERE id = ? AND status = ?
                """,
                [
                    status.rawValue, try JSONColumn.encode(heldReasons), date, status.rawValue, date, id,
                    expected.rawValue,
                ])
            return try await Self.finishTransition(
                id, changed: changed, expected: expected, action: action, actor: actor, at: date, db)
        }
    }

    /// Audits a conditional update, or explains why it changed nothing.
    private static func finishTransition(
        _ id: Post.ID, changed: Int, expected: PostStatus, action: CommunityAuditAction, actor: User.ID?, at date: Date,
        _ db: any SQLTransaction
    ) async throws -> Post {
        guard changed == 1 else {
            guard let current = try await post(id: id, db) else { throw CommunityNotFound.post.notFound }
            throw CommunityProblem.staleStatus.error(
                "the post is now \(current.status.rawValue), no longer \(expected.rawValue)")
        }
        let post = try await post(id: id, db)!
        try await db.appendAudit(
            action, subject: "post:\(id)", actor: actor, zone: post.zoneID, at: date,
            details: ["from": expected.rawValue, "to": post.status.rawValue])
        return post
    }

    package func post(id: Post.ID) async throws -> Post? {
        try await database.read { db in try await Self.post(id: id, db) }
    }

    package func posts(_ query: PostQuery) async throws -> [Post] {
        try await database.read { db in
            let statuses = query.statuses.map(\.rawValue).sorted()
            return try await db.fetchAll(
                SQLPostStore.select + """
                     WHERE post.status IN (\(SQL.marks(statuses.count)))
                      AND (? IS NULL OR post.zoneId = ?)
                      AND (? IS NULL OR post.merchantId = ?)
                      AND (? IS NULL OR post.category = ?)
                      AND (? IS NULL OR post.kind = ?)
                      AND (? IS NULL OR post.validUntil IS NULL OR post.validUntil > ?)
                      AND (? IS NULL OR post.id < ?)
                    ORDER BY post.id DESC LIMIT ?
                    """,
                statuses as [any SQLBindable]
                    + [
                        query.zoneID, query.zoneID, query.merchantID, query.merchantID, query.category?.rawValue,
                        query.category?.rawValue, query.kind?.rawValue, query.kind?.rawValue, query.liveAt,
                        query.liveAt, query.before, query.before, query.limit,
                    ]
            ).map(StoredRows.post(from:))
        }
    }

    package func advance(to now: Date) async throws -> (published: Int, expired: Int) {
        let counts: [Int] = try await database.write { db in
            // Each row is claimed by one process: a second process running the same step skips it.
            let due = try await db.fetchAll(
                """
                UPDATE post SET status = 'published', publishedAt = ?, updatedAt = ?
                WHERE status = 'scheduled' AND publishAt <= ? RETURNING id, zoneId
                """, [now, now, now])
            for row in due {
                let id: Int64 = try row["id"]
                let zone: Zone.ID = try row["zoneId"]
                try await db.appendAudit(
                    CommunityAuditAction.postPublishScheduled, subject: "post:\(id)", actor: nil, zone: zone, at: now)
            }
            let ended = try await db.fetchAll(
                """
                UPDATE post SET status = 'expired', updatedAt = ?
                WHERE status = 'published' AND validUntil <= ? RETURNING id, zoneId
                """, [now, now])
            for row in ended {
                let id: Int64 = try row["id"]
                let zone: Zone.ID = try row["zoneId"]
                try await db.appendAudit(
                    CommunityAuditAction.postExpire, subject: "post:\(id)", actor: nil, zone: zone, at: now)
            }
            return [due.count, ended.count]
        }
        return (counts[0], counts[1])
    }

    package func count() async throws -> Int {
        try await database.read { db in try await db.value("SELECT count(*) FROM post") ?? 0 }
    }

    package func publishedForDigest(in zones: [Zone.ID], after: Date, through: Date) async throws -> [Post] {
        guard !zones.isEmpty else { return [] }
        return try await database.read { db in
            try await db.fetchAll(
                SQLPostStore.select + """
                     WHERE post.zoneId IN (\(SQL.marks(zones.count))) AND post.status = 'published'
                      AND post.publishedAt > ? AND post.publishedAt <= ?
                      AND (post.validUntil IS NULL OR post.validUntil > ?)
                    ORDER BY post.publishedAt DESC, post.id DESC
                    """,
                zones as [any SQLBindable] + [after, through, through]
            ).map(StoredRows.post(from:))
        }
    }

    package func posts(ids: [Post.ID]) async throws -> [Post] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try await db.fetchAll(
                SQLPostStore.select + " WHERE post.id IN (\(SQL.marks(ids.count)))", ids
            ).map(StoredRows.post(from:))
        }
    }

    package static let publishedAtOnMove =
        "publishedAt = CASE WHEN ? = 'published' THEN coalesce(publishedAt, ?) ELSE publishedAt END"

    package static let select = """
        SELECT post.*, zone.slug AS zoneSlug, merchant.slug AS merchantSlug, merchant.name AS merchantName
        FROM post JOIN zone ON zone.id = post.zoneId JOIN merchant ON merchant.id = post.merchantId
        """

    private static func contentArguments(_ content: PostContent) -> [any SQLBindable] {
        [
            content.kind.rawValue, content.title, content.body, content.category.rawValue, content.priceCents,
            content.imageURL, content.validFrom, content.validUntil, content.eventAt, content.publishAt,
        ]
    }

    package static func post(id: Post.ID, _ db: any SQLTransaction) async throws -> Post? {
        try await db.fetchOne(SQLPostStore.select + " WHERE post.id = ?", [id]).map(StoredRows.post(from:))
    }

}

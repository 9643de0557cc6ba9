import Foundation
import GRDB

/// `ModerationStore` on SQLite.
package struct SQLiteModerationStore: ModerationStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func rulesDocument(zone: Zone.ID) async throws -> String? {
        try await database.read { db in
            try String.fetchOne(db, sql: "SELECT rules FROM zoneRules WHERE zoneId = ?", arguments: [zone])
        }
    }

    package func setRulesDocument(_ json: String, zone: Zone.ID, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            let before = try String.fetchOne(db, sql: "SELECT rules FROM zoneRules WHERE zoneId = ?", arguments: [zone])
            try db.execute(
                sql: """
                    INSERT INTO zoneRules (zoneId, rules, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                    ON CONFLICT (zoneId) DO UPDATE SET rules = excluded.rules, updatedAt = excluded.updatedAt,
                      updatedBy = excluded.updatedBy
                    """,
                arguments: [zone, json, date, actor])
            try db.appendAudit(
                action: "rules.update", subject: "zone:\(zone)", actor: actor, zone: zone, at: date,
                details: ["before": before ?? "defaults", "after": json])
        }
    }

    package func setTrust(
        _ setting: TrustSetting?, merchant: Merchant.ID, zone: Zone.ID, by actor: User.ID, at date: Date
    ) async throws {
        try await database.write { db in
            if let setting {
                try db.execute(
                    sql: """
                        INSERT INTO merchantTrust (merchantId, zoneId, setting, updatedAt, updatedBy) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (merchantId, zoneId) DO UPDATE SET setting = excluded.setting,
                          updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                        """,
                    arguments: [merchant, zone, setting.rawValue, date, actor])
            } else {
                try db.execute(
                    sql: "DELETE FROM merchantTrust WHERE merchantId = ? AND zoneId = ?", arguments: [merchant, zone])
            }
            try db.appendAudit(
                action: "trust.\(setting?.rawValue ?? "reset")", subject: "merchant:\(merchant)", actor: actor,
                zone: zone,
                at: date)
        }
    }

    package func record(merchant: Merchant.ID, zone: Zone.ID, weekStart: Date) async throws -> MerchantRecord {
        try await database.read { db in
            let arguments: StatementArguments = [zone, merchant]
            let outcomes = try Row.fetchAll(
                db,
                sql: """
                    SELECT status, publishedAt IS NOT NULL AS wasPublished FROM post
                    WHERE zoneId = ? AND merchantId = ? AND (publishedAt IS NOT NULL OR status = 'removed')
                    ORDER BY id DESC
                    """, arguments: arguments)
            var record = MerchantRecord()
            var streakOpen = true
            for row in outcomes {
                let approved = (row["wasPublished"] as Bool) && (row["status"] as String) != "removed"
                if approved { record.approved += 1 }
                if streakOpen && approved { record.approvalStreak += 1 } else { streakOpen = false }
            }
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(CASE WHEN action = 'reject' THEN 1 END) AS rejected,
                           count(CASE WHEN action = 'remove' THEN 1 END) AS removed
                    FROM decision WHERE zoneId = ? AND merchantId = ?
                    """, arguments: arguments)
            record.rejected = counts?["rejected"] ?? 0
            record.removed = counts?["removed"] ?? 0
            record.submittedThisWeek =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM auditEntry
                        WHERE zoneId = ? AND action = 'post.submit' AND at >= ?
                          AND subject IN (SELECT 'post:' || id FROM post WHERE zoneId = ? AND merchantId = ?)
                        """, arguments: [zone, weekStart, zone, merchant]) ?? 0
            record.trust = try String.fetchOne(
                db, sql: "SELECT setting FROM merchantTrust WHERE merchantId = ? AND zoneId = ?",
                arguments: [merchant, zone]
            ).flatMap(TrustSetting.init(rawValue:))
            record.contactChangedSinceApproval =
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT contactChangedAt > coalesce(
                          (SELECT max(publishedAt) FROM post WHERE zoneId = ? AND merchantId = ?), '')
                        FROM merchant WHERE id = ? AND contactChangedAt IS NOT NULL
                        """, arguments: [zone, merchant, merchant]) ?? false
            return record
        }
    }

    package func decide(
        _ post: Post.ID, expected: PostStatus, to status: PostStatus, action: DecisionAction, reason: ReasonCode?,
        note: String?, by moderator: User.ID, at date: Date
    ) async throws -> Decision {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE post SET status = ?, updatedAt = ?, \(SQLitePostStore.publishedAtOnMove)
                    WHERE id = ? AND status = ?
                    """,
                arguments: [status.rawValue, date, status.rawValue, date, post, expected.rawValue])
            guard db.changesCount == 1 else {
                if let last = try Self.decisions(post: post, db).last {
                    throw CommunityError.conflict(
                        "already_decided",
                        "\(last.moderatorName) already decided this post (\(last.action.rawValue)) at \(last.at)")
                }
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM post WHERE id = ?", arguments: [post]) == true else {
                    throw CommunityError.notFound("post")
                }
                throw CommunityError.conflict("stale_status", "the post is no longer \(expected.rawValue)")
            }
            guard
                let target = try Row.fetchOne(
                    db, sql: "SELECT zoneId, merchantId FROM post WHERE id = ?", arguments: [post])
            else { throw CommunityError.notFound("post") }
            try db.execute(
                sql: """
                    INSERT INTO decision (postId, zoneId, merchantId, moderatorId, action, reasonCode, note, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    post, target["zoneId"], target["merchantId"], moderator, action.rawValue, reason?.rawValue, note,
                    date,
                ])
            var details = ["from": expected.rawValue, "to": status.rawValue]
            details["reason"] = reason?.rawValue
            try db.appendAudit(
                action: "moderation.\(action.rawValue)", subject: "post:\(post)", actor: moderator,
                zone: target["zoneId"], at: date, details: details)
            return try Self.decisions(post: post, db).last!
        }
    }

    package func decisions(post: Post.ID) async throws -> [Decision] {
        try await database.read { db in try Self.decisions(post: post, db) }
    }

    package func queue(zone: Zone.ID, limit: Int) async throws -> [Post] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: SQLitePostStore.select
                    + " WHERE post.zoneId = ? AND post.status = 'held' ORDER BY post.updatedAt, post.id LIMIT ?",
                arguments: [zone, limit]
            ).map(StoredRows.post(from:))
        }
    }

    package func auditLog(zone: Zone.ID, limit: Int) async throws -> [AuditLine] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT auditEntry.*, user.displayName AS actorName FROM auditEntry
                    LEFT JOIN user ON user.id = auditEntry.actorId
                    WHERE auditEntry.zoneId = ? ORDER BY auditEntry.id DESC LIMIT ?
                    """, arguments: [zone, limit]
            ).map { AuditLine(entry: StoredRows.auditEntry(from: $0), actorName: $0["actorName"]) }
        }
    }

    static func decisions(post: Post.ID, _ db: Database) throws -> [Decision] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT decision.*, user.displayName AS moderatorName FROM decision JOIN user ON user.id = decision.moderatorId
                WHERE postId = ? ORDER BY decision.id
                """, arguments: [post]
        ).map(StoredRows.decision(from:))
    }
}

extension SQLiteModerationStore {
    package func report(
        _ post: Post.ID, by reporter: User.ID, reason: ReportReason, note: String?, threshold: Int, at date: Date
    ) async throws -> Bool {
        do {
            return try await database.write { db in
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT zoneId, status FROM post WHERE id = ?", arguments: [post]),
                    ["published", "held"].contains(row["status"] as String)
                else { throw CommunityError.notFound("post") }
                try db.execute(
                    sql: "INSERT INTO report (postId, reporterId, reason, note, at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [post, reporter, reason.rawValue, note, date])
                try db.appendAudit(
                    action: "post.report", subject: "post:\(post)", actor: reporter, zone: row["zoneId"], at: date,
                    details: ["reason": reason.rawValue])
                let count =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM report WHERE postId = ?", arguments: [post]) ?? 0
                guard count >= threshold, (row["status"] as String) == "published" else { return false }
                try db.execute(
                    sql: """
                        UPDATE post SET status = 'held', updatedAt = ?,
                          heldReasons = json_insert(heldReasons, '$[#]', 'reports_threshold') WHERE id = ?
                        """, arguments: [date, post])
                try db.appendAudit(
                    action: "post.hidden_by_reports", subject: "post:\(post)", actor: nil, zone: row["zoneId"],
                    at: date,
                    details: ["reports": "\(count)"])
                return true
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw CommunityError.conflict("already_reported", "you have already reported this post")
        }
    }

    package func reports(post: Post.ID) async throws -> [Report] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report WHERE postId = ? ORDER BY id", arguments: [post])
                .map(StoredRows.report(from:))
        }
    }

    package func transparency(zone: Zone.ID) async throws -> [TransparencyMonth] {
        try await database.read { db in
            StoredRows.transparency(
                published: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT substr(publishedAt, 1, 7) AS month, count(*) AS n FROM post
                        WHERE zoneId = ? AND publishedAt IS NOT NULL GROUP BY month
                        """, arguments: [zone]),
                held: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT substr(at, 1, 7) AS month, count(*) AS n FROM auditEntry
                        WHERE zoneId = ? AND (json_extract(details, '$.to') = 'held' OR action = 'post.hidden_by_reports')
                        GROUP BY month
                        """, arguments: [zone]),
                refusals: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT substr(at, 1, 7) AS month, action, reasonCode, count(*) AS n FROM decision
                        WHERE zoneId = ? AND action IN ('reject', 'remove') GROUP BY month, action, reasonCode
                        """, arguments: [zone]))
        }
    }

    package func statements(zone: Zone.ID, limit: Int) async throws -> [StatementOfReasons] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT decision.postId, decision.action, decision.reasonCode, decision.at, post.heldReasons
                    FROM decision JOIN post ON post.id = decision.postId
                    WHERE decision.zoneId = ? AND decision.action IN ('reject', 'remove')
                    ORDER BY decision.id DESC LIMIT ?
                    """, arguments: [zone, limit]
            ).map(StoredRows.statement(from:))
        }
    }
}

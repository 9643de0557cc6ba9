import Community
import Foundation
import Storage

/// `ModerationStore` on either engine.
package struct SQLModerationStore: ModerationStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func rulesDocument(zone: Zone.ID) async throws -> String? {
        try await database.read { db in try await db.value("SELECT rules FROM zoneRules WHERE zoneId = ?", [zone]) }
    }

    package func setRulesDocument(_ json: String, zone: Zone.ID, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            let before: String? = try await db.value(
                "SELECT rules FROM zoneRules WHERE zoneId = ?" + db.forUpdate, [zone])
            try await db.execute(
                """
                INSERT INTO zoneRules (zoneId, rules, updatedAt, updatedBy) VALUES (?, ?, ?, ?)
                ON CONFLICT (zoneId) DO UPDATE SET rules = excluded.rules, updatedAt = excluded.updatedAt,
                  updatedBy = excluded.updatedBy
                """,
                [zone, json, date, actor])
            try await db.appendAudit(
                ModerationAuditAction.rulesUpdate, subject: "zone:\(zone)", actor: actor, zone: zone, at: date,
                details: ["before": before ?? "defaults", "after": json])
        }
    }

    package func setTrust(
        _ setting: TrustSetting?, merchant: Merchant.ID, zone: Zone.ID, by actor: User.ID, at date: Date
    ) async throws {
        try await database.write { db in
            if let setting {
                try await db.execute(
                    """
                    INSERT INTO merchantTrust (merchantId, zoneId, setting, updatedAt, updatedBy) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (merchantId, zoneId) DO UPDATE SET setting = excluded.setting,
                      updatedAt = excluded.updatedAt, updatedBy = excluded.updatedBy
                    """,
                    [merchant, zone, setting.rawValue, date, actor])
            } else {
                try await db.execute("DELETE FROM merchantTrust WHERE merchantId = ? AND zoneId = ?", [merchant, zone])
            }
            try await db.appendAudit(
                ModerationAuditAction.trust(setting), subject: "merchant:\(merchant)", actor: actor,
                zone: zone, at: date)
        }
    }

    package func record(merchant: Merchant.ID, zone: Zone.ID, weekStart: Date) async throws -> MerchantRecord {
        try await database.read { db in
            let outcomes = try await db.fetchAll(
                """
                SELECT status, publishedAt IS NOT NULL AS wasPublished FROM post
                WHERE zoneId = ? AND merchantId = ? AND (publishedAt IS NOT NULL OR status = 'removed')
                ORDER BY id DESC
                """, [zone, merchant])
            var record = MerchantRecord()
            var streakOpen = true
            for row in outcomes {
                let published: Bool = try row["wasPublished"]
                let approved = try published && (row["status"] as String) != "removed"
                if approved { record.approved += 1 }
                if streakOpen && approved { record.approvalStreak += 1 } else { streakOpen = false }
            }
            let counts = try await db.fetchOne(
                """
                SELECT count(CASE WHEN action = 'reject' THEN 1 END) AS rejected,
                       count(CASE WHEN action = 'remove' THEN 1 END) AS removed
                FROM decision WHERE zoneId = ? AND merchantId = ?
                """, [zone, merchant])
            record.rejected = try counts?["rejected"] ?? 0
            record.removed = try counts?["removed"] ?? 0
            record.submittedThisWeek =
                try await db.value(
                    """
                    SELECT count(*) FROM auditEntry
                    WHERE zoneId = ? AND action = 'post.submit' AND at >= ?
                      AND subject IN (SELECT 'post:' || id FROM post WHERE zoneId = ? AND merchantId = ?)
                    """, [zone, weekStart, zone, merchant]) ?? 0
            let trust: String? = try await db.value(
                "SELECT setting FROM merchantTrust WHERE merchantId = ? AND zoneId = ?", [merchant, zone])
            record.trust = trust.flatMap(TrustSetting.init(rawValue:))
            record.contactChangedSinceApproval =
                try await db.value(
                    """
                    SELECT NOT EXISTS (SELECT 1 FROM post WHERE zoneId = ? AND merchantId = ?
                                       AND publishedAt >= merchant.contactChangedAt)
                    FROM merchant WHERE id = ? AND contactChangedAt IS NOT NULL
                    """, [zone, merchant, merchant]) ?? false
            return record
        }
    }

    package func decide(
        _ post: Post.ID, expected: PostStatus, to status: PostStatus, action: DecisionAction, reason: ReasonCode?,
        note: String?, by moderator: User.ID, at date: Date
    ) async throws -> Decision {
        try await database.write { db in
            guard
                let target = try await db.fetchOne(
                    """
                    UPDATE post SET status = ?, updatedAt = ?, \(SQLPostStore.publishedAtOnMove)
                    WHERE id = ? AND status = ? RETURNING zoneId, merchantId
                    """,
                    [status.rawValue, date, status.rawValue, date, post, expected.rawValue])
            else {
                if let last = try await Self.decisions(post: post, db).last {
                    throw ModerationProblem.alreadyDecided.error(
                        "\(last.moderatorName) already decided this post (\(last.action.rawValue)) at \(last.at)")
                }
                guard try await db.fetchOne("SELECT 1 AS found FROM post WHERE id = ?", [post]) != nil else {
                    throw CommunityNotFound.post.notFound
                }
                throw CommunityProblem.staleStatus.error("the post is no longer \(expected.rawValue)")
            }
            let zone: Zone.ID = try target["zoneId"]
            let merchant: Merchant.ID = try target["merchantId"]
            try await db.execute(
                """
                INSERT INTO decision (postId, zoneId, merchantId, moderatorId, action, reasonCode, note, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [post, zone, merchant, moderator, action.rawValue, reason?.rawValue, note, date])
            var details = ["from": expected.rawValue, "to": status.rawValue]
            details["reason"] = reason?.rawValue
            try await db.appendAudit(
                ModerationAuditAction.decision(action), subject: "post:\(post)", actor: moderator, zone: zone,
                at: date, details: details)
            return try await Self.decisions(post: post, db).last!
        }
    }

    package func decisions(post: Post.ID) async throws -> [Decision] {
        try await database.read { db in try await Self.decisions(post: post, db) }
    }

    package func queue(zone: Zone.ID, limit: Int) async throws -> [Post] {
        try await database.read { db in
            try await db.fetchAll(
                SQLPostStore.select
                    + " WHERE post.zoneId = ? AND post.status = 'held' ORDER BY post.updatedAt, post.id LIMIT ?",
                [zone, limit]
            ).map(StoredRows.post(from:))
        }
    }

    package func auditLog(zone: Zone.ID, limit: Int) async throws -> [AuditLine] {
        try await database.read { db in
            let lines = try await db.fetchAll(
                """
                SELECT auditEntry.*, "user".displayName AS actorName FROM auditEntry
                LEFT JOIN "user" ON "user".id = auditEntry.actorId
                WHERE auditEntry.zoneId = ? ORDER BY auditEntry.id DESC LIMIT ?
                """, [zone, limit]
            ).map { AuditLine(entry: try StoredRows.auditEntry(from: $0), actorName: try $0["actorName"]) }
            let names = try await AuditSubject.names(of: lines.map(\.entry.subject), db)
            return lines.map { line in
                var named = line
                named.subject = names[line.entry.subject]
                return named
            }
        }
    }

    static func decisions(post: Post.ID, _ db: any SQLTransaction) async throws -> [Decision] {
        try await db.fetchAll(
            """
            SELECT decision.*, "user".displayName AS moderatorName FROM decision
            JOIN "user" ON "user".id = decision.moderatorId
            WHERE postId = ? ORDER BY decision.id
            """, [post]
        ).map(StoredRows.decision(from:))
    }
}

extension SQLModerationStore {
    package func report(
        _ post: Post.ID, by reporter: User.ID, reason: ReportReason, note: String?, threshold: Int, at date: Date
    ) async throws -> Bool {
        do {
            return try await database.write { db in
                // The post row is locked, so two reports arriving together count each other.
                guard
                    let row = try await db.fetchOne(
                        "SELECT zoneId, status FROM post WHERE id = ?" + db.forUpdate, [post]),
                    ["published", "held"].contains(try row["status"] as String)
                else { throw CommunityNotFound.post.notFound }
                let zone: Zone.ID = try row["zoneId"]
                try await db.execute(
                    "INSERT INTO report (postId, reporterId, reason, note, at) VALUES (?, ?, ?, ?, ?)",
                    [post, reporter, reason.rawValue, note, date])
                try await db.appendAudit(
                    ModerationAuditAction.report, subject: "post:\(post)", actor: reporter, zone: zone, at: date,
                    details: ["reason": reason.rawValue])
                let count: Int = try await db.value("SELECT count(*) FROM report WHERE postId = ?", [post]) ?? 0
                guard count >= threshold, (try row["status"] as String) == "published" else { return false }
                try await db.execute(
                    """
                    UPDATE post SET status = 'held', updatedAt = ?,
                      heldReasons = \(db.jsonAppending("heldReasons", HoldReason.reportsThreshold.stored)) WHERE id = ?
                    """, [date, post])
                try await db.appendAudit(
                    ModerationAuditAction.hiddenByReports, subject: "post:\(post)", actor: nil, zone: zone, at: date,
                    details: ["reports": "\(count)"])
                return true
            }
        } catch  where isUniqueViolation(error) {
            throw ModerationProblem.alreadyReported.error("you have already reported this post")
        }
    }

    package func reports(by reporter: User.ID) async throws -> [Report] {
        try await database.read { db in
            try await db.fetchAll("SELECT * FROM report WHERE reporterId = ? ORDER BY id", [reporter])
                .map(StoredRows.report(from:))
        }
    }

    package func reports(post: Post.ID) async throws -> [Report] {
        try await database.read { db in
            try await db.fetchAll("SELECT * FROM report WHERE postId = ? ORDER BY id", [post])
                .map(StoredRows.report(from:))
        }
    }

    package func transparency(zone: Zone.ID) async throws -> [TransparencyMonth] {
        try await database.read { db in
            let month = db.utcMonth
            return try StoredRows.transparency(
                published: try await db.fetchAll(
                    """
                    SELECT \(month("publishedAt")) AS month, count(*) AS n FROM post
                    WHERE zoneId = ? AND publishedAt IS NOT NULL GROUP BY 1
                    """, [zone]),
                held: try await db.fetchAll(
                    """
                    SELECT \(month("at")) AS month, count(*) AS n FROM auditEntry
                    WHERE zoneId = ? AND (\(db.jsonText("details", "to")) = 'held' OR action = 'post.hidden_by_reports')
                    GROUP BY 1
                    """, [zone]),
                refusals: try await db.fetchAll(
                    """
                    SELECT \(month("at")) AS month, action, reasonCode, count(*) AS n FROM decision
                    WHERE zoneId = ? AND action IN ('reject', 'remove') GROUP BY 1, action, reasonCode
                    """, [zone]))
        }
    }

    package func statements(zone: Zone.ID, limit: Int) async throws -> [StatementOfReasons] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT decision.postId, decision.action, decision.reasonCode, decision.at, post.heldReasons
                FROM decision JOIN post ON post.id = decision.postId
                WHERE decision.zoneId = ? AND decision.action IN ('reject', 'remove')
                ORDER BY decision.id DESC LIMIT ?
                """, [zone, limit]
            ).map(StoredRows.statement(from:))
        }
    }
}

import Community
import Foundation
import Storage

/// `BounceStore` on either engine.
package struct SQLBounceStore: BounceStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func record(_ report: BounceReport, rules: BounceRules, at date: Date) async throws -> Bounce? {
        try await database.write { db in
            guard
                let recipient: String = try await db.value(
                    "SELECT recipient FROM outboxMessage WHERE id = ?", [report.message])
            else { return nil }
            // Two reports for one address at once count one after the other.
            try await db.takeTurns(on: "zonehub.bounce." + recipient.lowercased())
            let suppressed: Bool =
                try await db.value(
                    "SELECT EXISTS (SELECT 1 FROM suppression WHERE lower(email) = lower(?))", [recipient]) ?? false
            let recentSoft: Int =
                try await db.value(
                    "SELECT count(*) FROM bounce WHERE lower(recipient) = lower(?) AND kind = 'soft' AND at >= ?",
                    [recipient, date.addingTimeInterval(-rules.softWindow)]) ?? 0
            let decision = rules.decide(report, alreadySuppressed: suppressed, recentSoft: recentSoft)
            let reason = String(decision.reason.prefix(1500))
            let status = report.recipient
            let row = try await db.fetchOne(
                """
                INSERT INTO bounce (outboxMessageId, recipient, finalRecipient, matchedBy, kind, status, dsnAction,
                    diagnosticCode, reportingMta, action, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                RETURNING *
                """,
                [
                    report.message, recipient, status.finalRecipient.map { String($0.prefix(320)) },
                    report.matchedBy.rawValue, report.kind.rawValue, status.status, String(status.action.prefix(20)),
                    status.diagnosticCode.map { String($0.prefix(1000)) },
                    report.reportingMTA.map { String($0.prefix(255)) }, decision.action.rawValue, reason, date,
                ])
            if decision.action == .suppressed {
                try await db.execute(
                    "INSERT INTO suppression (email, reason, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [recipient, reason, date])
                try await db.execute(
                    """
                    UPDATE outboxMessage SET status = 'cancelled', lastError = 'address suppressed'
                    WHERE lower(recipient) = lower(?) AND status = 'pending'
                    """, [recipient])
            }
            return try row.map(Self.bounce(from:))
        }
    }

    package func bounces(recipient: String) async throws -> [Bounce] {
        try await database.read { db in
            try await db.fetchAll("SELECT * FROM bounce WHERE lower(recipient) = lower(?) ORDER BY id", [recipient])
                .map(Self.bounce(from:))
        }
    }

    static func bounce(from row: SQLRow) throws -> Bounce {
        let matched: String = try row["matchedBy"]
        let kind: String = try row["kind"]
        let action: String = try row["action"]
        guard let matchedBy = BounceMatch(rawValue: matched), let bounceKind = BounceKind(rawValue: kind),
            let bounceAction = BounceAction(rawValue: action)
        else { throw SchemaMismatch.unexpectedValue(column: "bounce", value: "\(kind)/\(action)", expected: "known") }
        return Bounce(
            id: Bounce.ID(try row["id"] as Int64), message: OutboxMessage.ID(try row["outboxMessageId"] as Int64),
            recipient: try row["recipient"], finalRecipient: try row["finalRecipient"], matchedBy: matchedBy,
            kind: bounceKind, status: try row["status"], dsnAction: try row["dsnAction"],
            diagnosticCode: try row["diagnosticCode"], reportingMTA: try row["reportingMta"], action: bounceAction,
            reason: try row["reason"], at: try row["at"])
    }
}

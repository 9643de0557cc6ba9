import Community
import Foundation
import Storage

/// Moderation's rows made into its records.
extension StoredRows {
    /// A decision, with its moderator's name as `moderatorName`.
    static func decision(from row: SQLRow) throws -> Decision {
        Decision(
            id: try row["id"], postID: try row["postId"], zoneID: try row["zoneId"],
            moderatorID: try row["moderatorId"], moderatorName: try row["moderatorName"],
            action: DecisionAction(rawValue: try row["action"]) ?? .approve,
            reason: (try row["reasonCode"] as String?).flatMap(ReasonCode.init(rawValue:)), note: try row["note"],
            at: try row["at"])
    }

    static func report(from row: SQLRow) throws -> Report {
        Report(
            postID: try row["postId"], reason: ReportReason(rawValue: try row["reason"]) ?? .other,
            note: try row["note"], at: try row["at"])
    }

    static func statement(from row: SQLRow) throws -> StatementOfReasons {
        StatementOfReasons(
            postID: try row["postId"], action: DecisionAction(rawValue: try row["action"]) ?? .remove,
            reason: ReasonCode(rawValue: try row["reasonCode"] ?? "") ?? .other,
            rules: (try? JSONColumn.decode([String].self, from: row["heldReasons"])) ?? [],
            at: try row["at"])
    }

    /// The transparency record by month (`YYYY-MM` in UTC) from per-month counts (`month`, `n`): posts published,
    /// posts held, and refusals by `action` and `reasonCode`. Newest month first.
    static func transparency(published: [SQLRow], held: [SQLRow], refusals: [SQLRow]) throws -> [TransparencyMonth] {
        var months: [String: TransparencyMonth] = [:]
        func bump(_ row: SQLRow, _ change: (inout TransparencyMonth) throws -> Void) throws {
            let month: String = try row["month"]
            try change(&months[month, default: TransparencyMonth(month: month)])
        }
        for row in published { try bump(row) { $0.published = try row["n"] } }
        for row in held { try bump(row) { $0.held = try row["n"] } }
        for row in refusals {
            let reason = ReasonCode(rawValue: try row["reasonCode"] ?? "") ?? .other
            let count: Int = try row["n"]
            try bump(row) {
                if (try row["action"] as String) == "reject" {
                    $0.rejected[reason, default: 0] += count
                } else {
                    $0.removed[reason, default: 0] += count
                }
            }
        }
        return months.values.sorted { $0.month > $1.month }
    }

}

import Foundation
import GRDB

/// `ThrottleStore` on SQLite: one row per subject, counted by one upsert.
package struct SQLiteThrottleStore: ThrottleStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func count(_ subject: String, at now: Date, expiry: ThrottleExpiry) async throws -> Int {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM throttleCount WHERE expiresAt <= ?", arguments: [now])
            let events = try Int.fetchOne(
                db, sql: ThrottleSQL.count(expiry),
                arguments: [subject, now, now, now.addingTimeInterval(expiry.length)])
            guard let events else { throw ThrottleSQL.notCounted }
            return events
        }
    }

    package func counts(_ subjects: [String], at now: Date) async throws -> [String: ThrottleCount] {
        try await database.read { db in
            var found: [String: ThrottleCount] = [:]
            for subject in subjects {
                guard
                    let row = try Row.fetchOne(
                        db, sql: "SELECT events, lastAt FROM throttleCount WHERE subject = ? AND expiresAt > ?",
                        arguments: [subject, now])
                else { continue }
                found[subject] = ThrottleCount(events: row["events"], lastAt: row["lastAt"])
            }
            return found
        }
    }

    package func reset(_ subject: String) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM throttleCount WHERE subject = ?", arguments: [subject])
        }
    }
}

/// The counting upsert, the same SQL on both engines; its arguments are the subject, the time of the event twice
/// (the start of a new count and its last event) and the end of a new count.
enum ThrottleSQL {
    /// What an upsert that returned no count throws (it always returns one: the new count or the updated one).
    static let notCounted = CommunityError.conflict("not_counted", "the event was not counted")

    static func count(_ expiry: ThrottleExpiry) -> String {
        let expired = "throttleCount.expiresAt <= excluded.lastAt"
        let end =
            switch expiry {
            case .window: "CASE WHEN \(expired) THEN excluded.expiresAt ELSE throttleCount.expiresAt END"
            case .quiet: "excluded.expiresAt"
            }
        return """
            INSERT INTO throttleCount (subject, events, startedAt, lastAt, expiresAt) VALUES (?, 1, ?, ?, ?)
            ON CONFLICT (subject) DO UPDATE SET
                events = CASE WHEN \(expired) THEN 1 ELSE throttleCount.events + 1 END,
                startedAt = CASE WHEN \(expired) THEN excluded.startedAt ELSE throttleCount.startedAt END,
                lastAt = excluded.lastAt,
                expiresAt = \(end)
            RETURNING events
            """
    }
}

import Foundation
import Storage

/// `ThrottleStore`: one row per subject, counted by one upsert. On PostgreSQL the upsert holds the subject's row
/// lock, so that events counted by several processes at once all add up.
package struct SQLThrottleStore: ThrottleStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func count(_ subject: String, at now: Date, expiry: ThrottleExpiry) async throws -> Int {
        // Expired counts go first. On PostgreSQL in a transaction of their own, skipping rows other processes hold:
        // done with the count, two processes could each wait for a row the other is deleting. SQLite has one writer
        // at a time, so there they go in the count's own transaction, which then takes the write lock once.
        let purge = "DELETE FROM throttleCount WHERE subject IN (SELECT subject FROM throttleCount WHERE expiresAt <= ?"
        if database.engine == .postgres {
            try await database.write { db in try await db.execute(purge + db.skipLocked + ")", [now]) }
        }
        let events: Int? = try await database.write { db in
            if db.engine == .sqlite { try await db.execute(purge + ")", [now]) }
            return try await db.value(
                ThrottleSQL.count(expiry), [subject, now, now, now.addingTimeInterval(expiry.length)])
        }
        guard let events else { throw ThrottleSQL.notCounted }
        return events
    }

    package func counts(_ subjects: [String], at now: Date) async throws -> [String: ThrottleCount] {
        try await database.read { db in
            var found: [String: ThrottleCount] = [:]
            for subject in subjects {
                guard
                    let row = try await db.fetchOne(
                        "SELECT events, lastAt FROM throttleCount WHERE subject = ? AND expiresAt > ?", [subject, now])
                else { continue }
                found[subject] = ThrottleCount(events: try row["events"], lastAt: try row["lastAt"])
            }
            return found
        }
    }

    package func reset(_ subject: String) async throws {
        try await database.write { db in
            try await db.execute("DELETE FROM throttleCount WHERE subject = ?", [subject])
        }
    }
}

/// The counting upsert, the same SQL on both engines; its arguments are the subject, the time of the event twice
/// (the start of a new count and its last event) and the end of a new count.
enum ThrottleSQL {
    /// What an upsert that returned no count throws (it always returns one: the new count or the updated one).
    static let notCounted = CommunityProblem.notCounted.error("the event was not counted")

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

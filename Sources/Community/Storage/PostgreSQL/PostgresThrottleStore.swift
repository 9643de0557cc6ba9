import Foundation

/// `ThrottleStore` on PostgreSQL: the counting upsert holds the subject's row lock, so that events counted by several
/// processes at once all add up.
package struct PostgresThrottleStore: ThrottleStore {
    let database: PostgresHub

    package init(database: PostgresHub) { self.database = database }

    package func count(_ subject: String, at now: Date, expiry: ThrottleExpiry) async throws -> Int {
        // Expired counts go in a transaction of their own, skipping rows other processes hold: done with the count,
        // two processes could each wait for a row the other is deleting.
        try await database.write { db in
            try await db.execute(
                """
                DELETE FROM throttleCount WHERE subject IN
                    (SELECT subject FROM throttleCount WHERE expiresAt <= ? FOR UPDATE SKIP LOCKED)
                """, [now])
        }
        let events: Int? = try await database.write { db in
            try await db.value(ThrottleSQL.count(expiry), [subject, now, now, now.addingTimeInterval(expiry.length)])
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
                found[subject] = ThrottleCount(events: row["events"], lastAt: row["lastAt"])
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

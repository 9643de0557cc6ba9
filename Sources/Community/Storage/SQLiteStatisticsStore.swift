import Foundation
import GRDB

/// `StatisticsStore` on SQLite: each figure comes from an index (status columns), so a scrape stays cheap on a
/// large hub.
package struct SQLiteStatisticsStore: StatisticsStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func statistics(at now: Date) async throws -> HubStatistics {
        try await database.read { db in
            var statistics = HubStatistics()
            let outbox = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(*) AS depth, min(nextAttemptAt) AS oldest FROM outboxMessage
                    WHERE status IN ('pending', 'sending')
                    """)
            statistics.outboxDepth = outbox?["depth"] ?? 0
            statistics.oldestOutboxSeconds = Self.age(of: outbox?["oldest"], at: now)
            statistics.outboxFailed =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM outboxMessage WHERE status = 'failed'") ?? 0
            let held = try Row.fetchOne(
                db, sql: "SELECT count(*) AS count, min(updatedAt) AS oldest FROM post WHERE status = 'held'")
            statistics.heldPosts = held?["count"] ?? 0
            statistics.oldestHeldSeconds = Self.age(of: held?["oldest"], at: now)
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS count FROM popUpBooking GROUP BY status") {
                statistics.bookings[row["status"]] = row["count"]
            }
            return statistics
        }
    }

    /// Seconds since `date`, never negative (a message due later has not waited).
    private static func age(of date: Date?, at now: Date) -> Double {
        guard let date else { return 0 }
        return max(0, now.timeIntervalSince(date))
    }
}

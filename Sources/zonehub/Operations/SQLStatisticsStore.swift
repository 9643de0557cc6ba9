import Community
import Foundation
import Storage

/// `StatisticsStore` on either engine.
package struct SQLStatisticsStore: StatisticsStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func statistics(at now: Date) async throws -> HubStatistics {
        try await database.read { db in
            try Self.statistics(
                outbox: try await db.fetchOne(StatisticsQueries.outbox),
                outboxFailed: try await db.value(StatisticsQueries.outboxFailed) ?? 0,
                held: try await db.fetchOne(StatisticsQueries.held),
                bookings: try await db.fetchAll(StatisticsQueries.bookings), at: now)
        }
    }

    /// The hub's figures from the rows of `StatisticsQueries` (`outboxFailed` is its single count).
    static func statistics(outbox: SQLRow?, outboxFailed: Int, held: SQLRow?, bookings: [SQLRow], at now: Date)
        throws -> HubStatistics
    {
        /// Seconds since the row's `oldest` (NULL when nothing waits), never negative (a message due later has not
        /// waited).
        func age(_ row: SQLRow?) throws -> Double {
            guard let oldest = try row.flatMap({ try $0["oldest"] as Date? }) else { return 0 }
            return max(0, now.timeIntervalSince(oldest))
        }
        return HubStatistics(
            outboxDepth: try outbox?["depth"] ?? 0, oldestOutboxSeconds: try age(outbox),
            outboxFailed: outboxFailed, heldPosts: try held?["count"] ?? 0, oldestHeldSeconds: try age(held),
            bookings: Dictionary(try bookings.map { (try $0["status"], try $0["count"]) }, uniquingKeysWith: +))
    }
}

/// The statistics store's queries, the same on both engines; each figure comes from an index (status columns), so a
/// scrape stays cheap on a large hub.
enum StatisticsQueries {
    static let outbox = """
        SELECT count(*) AS depth, min(nextAttemptAt) AS oldest FROM outboxMessage
        WHERE status IN ('pending', 'sending')
        """
    static let outboxFailed = "SELECT count(*) FROM outboxMessage WHERE status = 'failed'"
    static let held = "SELECT count(*) AS count, min(updatedAt) AS oldest FROM post WHERE status = 'held'"
    static let bookings = "SELECT status, count(*) AS count FROM popUpBooking GROUP BY status"
}
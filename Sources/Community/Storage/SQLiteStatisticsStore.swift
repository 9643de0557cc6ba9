import Foundation
import GRDB

/// `StatisticsStore` on SQLite.
package struct SQLiteStatisticsStore: StatisticsStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func statistics(at now: Date) async throws -> HubStatistics {
        try await database.read { db in
            StoredRows.statistics(
                outbox: try Row.fetchOne(db, sql: StatisticsQueries.outbox),
                outboxFailed: try Int.fetchOne(db, sql: StatisticsQueries.outboxFailed) ?? 0,
                held: try Row.fetchOne(db, sql: StatisticsQueries.held),
                bookings: try Row.fetchAll(db, sql: StatisticsQueries.bookings), at: now)
        }
    }
}

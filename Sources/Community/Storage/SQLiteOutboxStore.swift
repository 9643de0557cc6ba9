import Foundation
import GRDB

/// `OutboxStore` on SQLite.
package struct SQLiteOutboxStore: OutboxStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func enqueue(
        recipient: String, payload: OutboxPayload, dedupeKey: String?, at date: Date
    ) async throws -> OutboxMessage.ID? {
        try await database.write { db in
            try Self.insert(
                recipient: recipient, payload: payload, subscription: nil, dedupeKey: dedupeKey, at: date, db)
        }
    }

    /// Queues a message inside the caller's transaction; nil when `dedupeKey` was already used. A message to a
    /// suppressed address is kept as cancelled, so that nothing is ever sent to it again.
    static func insert(
        recipient: String, payload: OutboxPayload, subscription: Subscription.ID?, dedupeKey: String?, at date: Date,
        _ db: Database
    ) throws -> OutboxMessage.ID? {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO outboxMessage
                    (kind, recipient, subscriptionId, dedupeKey, payload, status, lastError, nextAttemptAt, createdAt)
                SELECT ?, ?, ?, ?, ?,
                    CASE WHEN suppressed THEN 'cancelled' ELSE 'pending' END,
                    CASE WHEN suppressed THEN 'address suppressed' END, ?, ?
                FROM (SELECT EXISTS (SELECT 1 FROM suppression WHERE email = ?) AS suppressed)
                """,
            arguments: [
                payload.kind, recipient, subscription, dedupeKey, try JSONColumn.encode(payload), date, date, recipient,
            ])
        return db.changesCount > 0 ? OutboxMessage.ID(db.lastInsertedRowID) : nil
    }

    package func claim(limit: Int, sender: String, now: Date) async throws -> [OutboxMessage] {
        try await database.write { db in
            // Cached statements: a delivery run claims and marks many thousands of messages.
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE outboxMessage SET status = 'sending', claimedBy = ?
                    WHERE id IN (SELECT id FROM outboxMessage WHERE status = 'pending' AND nextAttemptAt <= ?
                                 ORDER BY nextAttemptAt, id LIMIT ?)
                    RETURNING *
                    """)
            return try Row.fetchAll(statement, arguments: [sender, now, limit]).map(StoredRows.outboxMessage(from:))
                .sorted { $0.id < $1.id }
        }
    }

    package func markSent(_ id: OutboxMessage.ID, at date: Date) async throws {
        try await database.write { db in
            try db.cachedStatement(
                sql: """
                    UPDATE outboxMessage SET status = 'sent', sentAt = ?, attempts = attempts + 1, claimedBy = NULL
                    WHERE id = ?
                    """
            ).execute(arguments: [date, id])
        }
    }

    package func markFailedTemporarily(
        _ id: OutboxMessage.ID, error: String, retryAt: Date?, at date: Date
    ) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE outboxMessage SET status = ?, nextAttemptAt = coalesce(?, nextAttemptAt),
                        attempts = attempts + 1, lastError = ?, claimedBy = NULL
                    WHERE id = ?
                    """,
                arguments: [retryAt == nil ? "failed" : "pending", retryAt, String(error.prefix(500)), id])
        }
    }

    package func markRefused(_ id: OutboxMessage.ID, error: String, at date: Date) async throws {
        try await database.write { db in
            let detail = String(error.prefix(500))
            try db.execute(
                sql: """
                    UPDATE outboxMessage SET status = 'failed', attempts = attempts + 1, lastError = ?, claimedBy = NULL
                    WHERE id = ?
                    """,
                arguments: [detail, id])
            guard
                let recipient = try String.fetchOne(
                    db, sql: "SELECT recipient FROM outboxMessage WHERE id = ?", arguments: [id])
            else { return }
            try db.execute(
                sql: "INSERT OR IGNORE INTO suppression (email, reason, at) VALUES (?, ?, ?)",
                arguments: [recipient, detail, date])
            try db.execute(
                sql: """
                    UPDATE outboxMessage SET status = 'cancelled', lastError = 'address suppressed'
                    WHERE recipient = ? AND status = 'pending'
                    """,
                arguments: [recipient])
        }
    }

    package func release(_ ids: [OutboxMessage.ID]) async throws {
        guard !ids.isEmpty else { return }
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE outboxMessage SET status = 'pending', claimedBy = NULL
                    WHERE status = 'sending' AND id IN (\(databaseQuestionMarks(count: ids.count)))
                    """,
                arguments: StatementArguments(ids))
        }
    }

    package func cancel(_ id: OutboxMessage.ID, reason: String, at date: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE outboxMessage SET status = 'cancelled', lastError = ?, claimedBy = NULL WHERE id = ?",
                arguments: [reason, id])
        }
    }

    package func releaseClaims(isAlive: @escaping @Sendable (String) -> Bool) async throws -> Int {
        try await database.write { db in
            let senders = try String.fetchAll(
                db, sql: "SELECT DISTINCT claimedBy FROM outboxMessage WHERE status = 'sending'")
            var released = 0
            for sender in senders where !isAlive(sender) {
                try db.execute(
                    sql: """
                        UPDATE outboxMessage SET status = 'pending', claimedBy = NULL
                        WHERE status = 'sending' AND claimedBy = ?
                        """,
                    arguments: [sender])
                released += db.changesCount
            }
            return released
        }
    }

    package func message(id: OutboxMessage.ID) async throws -> OutboxMessage? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outboxMessage WHERE id = ?", arguments: [id])
                .map(StoredRows.outboxMessage(from:))
        }
    }

    package func messages(recipient: String) async throws -> [OutboxMessage] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM outboxMessage WHERE recipient = ? ORDER BY id", arguments: [recipient]
            ).map(StoredRows.outboxMessage(from:))
        }
    }

    package func counts() async throws -> [OutboxStatus: Int] {
        try await database.read { db in
            var counts: [OutboxStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM outboxMessage GROUP BY status") {
                if let status = OutboxStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            return counts
        }
    }

    package func nextAttempt() async throws -> Date? {
        try await database.read { db in
            try Date.fetchOne(db, sql: "SELECT min(nextAttemptAt) FROM outboxMessage WHERE status = 'pending'")
        }
    }

    package func isSuppressed(_ email: String) async throws -> Bool {
        try await database.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM suppression WHERE email = ?)", arguments: [email])
                ?? false
        }
    }

}

import Community
import Foundation
import Storage

/// `OutboxStore` on either engine. Several processes may deliver from one PostgreSQL outbox: a claim takes rows with
/// `FOR UPDATE SKIP LOCKED`, so each message is handed to exactly one sender.
package struct SQLOutboxStore: OutboxStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func enqueue(
        recipient: String, payload: OutboxPayload, dedupeKey: String?, at date: Date
    ) async throws -> OutboxMessage.ID? {
        try await database.write { db in
            try await Self.insert(
                recipient: recipient, payload: payload, subscription: nil, dedupeKey: dedupeKey, at: date, db)
        }
    }

    /// Queues a message inside the caller's transaction; nil when `dedupeKey` was already used. A message to a
    /// suppressed address is kept as cancelled, so that nothing is ever sent to it again.
    static func insert(
        recipient: String, payload: OutboxPayload, subscription: Subscription.ID?, dedupeKey: String?, at date: Date,
        _ db: any SQLTransaction
    ) async throws -> OutboxMessage.ID? {
        // `WHERE true` ends the SELECT, so that SQLite does not read the ON of ON CONFLICT as a join's.
        let id: Int64? = try await db.value(
            """
            INSERT INTO outboxMessage
                (kind, recipient, subscriptionId, dedupeKey, payload, status, lastError, nextAttemptAt, createdAt)
            SELECT ?, ?, ?, ?, ?,
                CASE WHEN suppressed THEN 'cancelled' ELSE 'pending' END,
                CASE WHEN suppressed THEN 'address suppressed' END, ?, ?
            FROM (SELECT EXISTS (SELECT 1 FROM suppression WHERE lower(email) = lower(?)) AS suppressed) AS s
            WHERE true
            ON CONFLICT (dedupeKey) DO NOTHING
            RETURNING id
            """,
            [
                payload.kind, recipient, subscription, dedupeKey, try JSONColumn.encode(payload), date, date, recipient,
            ])
        return id.map(OutboxMessage.ID.init)
    }

    package func claim(limit: Int, sender: String, now: Date) async throws -> [OutboxMessage] {
        try await database.write { db in
            try await db.fetchAll(
                """
                UPDATE outboxMessage SET status = 'sending', claimedBy = ?
                WHERE id IN (SELECT id FROM outboxMessage WHERE status = 'pending' AND nextAttemptAt <= ?
                             ORDER BY nextAttemptAt, id LIMIT ?\(db.skipLocked))
                RETURNING *
                """, [sender, now, limit]
            ).map(StoredRows.outboxMessage(from:)).sorted { $0.id < $1.id }
        }
    }

    package func markSent(_ id: OutboxMessage.ID, at date: Date) async throws {
        try await database.write { db in
            try await db.execute(
                """
                UPDATE outboxMessage SET status = 'sent', sentAt = ?, attempts = attempts + 1, claimedBy = NULL
                WHERE id = ?
                """, [date, id])
        }
    }

    package func markFailedTemporarily(
        _ id: OutboxMessage.ID, error: String, retryAt: Date?, at date: Date
    ) async throws {
        try await database.write { db in
            try await db.execute(
                """
                UPDATE outboxMessage SET status = ?, nextAttemptAt = coalesce(?, nextAttemptAt),
                    attempts = attempts + 1, lastError = ?, claimedBy = NULL
                WHERE id = ?
                """,
                [retryAt == nil ? "failed" : "pending", retryAt, String(error.prefix(500)), id])
        }
    }

    package func markRefused(_ id: OutboxMessage.ID, error: String, at date: Date) async throws {
        try await database.write { db in
            let detail = String(error.prefix(500))
            guard
                let recipient: String = try await db.value(
                    """
                    UPDATE outboxMessage SET status = 'failed', attempts = attempts + 1, lastError = ?, claimedBy = NULL
                    WHERE id = ? RETURNING recipient
                    """, [detail, id])
            else { return }
            try await db.execute(
                "INSERT INTO suppression (email, reason, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [recipient, detail, date])
            try await db.execute(
                """
                UPDATE outboxMessage SET status = 'cancelled', lastError = 'address suppressed'
                WHERE lower(recipient) = lower(?) AND status = 'pending'
                """, [recipient])
        }
    }

    package func release(_ ids: [OutboxMessage.ID]) async throws {
        guard !ids.isEmpty else { return }
        try await database.write { db in
            try await db.execute(
                """
                UPDATE outboxMessage SET status = 'pending', claimedBy = NULL
                WHERE status = 'sending' AND id IN (\(SQL.marks(ids.count)))
                """, ids)
        }
    }

    package func cancel(_ id: OutboxMessage.ID, reason: String, at date: Date) async throws {
        try await database.write { db in
            try await db.execute(
                "UPDATE outboxMessage SET status = 'cancelled', lastError = ?, claimedBy = NULL WHERE id = ?",
                [reason, id])
        }
    }

    package func releaseClaims(isAlive: @escaping @Sendable (String) -> Bool) async throws -> Int {
        try await database.write { db in
            let senders: [String] = try await db.values(
                "SELECT DISTINCT claimedBy FROM outboxMessage WHERE status = 'sending'")
            var released = 0
            for sender in senders where !isAlive(sender) {
                released += try await db.execute(
                    """
                    UPDATE outboxMessage SET status = 'pending', claimedBy = NULL
                    WHERE status = 'sending' AND claimedBy = ?
                    """, [sender])
            }
            return released
        }
    }

    package func message(id: OutboxMessage.ID) async throws -> OutboxMessage? {
        try await database.read { db in
            try await db.fetchOne("SELECT * FROM outboxMessage WHERE id = ?", [id]).map(StoredRows.outboxMessage(from:))
        }
    }

    package func messages(recipient: String) async throws -> [OutboxMessage] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT * FROM outboxMessage WHERE lower(recipient) = lower(?) ORDER BY id", [recipient]
            ).map(StoredRows.outboxMessage(from:))
        }
    }

    package func counts() async throws -> [OutboxStatus: Int] {
        try await database.read { db in
            var counts: [OutboxStatus: Int] = [:]
            for row in try await db.fetchAll("SELECT status, count(*) AS n FROM outboxMessage GROUP BY status") {
                if let status = OutboxStatus(rawValue: try row["status"]) { counts[status] = try row["n"] }
            }
            return counts
        }
    }

    package func nextAttempt() async throws -> Date? {
        try await database.read { db in
            try await db.value("SELECT min(nextAttemptAt) FROM outboxMessage WHERE status = 'pending'")
        }
    }

    package func isSuppressed(_ email: String) async throws -> Bool {
        try await database.read { db in
            try await db.value(
                "SELECT EXISTS (SELECT 1 FROM suppression WHERE lower(email) = lower(?))", [email]) ?? false
        }
    }

    package func queuedKeys(_ keys: [String]) async throws -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await database.read { db in
            let (test, argument) = try db.isIn(keys)
            return Set(try await db.values("SELECT dedupeKey FROM outboxMessage WHERE dedupeKey\(test)", [argument]))
        }
    }

}

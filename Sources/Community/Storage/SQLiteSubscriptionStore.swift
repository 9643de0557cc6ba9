import Foundation
import GRDB

/// `SubscriptionStore` on SQLite.
package struct SQLiteSubscriptionStore: SubscriptionStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func request(
        email: String, preferences: SubscriptionPreferences, consent: ConsentRecord, quietPeriod: TimeInterval,
        at date: Date
    ) async throws -> SubscriptionRequestOutcome {
        try await database.write { db in
            var existing = try Self.subscription(email: email, db)
            if existing?.status != .confirmed {
                // A confirmed subscription is never changed by a request: anyone can type anyone's address.
                let id: Subscription.ID
                if let found = existing {
                    id = found.id
                    try db.execute(
                        sql: "UPDATE subscription SET status = 'pending', updatedAt = ? WHERE id = ?",
                        arguments: [date, id])
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO subscription (email, homeZoneId, frequency, status, createdAt, updatedAt)
                            VALUES (?, ?, ?, 'pending', ?, ?)
                            """,
                        arguments: [email, preferences.zoneIDs[0], preferences.frequency.rawValue, date, date])
                    id = Subscription.ID(db.lastInsertedRowID)
                }
                try Self.store(preferences, for: id, at: date, db)
                try Self.record(consent, for: id, at: date, db)
                existing = try Self.subscription(id: id, db)
            }
            guard let subscription = existing else { return .nothingQueued(nil) }
            let lastMail = try Date.fetchOne(
                db, sql: "SELECT lastRequestMailAt FROM subscription WHERE id = ?", arguments: [subscription.id])
            let suppressed =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM suppression WHERE email = ?)", arguments: [email]) ?? false
            if suppressed || lastMail.map({ date.timeIntervalSince($0) < quietPeriod }) == true {
                return .nothingQueued(subscription)
            }
            let confirmed = subscription.status == .confirmed
            let payload: OutboxPayload =
                confirmed
                ? .alreadySubscribed(subscription: subscription.id) : .confirmation(subscription: subscription.id)
            _ = try SQLiteOutboxStore.insert(
                recipient: subscription.email, payload: payload, subscription: subscription.id, dedupeKey: nil,
                at: date,
                db)
            try db.execute(
                sql: "UPDATE subscription SET lastRequestMailAt = ? WHERE id = ?", arguments: [date, subscription.id])
            return confirmed ? .reminderQueued(subscription) : .confirmationQueued(subscription)
        }
    }

    package func confirm(_ id: Subscription.ID, consent: ConsentRecord, at date: Date) async throws -> Subscription {
        try await database.write { db in
            guard let subscription = try Self.subscription(id: id, db) else {
                throw CommunityError.notFound("subscription")
            }
            switch subscription.status {
            case .confirmed: return subscription
            case .unsubscribed:
                throw CommunityError.conflict(
                    "subscription_ended", "this subscription was ended; subscribe again to receive the digest")
            case .pending:
                try db.execute(
                    sql: "UPDATE subscription SET status = 'confirmed', confirmedAt = ?, updatedAt = ? WHERE id = ?",
                    arguments: [date, date, id])
                try Self.record(consent, for: id, at: date, db)
                return try Self.subscription(id: id, db)!
            }
        }
    }

    package func update(
        _ id: Subscription.ID, preferences: SubscriptionPreferences, consent: ConsentRecord, at date: Date
    ) async throws -> Subscription {
        try await database.write { db in
            guard let subscription = try Self.subscription(id: id, db) else {
                throw CommunityError.notFound("subscription")
            }
            guard subscription.status == .confirmed else {
                throw CommunityError.conflict("subscription_not_active", "this subscription is not active")
            }
            try Self.store(preferences, for: id, at: date, db)
            try Self.record(consent, for: id, at: date, db)
            return try Self.subscription(id: id, db)!
        }
    }

    package func unsubscribe(_ id: Subscription.ID, consent: ConsentRecord, at date: Date) async throws -> Subscription
    {
        try await database.write { db in
            guard let subscription = try Self.subscription(id: id, db) else {
                throw CommunityError.notFound("subscription")
            }
            guard subscription.status != .unsubscribed else { return subscription }
            try db.execute(
                sql: "UPDATE subscription SET status = 'unsubscribed', updatedAt = ? WHERE id = ?",
                arguments: [date, id])
            try db.execute(
                sql: """
                    UPDATE outboxMessage SET status = 'cancelled', lastError = 'unsubscribed'
                    WHERE subscriptionId = ? AND status = 'pending'
                    """,
                arguments: [id])
            try Self.record(consent, for: id, at: date, db)
            return try Self.subscription(id: id, db)!
        }
    }

    package func subscription(id: Subscription.ID) async throws -> Subscription? {
        try await database.read { db in try Self.subscription(id: id, db) }
    }

    package func subscription(email: String) async throws -> Subscription? {
        try await database.read { db in try Self.subscription(email: email, db) }
    }

    package func subscriptions(ids: [Subscription.ID]) async throws -> [Subscription] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try Row.fetchAll(
                db, sql: Self.select + " WHERE s.id IN (\(databaseQuestionMarks(count: ids.count)))",
                arguments: StatementArguments(ids)
            ).map(StoredRows.subscription(from:))
        }
    }

    package func consent(
        _ id: Subscription.ID
    ) async throws -> [(action: String, wording: String, source: String, at: Date)] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM consentEvent WHERE subscriptionId = ? ORDER BY id", arguments: [id]
            ).map { ($0["action"], $0["wording"], $0["source"], $0["at"]) }
        }
    }

    package func dueSubscribers(
        frequency: DigestFrequency, homeZone: Zone.ID?, after: Subscription.ID?, limit: Int
    ) async throws -> [Subscription] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: Self.select + """
                     WHERE s.status = 'confirmed' AND s.frequency = ? AND (? IS NULL OR s.homeZoneId = ?)
                      AND s.id > ? AND NOT EXISTS (SELECT 1 FROM suppression WHERE email = s.email)
                    ORDER BY s.id LIMIT ?
                    """,
                arguments: [frequency.rawValue, homeZone, homeZone, after ?? Subscription.ID(0), limit]
            ).map(StoredRows.subscription(from:))
        }
    }

    package func recordDigests(
        _ digests: [DigestRecipe], covering subscribers: [Subscription.ID], periodEnd: Date, at date: Date
    ) async throws -> Int {
        try await database.write { db in
            var queued = 0
            for digest in digests {
                guard
                    let email = try String.fetchOne(
                        db, sql: "SELECT email FROM subscription WHERE id = ?", arguments: [digest.subscription])
                else { continue }
                let key = "digest:\(digest.subscription):\(Int(digest.periodEnd.timeIntervalSince1970))"
                if try SQLiteOutboxStore.insert(
                    recipient: email, payload: .digest(digest), subscription: digest.subscription, dedupeKey: key,
                    at: date, db) != nil
                {
                    queued += 1
                    try db.execute(
                        sql: "UPDATE subscription SET digestCount = digestCount + 1 WHERE id = ?",
                        arguments: [digest.subscription])
                }
            }
            for subscriber in subscribers {
                try db.execute(
                    sql: "UPDATE subscription SET lastDigestAt = ? WHERE id = ? AND status = 'confirmed'",
                    arguments: [periodEnd, subscriber])
            }
            return queued
        }
    }

    package func claimRun(
        zone: Zone.ID, frequency: DigestFrequency, scheduledFor: Date, at date: Date
    ) async throws -> Bool {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO digestRun (zoneId, frequency, scheduledFor, startedAt) VALUES (?, ?, ?, ?)
                    """,
                arguments: [zone, frequency.rawValue, scheduledFor, date])
            return db.changesCount > 0
        }
    }

    package func count(status: SubscriptionStatus?) async throws -> Int {
        try await database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM subscription WHERE ? IS NULL OR status = ?",
                arguments: [status?.rawValue, status?.rawValue]) ?? 0
        }
    }

    package func addConfirmed(
        _ subscribers: [(email: String, preferences: SubscriptionPreferences)], source: String, wording: String,
        at date: Date
    ) async throws -> Int {
        try await database.write { db in
            var added = 0
            for (email, preferences) in subscribers {
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO subscription
                            (email, homeZoneId, frequency, status, confirmedAt, createdAt, updatedAt)
                        VALUES (?, ?, ?, 'confirmed', ?, ?, ?)
                        """,
                    arguments: [email, preferences.zoneIDs[0], preferences.frequency.rawValue, date, date, date])
                guard db.changesCount > 0 else { continue }
                let id = Subscription.ID(db.lastInsertedRowID)
                try Self.store(preferences, for: id, at: date, db)
                for action in [ConsentRecord.Action.requested, .confirmed] {
                    try Self.record(
                        ConsentRecord(action: action, wording: wording, source: source), for: id, at: date, db)
                }
                added += 1
            }
            return added
        }
    }

    private static func store(
        _ preferences: SubscriptionPreferences, for id: Subscription.ID, at date: Date, _ db: Database
    ) throws {
        try db.execute(
            sql: """
                UPDATE subscription SET homeZoneId = ?, frequency = ?, categories = ?, updatedAt = ? WHERE id = ?
                """,
            arguments: [
                preferences.zoneIDs[0], preferences.frequency.rawValue,
                try JSONColumn.encode(preferences.categories.map(\.rawValue)), date, id,
            ])
        try db.execute(sql: "DELETE FROM subscriptionZone WHERE subscriptionId = ?", arguments: [id])
        for zone in preferences.zoneIDs {
            try db.execute(
                sql: "INSERT OR IGNORE INTO subscriptionZone (subscriptionId, zoneId) VALUES (?, ?)",
                arguments: [id, zone])
        }
    }

    private static func record(_ consent: ConsentRecord, for id: Subscription.ID, at date: Date, _ db: Database) throws
    {
        try db.execute(
            sql: "INSERT INTO consentEvent (subscriptionId, action, wording, source, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, consent.action.rawValue, consent.wording, String(consent.source.prefix(300)), date])
    }

    private static let select = """
        SELECT s.*, (SELECT group_concat(zoneId) FROM subscriptionZone WHERE subscriptionId = s.id) AS zoneIds
        FROM subscription s
        """

    private static func subscription(id: Subscription.ID, _ db: Database) throws -> Subscription? {
        try Row.fetchOne(db, sql: select + " WHERE s.id = ?", arguments: [id]).map(StoredRows.subscription(from:))
    }

    private static func subscription(email: String, _ db: Database) throws -> Subscription? {
        try Row.fetchOne(db, sql: select + " WHERE s.email = ?", arguments: [email]).map(StoredRows.subscription(from:))
    }

}

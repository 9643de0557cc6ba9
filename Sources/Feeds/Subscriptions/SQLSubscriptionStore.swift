import Community
import Foundation
import Storage

/// `SubscriptionStore` on either engine.
package struct SQLSubscriptionStore: SubscriptionStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func request(
        email: String, preferences: SubscriptionPreferences, consent: ConsentRecord, quietPeriod: TimeInterval,
        at date: Date
    ) async throws -> SubscriptionRequestOutcome {
        try await database.write { db in
            // Requests for one address, from any process, take turns: the first creates it, the next find it.
            try await db.takeTurns(on: "zonehub.subscription." + email.lowercased())
            var existing = try await Self.subscription(email: email, db)
            if existing?.status != .confirmed {
                // A confirmed subscription is never changed by a request: anyone can type anyone's address.
                let id: Subscription.ID
                if let found = existing {
                    id = found.id
                    try await db.execute(
                        "UPDATE subscription SET status = 'pending', updatedAt = ? WHERE id = ?", [date, id])
                } else {
                    id = Subscription.ID(
                        try await db.insert(
                            """
                            INSERT INTO subscription (email, homeZoneId, frequency, status, createdAt, updatedAt)
                            VALUES (?, ?, ?, 'pending', ?, ?)
                            """,
                            [email, preferences.zoneIDs[0], preferences.frequency.rawValue, date, date]))
                }
                try await Self.store(preferences, for: id, at: date, db)
                try await Self.record(consent, for: id, at: date, db)
                existing = try await Self.subscription(id: id, db)
            }
            guard let subscription = existing else { return .nothingQueued(nil) }
            let lastMail: Date? = try await db.value(
                "SELECT lastRequestMailAt FROM subscription WHERE id = ?", [subscription.id])
            let suppressed: Bool =
                try await db.value(
                    "SELECT EXISTS (SELECT 1 FROM suppression WHERE lower(email) = lower(?))", [email]) ?? false
            if suppressed || lastMail.map({ date.timeIntervalSince($0) < quietPeriod }) == true {
                return .nothingQueued(subscription)
            }
            let confirmed = subscription.status == .confirmed
            let payload: OutboxPayload =
                confirmed
                ? .alreadySubscribed(subscription: subscription.id) : .confirmation(subscription: subscription.id)
            _ = try await SQLOutboxStore.insert(
                recipient: subscription.email, payload: payload, subscription: subscription.id, dedupeKey: nil,
                at: date, db)
            try await db.execute(
                "UPDATE subscription SET lastRequestMailAt = ? WHERE id = ?", [date, subscription.id])
            return confirmed ? .reminderQueued(subscription) : .confirmationQueued(subscription)
        }
    }

    package func confirm(_ id: Subscription.ID, consent: ConsentRecord, at date: Date) async throws -> Subscription {
        try await database.write { db in
            guard let subscription = try await Self.subscription(id: id, db, locking: true) else {
                throw FeedsNotFound.subscription.notFound
            }
            switch subscription.status {
            case .confirmed: return subscription
            case .unsubscribed:
                throw FeedsProblem.subscriptionEnded.error(
                    "this subscription was ended; subscribe again to receive the digest")
            case .pending:
                try await db.execute(
                    "UPDATE subscription SET status = 'confirmed', confirmedAt = ?, updatedAt = ? WHERE id = ?",
                    [date, date, id])
                try await Self.record(consent, for: id, at: date, db)
                return try await Self.subscription(id: id, db)!
            }
        }
    }

    package func update(
        _ id: Subscription.ID, preferences: SubscriptionPreferences, consent: ConsentRecord, at date: Date
    ) async throws -> Subscription {
        try await database.write { db in
            guard let subscription = try await Self.subscription(id: id, db, locking: true) else {
                throw FeedsNotFound.subscription.notFound
            }
            guard subscription.status == .confirmed else {
                throw FeedsProblem.subscriptionNotActive.error("this subscription is not active")
            }
            try await Self.store(preferences, for: id, at: date, db)
            try await Self.record(consent, for: id, at: date, db)
            return try await Self.subscription(id: id, db)!
        }
    }

    package func unsubscribe(_ id: Subscription.ID, consent: ConsentRecord, at date: Date) async throws -> Subscription
    {
        try await database.write { db in
            guard let subscription = try await Self.subscription(id: id, db, locking: true) else {
                throw FeedsNotFound.subscription.notFound
            }
            guard subscription.status != .unsubscribed else { return subscription }
            try await db.execute(
                "UPDATE subscription SET status = 'unsubscribed', updatedAt = ? WHERE id = ?", [date, id])
            try await db.execute(
                """
                UPDATE outboxMessage SET status = 'cancelled', lastError = 'unsubscribed'
                WHERE subscriptionId = ? AND status = 'pending'
                """, [id])
            try await Self.record(consent, for: id, at: date, db)
            return try await Self.subscription(id: id, db)!
        }
    }

    package func subscription(id: Subscription.ID) async throws -> Subscription? {
        try await database.read { db in try await Self.subscription(id: id, db) }
    }

    package func subscription(email: String) async throws -> Subscription? {
        try await database.read { db in try await Self.subscription(email: email, db) }
    }

    package func subscription(user: User.ID, email: String) async throws -> Subscription? {
        try await database.read { db in
            try await db.fetchOne(
                Self.select(db) + " WHERE s.userId = ? OR lower(s.email) = lower(?) ORDER BY s.id LIMIT 1", [user, email]
            ).map(StoredRows.subscription(from:))
        }
    }

    package func subscriptions(ids: [Subscription.ID]) async throws -> [Subscription] {
        guard !ids.isEmpty else { return [] }
        return try await database.read { db in
            try await db.fetchAll(Self.select(db) + " WHERE s.id IN (\(SQL.marks(ids.count)))", ids)
                .map(StoredRows.subscription(from:))
        }
    }

    package func consent(
        _ id: Subscription.ID
    ) async throws -> [(action: String, wording: String, source: String, at: Date)] {
        let rows = try await database.read { db in
            try await db.fetchAll("SELECT * FROM consentEvent WHERE subscriptionId = ? ORDER BY id", [id])
        }
        return try rows.map { (try $0["action"], try $0["wording"], try $0["source"], try $0["at"]) }
    }

    package func dueSubscribers(
        frequency: DigestFrequency, homeZone: Zone.ID?, after: Subscription.ID?, limit: Int
    ) async throws -> [Subscription] {
        try await database.read { db in
            try await db.fetchAll(
                Self.select(db) + """
                     WHERE s.status = 'confirmed' AND s.frequency = ? AND (? IS NULL OR s.homeZoneId = ?)
                      AND s.id > ? AND NOT EXISTS (SELECT 1 FROM suppression WHERE lower(email) = lower(s.email))
                    ORDER BY s.id LIMIT ?
                    """,
                [frequency.rawValue, homeZone, homeZone, after ?? Subscription.ID(0), limit]
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
                    let email: String = try await db.value(
                        "SELECT email FROM subscription WHERE id = ?", [digest.subscription])
                else { continue }
                // The same period (to the millisecond) is one digest; two runs ending within one second are not.
                let key =
                    "digest:\(digest.subscription):\(Self.millis(digest.periodStart))-\(Self.millis(digest.periodEnd))"
                if try await SQLOutboxStore.insert(
                    recipient: email, payload: .digest(digest), subscription: digest.subscription, dedupeKey: key,
                    at: date, db) != nil
                {
                    queued += 1
                    try await db.execute(
                        "UPDATE subscription SET digestCount = digestCount + 1 WHERE id = ?", [digest.subscription])
                }
            }
            for subscriber in subscribers {
                try await db.execute(
                    "UPDATE subscription SET lastDigestAt = ? WHERE id = ? AND status = 'confirmed'",
                    [periodEnd, subscriber])
            }
            return queued
        }
    }

    private static func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    package func claimRun(
        zone: Zone.ID, frequency: DigestFrequency, scheduledFor: Date, at date: Date
    ) async throws -> Bool {
        // The run's key is its primary key: of several processes reaching the same run, one inserts it.
        try await database.write { db in
            try await db.execute(
                """
                INSERT INTO digestRun (zoneId, frequency, scheduledFor, startedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, [zone, frequency.rawValue, scheduledFor, date]) > 0
        }
    }

    package func count(status: SubscriptionStatus?) async throws -> Int {
        try await database.read { db in
            try await db.value(
                "SELECT count(*) FROM subscription WHERE ? IS NULL OR status = ?", [status?.rawValue, status?.rawValue])
                ?? 0
        }
    }

    package func addConfirmed(
        _ subscribers: [(email: String, preferences: SubscriptionPreferences)], source: String, wording: String,
        at date: Date
    ) async throws -> Int {
        let rows = subscribers.map { (email: $0.email, preferences: $0.preferences) }
        return try await database.write { db in
            var added = 0
            for (email, preferences) in rows {
                let inserted: Int64? = try await db.value(
                    """
                    INSERT INTO subscription (email, homeZoneId, frequency, status, confirmedAt, createdAt, updatedAt)
                    VALUES (?, ?, ?, 'confirmed', ?, ?, ?)
                    ON CONFLICT DO NOTHING RETURNING id
                    """,
                    [email, preferences.zoneIDs[0], preferences.frequency.rawValue, date, date, date])
                guard let inserted else { continue }
                let id = Subscription.ID(inserted)
                try await Self.store(preferences, for: id, at: date, db)
                for action in [ConsentRecord.Action.requested, .confirmed] {
                    try await Self.record(
                        ConsentRecord(action: action, wording: wording, source: source), for: id, at: date, db)
                }
                added += 1
            }
            return added
        }
    }

    private static func store(
        _ preferences: SubscriptionPreferences, for id: Subscription.ID, at date: Date, _ db: any SQLTransaction
    ) async throws {
        try await db.execute(
            "UPDATE subscription SET homeZoneId = ?, frequency = ?, categories = ?, updatedAt = ? WHERE id = ?",
            [
                preferences.zoneIDs[0], preferences.frequency.rawValue,
                try JSONColumn.encode(preferences.categories.map(\.rawValue)), date, id,
            ])
        try await db.execute("DELETE FROM subscriptionZone WHERE subscriptionId = ?", [id])
        for zone in preferences.zoneIDs {
            try await db.execute(
                "INSERT INTO subscriptionZone (subscriptionId, zoneId) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [id, zone])
        }
    }

    private static func record(
        _ consent: ConsentRecord, for id: Subscription.ID, at date: Date, _ db: any SQLTransaction
    ) async throws {
        try await db.execute(
            "INSERT INTO consentEvent (subscriptionId, action, wording, source, at) VALUES (?, ?, ?, ?, ?)",
            [id, consent.action.rawValue, consent.wording, String(consent.source.prefix(300)), date])
    }

    private static func select(_ db: any SQLTransaction) -> String {
        """
        SELECT s.*, (SELECT \(db.joined("zoneId")) FROM subscriptionZone WHERE subscriptionId = s.id) AS zoneIds
        FROM subscription s
        """
    }

    private static func subscription(id: Subscription.ID, _ db: any SQLTransaction, locking: Bool = false)
        async throws -> Subscription?
    {
        let lock = locking ? db.forUpdate(of: "s") : ""
        return try await db.fetchOne(select(db) + " WHERE s.id = ?" + lock, [id]).map(StoredRows.subscription(from:))
    }

    private static func subscription(email: String, _ db: any SQLTransaction) async throws -> Subscription? {
        try await db.fetchOne(select(db) + " WHERE lower(s.email) = lower(?)", [email]).map(
            StoredRows.subscription(from:))
    }

}

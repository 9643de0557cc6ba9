import Community
import Foundation
import Storage

/// Subscriptions' and the outbox's rows made into their records.
extension StoredRows {
    /// A subscription, with its zones as a comma-separated `zoneIds`.
    static func subscription(from row: SQLRow) throws -> Subscription {
        let home: Zone.ID = try row["homeZoneId"]
        let others = ((try row["zoneIds"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
            .map(Zone.ID.init).filter { $0 != home }.sorted()
        let categories = try JSONColumn.decode([String].self, from: try row["categories"])
            .compactMap(Category.init)
        return Subscription(
            id: try row["id"], email: try row["email"],
            preferences: SubscriptionPreferences(
                zoneIDs: [home] + others, categories: categories,
                frequency: DigestFrequency(rawValue: try row["frequency"]) ?? .weekly),
            status: SubscriptionStatus(rawValue: try row["status"]) ?? .pending, createdAt: try row["createdAt"],
            confirmedAt: try row["confirmedAt"], lastDigestAt: try row["lastDigestAt"],
            digestCount: try row["digestCount"])
    }

    static func outboxMessage(from row: SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: try row["id"], recipient: try row["recipient"],
            payload: try JSONColumn.decode(OutboxPayload.self, from: try row["payload"]),
            status: OutboxStatus(rawValue: try row["status"]) ?? .failed, attempts: try row["attempts"],
            nextAttemptAt: try row["nextAttemptAt"], lastError: try row["lastError"],
            createdAt: try row["createdAt"], sentAt: try row["sentAt"])
    }

}

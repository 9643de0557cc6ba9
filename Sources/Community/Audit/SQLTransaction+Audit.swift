import Foundation
import Storage

extension SQLTransaction {
    /// Appends an audit entry; called inside the write transaction whose change it records.
    package func appendAudit(
        action: String, subject: String, actor: User.ID?, zone: Zone.ID?, at date: Date, details: [String: String] = [:]
    ) async throws {
        let data = try JSONSerialization.data(withJSONObject: details, options: [.sortedKeys])
        try await execute(
            "INSERT INTO auditEntry (at, actorId, zoneId, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)",
            [date, actor, zone, action, subject, String(decoding: data, as: UTF8.self)])
    }
}

import Foundation
import Storage

extension SQLTransaction {
    /// Appends one line to the audit log, in this transaction: the change and its record are stored together.
    package func appendAudit(
        _ action: some AuditAction, subject: String, actor: User.ID?, zone: Zone.ID?, at date: Date,
        details: [String: String] = [:]
    ) async throws {
        try await execute(
            "INSERT INTO auditEntry (at, actorId, zoneId, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)",
            [date, actor, zone, action.name, subject, AuditDetails.json(details)])
    }
}

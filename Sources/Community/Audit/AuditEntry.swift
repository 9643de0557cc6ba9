import Foundation

/// One line of the append-only audit log, written in the same transaction as the change it records.
package struct AuditEntry: Equatable, Sendable {
    package typealias ID = Identifier<AuditEntry>

    package let id: ID
    package let at: Date
    package let actorID: User.ID?
    package let zoneID: Zone.ID?
    /// What happened, e.g. `post.submit`, `zone.retire`.
    package let action: String
    /// What it happened to, e.g. `post:12`.
    package let subject: String
    /// Small JSON object with the facts of the change.
    package let details: String

    package init(
        id: ID, at: Date, actorID: User.ID?, zoneID: Zone.ID?, action: String, subject: String, details: String
    ) {
        self.id = id
        self.at = at
        self.actorID = actorID
        self.zoneID = zoneID
        self.action = action
        self.subject = subject
        self.details = details
    }
}

/// Reads the audit log.
package protocol AuditStore: Sendable {
    func entries(zoneID: Zone.ID?, limit: Int) async throws -> [AuditEntry]
    /// What `actor` did, oldest first (for the person's own copy of their data).
    func entries(actor: User.ID) async throws -> [AuditEntry]
}

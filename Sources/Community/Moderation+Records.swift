import Foundation

/// What a zone admin decided about a post.
package enum DecisionAction: String, Codable, CaseIterable, Sendable {
    case approve
    case reject
    /// Back to the merchant as a draft; it returns to the queue with its history when resubmitted.
    case requestChanges = "request_changes"
    /// Take down an already published post.
    case remove
}

/// Why a post was rejected or removed: a fixed list, so statements of reasons are comparable.
package enum ReasonCode: String, Codable, CaseIterable, Sendable {
    case offTopic = "off_topic"
    case notLocal = "not_local"
    case duplicate
    case misleading
    case prohibitedContent = "prohibited_content"
    case other

    package static func parse(_ value: String) throws(CommunityError) -> ReasonCode {
        guard let code = ReasonCode(rawValue: value) else {
            throw .invalid(
                "reason",
                "unknown reason '\(value.prefix(40))' (one of: \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return code
    }
}

/// One moderation decision, as recorded.
package struct Decision: Equatable, Sendable {
    package typealias ID = Identifier<Decision>

    package let id: ID
    package let postID: Post.ID
    package let zoneID: Zone.ID
    package let moderatorID: User.ID
    package let moderatorName: String
    package let action: DecisionAction
    package let reason: ReasonCode?
    package let note: String?
    package let at: Date

    package init(
        id: ID, postID: Post.ID, zoneID: Zone.ID, moderatorID: User.ID, moderatorName: String,
        action: DecisionAction, reason: ReasonCode?, note: String?, at: Date
    ) {
        self.id = id
        self.postID = postID
        self.zoneID = zoneID
        self.moderatorID = moderatorID
        self.moderatorName = moderatorName
        self.action = action
        self.reason = reason
        self.note = note
        self.at = at
    }
}

/// A line of the audit log with the actor's name, for admins.
package struct AuditLine: Equatable, Sendable {
    package let entry: AuditEntry
    package let actorName: String?

    package init(entry: AuditEntry, actorName: String?) {
        self.entry = entry
        self.actorName = actorName
    }
}

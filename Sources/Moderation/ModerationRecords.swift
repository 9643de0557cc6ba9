import Community
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

/// A line of the audit log with the actor's name and what its subject is called, for admins.
package struct AuditLine: Equatable, Sendable {
    package let entry: AuditEntry
    package let actorName: String?
    /// The subject's name as it is now; nil when it is gone or of a kind the log does not name.
    package var subject: AuditSubject?

    package init(entry: AuditEntry, actorName: String?, subject: AuditSubject? = nil) {
        self.entry = entry
        self.actorName = actorName
        self.subject = subject
    }
}

/// Why a resident reports a post.
package enum ReportReason: String, Codable, CaseIterable, Sendable {
    case illegal, scam, misleading, offensive, spam, other
}

/// A resident's report on a published post.
package struct Report: Equatable, Sendable {
    package let postID: Post.ID
    package let reason: ReportReason
    package let note: String?
    package let at: Date

    package init(postID: Post.ID, reason: ReportReason, note: String?, at: Date) {
        self.postID = postID
        self.reason = reason
        self.note = note
        self.at = at
    }
}

/// One month of a zone's moderation, for its public transparency page.
package struct TransparencyMonth: Equatable, Sendable {
    package let month: String
    package var published = 0
    package var held = 0
    package var rejected: [ReasonCode: Int] = [:]
    package var removed: [ReasonCode: Int] = [:]

    package init(month: String) { self.month = month }
}

/// A statement of reasons for one rejection or removal, naming no moderator.
package struct StatementOfReasons: Equatable, Sendable {
    package let postID: Post.ID
    package let action: DecisionAction
    package let reason: ReasonCode
    /// The screening rules that had held the post, if any.
    package let rules: [String]
    package let at: Date

    package init(postID: Post.ID, action: DecisionAction, reason: ReasonCode, rules: [String], at: Date) {
        self.postID = postID
        self.action = action
        self.reason = reason
        self.rules = rules
        self.at = at
    }
}

extension ReasonCode: ClosedChoice {
    package static var field: any InputField { ModerationField.reason }
}

extension ReportReason: ClosedChoice {
    package static var field: any InputField { ModerationField.reason }
}

import Community
import Foundation

/// What a delivery status notification says of a recipient, as far as suppression is concerned.
package enum BounceKind: String, Codable, Sendable, Comparable {
    /// Delivered, relayed or expanded: nothing to do.
    case success
    /// A delay warning: the server is still trying.
    case delay
    /// A temporary failure (4.x.x) the server gave up on, or a policy refusal (5.7.x).
    case soft
    /// A permanent failure (5.x.x other than 5.7.x): the address does not take mail.
    case hard

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }

    private var severity: Int {
        switch self {
        case .success: 0
        case .delay: 1
        case .soft: 2
        case .hard: 3
        }
    }
}

/// What the hub did with a bounce.
package enum BounceAction: String, Codable, Sendable {
    /// The address is suppressed now: nothing will be sent to it again.
    case suppressed
    /// A soft bounce, counted; the address stays until the limit is reached.
    case counted
    /// A delay warning or a success report: recorded, nothing changed.
    case ignored
    /// The address was suppressed already.
    case alreadySuppressed = "already_suppressed"
}

/// How a bounce was tied to the message sent.
package enum BounceMatch: String, Codable, Sendable {
    /// By the VERP envelope sender the report was delivered to.
    case verp
    /// By the tagged Message-ID in the returned headers.
    case messageID = "message_id"
}

/// What a bounce says, once matched to the outbox message it reports on.
package struct BounceReport: Equatable, Sendable {
    package var message: OutboxMessage.ID
    package var matchedBy: BounceMatch
    package var kind: BounceKind
    /// The recipient status the kind was read from (the most severe of the report's).
    package var recipient: RecipientStatus
    package var reportingMTA: String?

    package init(
        message: OutboxMessage.ID, matchedBy: BounceMatch, kind: BounceKind, recipient: RecipientStatus,
        reportingMTA: String?
    ) {
        self.message = message
        self.matchedBy = matchedBy
        self.kind = kind
        self.recipient = recipient
        self.reportingMTA = reportingMTA
    }
}

/// One recorded bounce: the message it reports on, the address concerned, what the report said, and what the hub
/// did and why.
package struct Bounce: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<Bounce>

    package let id: ID
    package let message: OutboxMessage.ID
    /// The address the hub sent to, which is the one suppressed.
    package let recipient: String
    package let finalRecipient: String?
    package let matchedBy: BounceMatch
    package let kind: BounceKind
    package let status: String
    package let dsnAction: String
    package let diagnosticCode: String?
    package let reportingMTA: String?
    package let action: BounceAction
    /// Why, in French, as an operator reads it; the suppression row carries the same text.
    package let reason: String
    package let at: Date

    package init(
        id: ID, message: OutboxMessage.ID, recipient: String, finalRecipient: String?, matchedBy: BounceMatch,
        kind: BounceKind, status: String, dsnAction: String, diagnosticCode: String?, reportingMTA: String?,
        action: BounceAction, reason: String, at: Date
    ) {
        self.id = id
        self.message = message
        self.recipient = recipient
        self.finalRecipient = finalRecipient
        self.matchedBy = matchedBy
        self.kind = kind
        self.status = status
        self.dsnAction = dsnAction
        self.diagnosticCode = diagnosticCode
        self.reportingMTA = reportingMTA
        self.action = action
        self.reason = reason
        self.at = at
    }
}

import Community
import Foundation

/// What an outbox message is, and what it takes to render it when it is sent. Digests and confirmations are
/// rendered at send time from these recipes (a digest's body is never stored); notices carry their text.
package enum OutboxPayload: Codable, Equatable, Sendable {
    /// The double opt-in mail with its confirmation link.
    case confirmation(subscription: Subscription.ID)
    /// Sent instead of a confirmation when the address is already subscribed: a link to manage it.
    case alreadySubscribed(subscription: Subscription.ID)
    case digest(DigestRecipe)
    /// A one-off message to a hub member (a moderation decision), already written.
    case notice(subject: String, text: String)

    package var kind: String {
        switch self {
        case .confirmation: "confirmation"
        case .alreadySubscribed: "already_subscribed"
        case .digest: "digest"
        case .notice: "notice"
        }
    }
}

/// One subscriber's digest for one period: the posts chosen when it was composed.
package struct DigestRecipe: Codable, Equatable, Sendable {
    package var subscription: Subscription.ID
    package var periodStart: Date
    package var periodEnd: Date
    package var posts: [Post.ID]
    /// Posts left out by the per-merchant cap, per merchant, so the digest can say "and 4 more".
    package var omitted: [String: Int]

    package init(
        subscription: Subscription.ID, periodStart: Date, periodEnd: Date, posts: [Post.ID], omitted: [String: Int]
    ) {
        self.subscription = subscription
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.posts = posts
        self.omitted = omitted
    }
}

/// Where an outbox message is in its delivery.
package enum OutboxStatus: String, Codable, CaseIterable, Sendable {
    /// Waiting for its next attempt.
    case pending
    /// Claimed by a sender; a sender that died leaves it to be sent again.
    case sending
    case sent
    /// Refused for good by the receiving server, or out of attempts.
    case failed
    /// Not sent: the address is suppressed, or the subscriber left before it went out.
    case cancelled
}

/// A message in the durable outbox: stored before it is sent, so a crash loses nothing.
package struct OutboxMessage: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<OutboxMessage>

    package let id: ID
    package let recipient: String
    package let payload: OutboxPayload
    package let status: OutboxStatus
    package let attempts: Int
    package let nextAttemptAt: Date
    package let lastError: String?
    package let createdAt: Date
    package let sentAt: Date?

    package init(
        id: ID, recipient: String, payload: OutboxPayload, status: OutboxStatus, attempts: Int, nextAttemptAt: Date,
        lastError: String?, createdAt: Date, sentAt: Date?
    ) {
        self.id = id
        self.recipient = recipient
        self.payload = payload
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}

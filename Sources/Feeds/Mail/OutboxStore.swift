import Community
import Foundation

/// The durable outbox: every message is a row before it is sent.
package protocol OutboxStore: Sendable {
    /// Queues a message; with a `dedupeKey` already used, queues nothing and returns nil.
    @discardableResult
    func enqueue(
        recipient: String, payload: OutboxPayload, dedupeKey: String?, at date: Date
    ) async throws -> OutboxMessage.ID?
    /// Marks up to `limit` due messages as being sent by `sender` and returns them, oldest first.
    func claim(limit: Int, sender: String, now: Date) async throws -> [OutboxMessage]
    func markSent(_ id: OutboxMessage.ID, at date: Date) async throws
    /// A temporary failure: tries again at `retryAt`, or gives up (failed) when `retryAt` is nil.
    func markFailedTemporarily(_ id: OutboxMessage.ID, error: String, retryAt: Date?, at date: Date) async throws
    /// A permanent refusal: the message failed, the address is suppressed and its other unsent messages cancelled.
    func markRefused(_ id: OutboxMessage.ID, error: String, at date: Date) async throws
    /// Returns claimed messages, not tried, to the queue as they were.
    func release(_ ids: [OutboxMessage.ID]) async throws
    func cancel(_ id: OutboxMessage.ID, reason: String, at date: Date) async throws
    /// Returns claimed messages whose sender is gone (`isAlive` false) to the queue; returns how many.
    func releaseClaims(isAlive: @escaping @Sendable (String) -> Bool) async throws -> Int
    func message(id: OutboxMessage.ID) async throws -> OutboxMessage?
    func messages(recipient: String) async throws -> [OutboxMessage]
    func counts() async throws -> [OutboxStatus: Int]
    /// When the next pending message is due, if any.
    func nextAttempt() async throws -> Date?
    func isSuppressed(_ email: String) async throws -> Bool
    /// Which of these dedupe keys a message was already queued under (a read, before trying to queue again).
    func queuedKeys(_ keys: [String]) async throws -> Set<String>
}

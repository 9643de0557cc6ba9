import Foundation

/// What the hub owes right now, for the operators' metrics: the outbox, the review queue, bookings.
package struct HubStatistics: Sendable, Equatable {
    /// Messages waiting to be sent (pending or being sent), and the age of the oldest due one.
    package var outboxDepth: Int
    package var oldestOutboxSeconds: Double
    /// Messages that failed for good (suppressed recipients), since the hub began.
    package var outboxFailed: Int
    /// Posts held for review, and how long the oldest has waited.
    package var heldPosts: Int
    package var oldestHeldSeconds: Double
    /// Pop-up bookings by status.
    package var bookings: [String: Int]

    package init(
        outboxDepth: Int = 0, oldestOutboxSeconds: Double = 0, outboxFailed: Int = 0, heldPosts: Int = 0,
        oldestHeldSeconds: Double = 0, bookings: [String: Int] = [:]
    ) {
        self.outboxDepth = outboxDepth
        self.oldestOutboxSeconds = oldestOutboxSeconds
        self.outboxFailed = outboxFailed
        self.heldPosts = heldPosts
        self.oldestHeldSeconds = oldestHeldSeconds
        self.bookings = bookings
    }
}

/// Reads `HubStatistics`; each read is one consistent snapshot.
package protocol StatisticsStore: Sendable {
    func statistics(at now: Date) async throws -> HubStatistics
}

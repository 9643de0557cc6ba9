import Community
import Foundation
import HubTestSupport
import Testing

@testable import zonehub

/// The figures `/metrics` shows, read the same way on both engines.
@Suite struct StatisticsStoreTests {
    @Test func anEmptyHubHasNothingWaiting() async throws {
        let hub = try await TestHub.contract()
        let statistics = SQLStatisticsStore(database: hub.hubDatabase.sql)
        #expect(try await statistics.statistics(at: hub.clock.now()) == HubStatistics())
    }

    @Test func theOutboxDepthAndTheAgeOfItsOldestDueMessageAreCounted() async throws {
        let hub = try await TestHub.contract()
        let queued = hub.clock.now()
        for index in 0..<3 {
            try await hub.outboxStore.enqueue(
                recipient: "r\(index)@example.org", payload: .notice(subject: "s", text: "t"), dedupeKey: nil,
                at: queued)
        }
        let failed = try #require(try await hub.outboxStore.claim(limit: 1, sender: "host:1", now: queued).first)
        try await hub.outboxStore.markRefused(failed.id, error: "suppressed", at: queued)

        let store = SQLStatisticsStore(database: hub.hubDatabase.sql)
        let statistics = try await store.statistics(at: queued.addingTimeInterval(90))
        #expect(statistics.outboxDepth == 2)
        #expect(statistics.oldestOutboxSeconds == 90)
        #expect(statistics.outboxFailed == 1)
        #expect(statistics.heldPosts == 0)
        #expect(statistics.oldestHeldSeconds == 0)
        #expect(try await store.statistics(at: queued.addingTimeInterval(-5)).oldestOutboxSeconds == 0)
    }
}

import Community
import Feeds
import Foundation
import HubTestSupport
import Testing

/// Several processes on one database behave as one hub: each outbox message goes to exactly one sender and each
/// scheduled digest run is started once. Each process is a hub of its own on the same database.
@Suite struct OutboxConcurrencyTests {
    @Test func twoProcessesClaimingTogetherNeverTakeTheSameMessage() async throws {
        let first = try await TestHub.contract(onDisk: true)
        let second = try await first.sibling()
        for index in 0..<120 {
            try await first.outboxStore.enqueue(
                recipient: "r\(index)@example.org", payload: .notice(subject: "s", text: "t"), dedupeKey: nil,
                at: first.clock.now())
        }
        let now = first.clock.now()
        let claims = try await withThrowingTaskGroup(of: [OutboxMessage.ID].self) { group in
            for (sender, hub) in [("host:1", first), ("host:2", second), ("host:3", first), ("host:4", second)] {
                group.addTask {
                    var mine: [OutboxMessage.ID] = []
                    while true {
                        let batch = try await hub.outboxStore.claim(limit: 7, sender: sender, now: now)
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let all = claims.flatMap { $0 }
        #expect(all.count == 120)
        #expect(Set(all).count == 120)
        #expect(claims.filter { !$0.isEmpty }.count >= 2)
        #expect(try await second.outboxStore.counts()[.sending] == 120)
    }

    @Test func aScheduledDigestRunIsStartedByOneProcessOnly() async throws {
        let first = try await TestHub.contract(onDisk: true)
        try await first.seedZones()
        let second = try await first.sibling()
        let zone = try #require(try await first.zoneStore.zone(slug: "alpha")).id
        let slot = first.clock.now()
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for hub in [first, second, first, second] {
                group.addTask {
                    try await hub.subscriptionStore.claimRun(
                        zone: zone, frequency: .daily, scheduledFor: slot, at: slot)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(wins.filter { $0 }.count == 1)
    }
}

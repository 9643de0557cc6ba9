import Community
import Foundation
import HubTestSupport
import Testing

/// The rate limit and lockout counts, held to one contract on both engines: windows, quiet spells, resets, and
/// several processes counting together.
@Suite struct ThrottleStoreTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aWindowCountsFromItsFirstEventAndStartsAgainWhenItEnds() async throws {
        let store = try await TestHub.contract().throttleStore
        var seen: [Int] = []
        for seconds in [0.0, 10, 599] {
            seen.append(try await store.count("subscribe:1.2.3.4", at: start + seconds, expiry: .window(600)))
        }
        seen.append(try await store.count("subscribe:1.2.3.4", at: start + 600, expiry: .window(600)))
        seen.append(try await store.count("subscribe:1.2.3.4", at: start + 1199, expiry: .window(600)))
        #expect(seen == [1, 2, 3, 1, 2])
        #expect(try await store.count("subscribe:5.6.7.8", at: start + 1199, expiry: .window(600)) == 1)
    }

    @Test func aQuietCountLastsAsLongAsEventsKeepComing() async throws {
        let store = try await TestHub.contract().throttleStore
        let subject = "sign-in.account:a@example.org"
        for hour in 0..<3 {
            _ = try await store.count(subject, at: start + Double(hour) * 80_000, expiry: .quiet(86_400))
        }
        let live = try await store.counts([subject, "sign-in.client:9.9.9.9"], at: start + 160_001)
        #expect(live == [subject: ThrottleCount(events: 3, lastAt: start + 160_000)])
        #expect(try await store.counts([subject], at: start + 160_000 + 86_400).isEmpty)
        #expect(try await store.count(subject, at: start + 160_000 + 86_400, expiry: .quiet(86_400)) == 1)
    }

    @Test func aResetForgetsOneSubjectOnly() async throws {
        let store = try await TestHub.contract().throttleStore
        for subject in ["report:1", "report:1", "report:2"] {
            _ = try await store.count(subject, at: start, expiry: .window(3600))
        }
        try await store.reset("report:1")
        #expect(try await store.counts(["report:1", "report:2"], at: start).mapValues(\.events) == ["report:2": 1])
    }

    @Test func twoProcessesCountingAtOnceLoseNoEvent() async throws {
        let first = try await TestHub.contract(onDisk: true)
        let second = try await first.sibling()
        let start = start
        let counts = try await withThrowingTaskGroup(of: [Int].self) { group in
            for hub in [first, second, first, second] {
                group.addTask {
                    var mine: [Int] = []
                    for _ in 0..<10 {
                        mine.append(try await hub.throttleStore.count("report:7", at: start, expiry: .window(3600)))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(counts.sorted() == Array(1...40))
        #expect(try await second.throttleStore.counts(["report:7"], at: start)["report:7"]?.events == 40)
    }

    @Test func expiredCountsAreDeletedAsNewOnesAreMade() async throws {
        let hub = try await TestHub.contract()
        for index in 0..<5 {
            _ = try await hub.throttleStore.count("subscribe:\(index)", at: start, expiry: .window(600))
        }
        _ = try await hub.throttleStore.count("subscribe:late", at: start + 601, expiry: .window(600))
        #expect(try await hub.texts("SELECT subject FROM throttleCount") == ["subscribe:late"])
    }
}

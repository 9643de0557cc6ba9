import Community
import Directory
import Feeds
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import Testing

@testable import zonehub

/// Pings reach a real WebSub hub over HTTP (a second server in the test), and a dead hub blocks nothing.
@Suite struct WebSubTests {
    /// What the receiving hub was told.
    actor Received {
        var feeds: [String] = []
        var waiter: (urls: Set<String>, from: Int, continuation: CheckedContinuation<Void, Never>)?

        func add(_ body: String) {
            let fields = Dictionary(
                body.split(separator: "&").map {
                    let pair = $0.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
                    return (pair[0], pair.count > 1 ? pair[1] : "")
                }, uniquingKeysWith: { $1 })
            if fields["hub.mode"] == "publish", let url = fields["hub.url"] { feeds.append(url) }
            if let waiter, waiter.urls.isSubset(of: feeds.suffix(from: waiter.from)) {
                self.waiter = nil
                waiter.continuation.resume()
            }
        }

        /// Returns once every one of `urls` was pinged after the first `from` pings. Pings are coalesced, so only
        /// which feeds were pinged is certain, not how many pings arrive.
        /// Cancelling the wait (as the time limit does) ends it with `CancellationError`.
        func wait(for urls: Set<String>, after from: Int = 0) async throws {
            if urls.isSubset(of: feeds.suffix(from: from)) { return }
            await withTaskCancellationHandler {
                await withCheckedContinuation {
                    if Task.isCancelled { $0.resume() } else { waiter = (urls, from, $0) }
                }
            } onCancel: {
                Task { await self.stopWaiting() }
            }
            try Task.checkCancellation()
        }

        private func stopWaiting() {
            waiter?.continuation.resume()
            waiter = nil
        }
    }

    /// The hub's and every zone's feeds, in each format: what any change to posts pings.
    static let listingFeeds: Set<String> = Set(
        (["/feed"] + ["centre-essonne", "oise", "dordogne", "bassin-d-arcachon"].map { "/zones/\($0)/feed" })
            .flatMap { path in ["atom", "rss", "json"].map { "http://127.0.0.1:8080\(path).\($0)" } })

    @Test(.timeLimit(.minutes(3))) func aPublishedPostPingsTheHubForItsZoneAndHubFeeds() async throws {
        let received = Received()
        try await Self.withReceivingHub(received) { hub in
            let publisher = try #require(hub.webSub)
            try await received.wait(for: Self.listingFeeds)  // syncing zones changed every feed
            await publisher.settled()
            let afterSync = await received.feeds.count
            let (owner, merchant) = try await Self.cave(in: hub)
            let draft = try await hub.posts.create(
                PostContent(kind: .news, title: "Vendanges", body: "", category: .alimentation),
                merchantSlug: merchant.slug,
                zoneSlug: "dordogne", by: owner)
            try await received.wait(for: Self.listingFeeds, after: afterSync)  // so did writing the draft
            await publisher.settled()
            let before = await received.feeds.count
            #expect(try await hub.posts.submit(draft.id, by: owner).status == .published)
            // The time limit fails the test if one of them is never pinged.
            try await received.wait(for: Self.listingFeeds, after: before)
            #expect(publisher.counts.failed == 0)
        }
    }

    @Test(.timeLimit(.minutes(3))) func aChangeWithNoFeedsLeavesLaterChangesPinged() async throws {
        let received = Received()
        try await Self.withReceivingHub(received) { hub in
            let publisher = try #require(hub.webSub)
            try await received.wait(for: Self.listingFeeds)
            await publisher.settled()
            let before = await received.feeds.count
            publisher.feedsChanged([])
            publisher.feedsChanged(["http://127.0.0.1:8080/zones/oise/feed.atom"])
            try await received.wait(for: ["http://127.0.0.1:8080/zones/oise/feed.atom"], after: before)
            await publisher.settled()
            #expect(await received.feeds.count == before + 1)
        }
    }

    @Test(.timeLimit(.minutes(3))) func approvingAMarketApplicationPingsTheMarketFeedBeingRead() async throws {
        let received = Received()
        try await Self.withReceivingHub(received) { hub in
            let admin = try await hub.accounts.add(
                email: "admin@example.org", displayName: nil, role: .zoneAdmin, zoneSlugs: ["dordogne"],
                password: "mot-de-passe-1", by: nil)
            let (owner, merchant) = try await Self.cave(in: hub)
            let offer = try await hub.posts.create(
                PostContent(kind: .offer, title: "Coffret", body: "", category: .alimentation),
                merchantSlug: merchant.slug, zoneSlug: "dordogne", by: owner)
            _ = try await hub.posts.submit(offer.id, by: owner)
            let day: TimeInterval = 86_400
            let now = Date()
            let market = try await hub.markets.create(
                MarketDraft(
                    title: "Marché de Noël", description: "", startsAt: now + 10 * day, endsAt: now + 20 * day,
                    applicationsOpenAt: now - day, applicationsCloseAt: now + 5 * day),
                zoneSlug: "dordogne", by: admin)
            let application = try await hub.markets.apply(
                market.slug, merchantSlug: merchant.slug, postIDs: [offer.id], by: owner)
            let feed = "/markets/\(market.slug)/feed.atom"
            let read = try await Application(router: buildRouter(hub: hub)).test(.router) {
                try await $0.send(.get, feed)
            }
            #expect(read.status == .ok)
            #expect(!(await received.feeds.contains("http://127.0.0.1:8080\(feed)")))
            _ = try await hub.markets.decide(market.slug, application: application.id, approve: true, by: admin)
            // The time limit fails the test if the market's feed, read above, is never pinged.
            try await received.wait(for: ["http://127.0.0.1:8080\(feed)"])
        }
    }

    @Test func aDeadHubFailsThePingButNotThePublication() async throws {
        let closed = try #require(try? Self.closedPort())
        #expect(throws: HTTPForm.Failure.self) {
            try HTTPForm.post([("hub.mode", "publish")], to: "http://127.0.0.1:\(closed)/hub", timeout: 2)
        }
        let settings = try Settings(
            database: ":memory:", environment: ["ZONEHUB_WEBSUB_HUB": "http://127.0.0.1:\(closed)/hub"])
        let hub = try Hub(database: try SQLiteDatabase.inMemory(), settings: settings)
        _ = try await hub.syncZones(from: TestApp.zonesDirectory)
        let (owner, merchant) = try await Self.cave(in: hub)
        let draft = try await hub.posts.create(
            PostContent(kind: .news, title: "Vendanges", body: "", category: .alimentation),
            merchantSlug: merchant.slug,
            zoneSlug: "dordogne", by: owner)
        #expect(try await hub.posts.submit(draft.id, by: owner).status == .published)
    }

    /// What `serve` relies on at exit: the wait for queued pings ends at its limit when the hub holds a ping
    /// unanswered, and ends as soon as the queue is empty otherwise.
    @Test(.timeLimit(.minutes(1))) func settledGivesUpAtItsLimitWhileAHubLeavesAPingUnanswered() async throws {
        // Connections to a socket that listens but never accepts wait for an answer, here until it is closed.
        let (silent, port) = Self.boundSocket()
        #expect(listen(silent, 8) == 0)
        let publisher = WebSubPublisher(
            hubURL: "http://127.0.0.1:\(port)/hub", logger: Logger(label: "test"), delay: .milliseconds(10),
            pingTimeout: 300)
        publisher.feedsChanged(["http://127.0.0.1:8080/feed.atom"])

        #expect(await publisher.settled(within: .milliseconds(300)) == false)
        close(silent)  // which resets the connection waiting in its queue
        #expect(await publisher.settled())
        #expect(publisher.counts.sent == 0 && publisher.counts.failed == 1)
        #expect(await publisher.settled(within: .zero))  // nothing queued: at once
    }

    /// Runs `body` with a hub whose WebSub hub is a live server in the test, telling `received` what it is pinged.
    static func withReceivingHub(_ received: Received, _ body: @Sendable @escaping (Hub) async throws -> Void)
        async throws
    {
        let router = Router()
        router.post("/hub") { request, context -> HTTPResponse.Status in
            var request = request
            await received.add(String(buffer: try await request.collectBody(upTo: 10_000)))
            return .noContent
        }
        try await Application(router: router).test(.live) { hubClient in
            let port = try #require(hubClient.port)
            let settings = try Settings(
                database: ":memory:", environment: ["ZONEHUB_WEBSUB_HUB": "http://127.0.0.1:\(port)/hub"])
            let hub = try Hub(database: try SQLiteDatabase.inMemory(), settings: settings)
            _ = try await hub.syncZones(from: TestApp.zonesDirectory)
            try await body(hub)
        }
    }

    /// A merchant of Dordogne and its owner.
    static func cave(in hub: Hub) async throws -> (User, Merchant) {
        let owner = try await hub.accounts.add(
            email: "cave@example.org", displayName: nil, role: .merchant, zoneSlugs: [], password: "mot-de-passe-1",
            by: nil)
        let merchant = try await hub.merchants.create(
            MerchantProfile(
                name: "Cave", categories: [.alimentation], commune: "Bergerac", postcode: "24100", zones: ["dordogne"]),
            owner: owner)
        return (owner, merchant)
    }

    /// A loopback port nothing listens on: bound, then released.
    static func closedPort() throws -> Int {
        let (descriptor, port) = boundSocket()
        close(descriptor)
        return port
    }

    /// A loopback socket bound to a free port, and that port.
    static func boundSocket() -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }
}

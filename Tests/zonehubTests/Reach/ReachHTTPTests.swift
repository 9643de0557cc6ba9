import Community
import Feeds
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Logging
import Storage
import Testing

@testable import zonehub

/// Reach through the router: page views, link clicks through `/go/`, feed fetches, the dashboard and the reports.
@Suite struct ReachHTTPTests {
    static let browser = ReachRulesTests.firefox
    static let crawler = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    static let website = "https://fromagerie-des-bastides.example/"

    /// A Dordogne merchant with a website and a shop link, one published post, and the merchant's session token.
    func app(clock: FixedClock = FixedClock()) async throws -> (TestApp, Merchant, Post.ID, token: String) {
        let app = try await TestApp(clock: clock)
        let (user, token) = try await app.account("fromagerie@example.org", role: .merchant)
        var profile = MerchantProfile(
            name: "Fromagerie des bastides", categories: [.alimentation], commune: "Bergerac", postcode: "24100",
            zones: ["dordogne"])
        profile.website = Self.website
        profile.links = ["https://boutique.example/fromagerie?ref=hub&x=1"]
        let merchant = try await app.hub.merchants.create(profile, owner: user)
        let draft = try await app.hub.posts.create(
            Samples.offer("Cabécou fermier"), merchantSlug: merchant.slug, zoneSlug: "dordogne", by: user)
        let post = try await app.hub.posts.submit(draft.id, by: user)
        #expect(post.status == .published)
        return (app, merchant, post.id, token)
    }

    func get(
        _ app: TestApp, _ uri: String, agent: String?, headers extra: HTTPFields = [:],
        method: HTTPRequest.Method = .get
    )
        async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        var fields = extra
        if let agent { fields[.userAgent] = agent }
        let headers = fields
        return try await app.test { client in
            try await client.execute(uri: uri, method: method, headers: headers) { response in
                (response.status, String(buffer: response.body), response.headers)
            }
        }
    }

    /// What the flusher does every few seconds.
    func flush(_ app: TestApp) async {
        await app.hub.reachFlusher(logger: Logger(label: "test")).flush()
    }

    @Test func threeViewsAndAClickShowOnTheDashboardTheNextDayAndRobotsCountNothing() async throws {
        let clock = FixedClock()  // 2026-03-14 10:00 UTC
        let (app, merchant, post, token) = try await app(clock: clock)
        for _ in 0..<3 { #expect(try await get(app, "/posts/\(post)", agent: Self.browser).status == .ok) }
        let page = try await get(app, "/merchants/\(merchant.slug)", agent: Self.browser)
        let link = ReachController.path(merchant, Self.website)
        #expect(page.body.contains("href=\"\(link)\""))
        let click = try await get(app, link, agent: Self.browser)
        #expect(click.status == .found)
        #expect(click.headers[.location] == Self.website)
        #expect(click.headers[.cacheControl] == "no-store")
        // A crawler, and a request without a user agent, are served but counted nowhere.
        for agent in [Self.crawler, nil] {
            #expect(try await get(app, "/posts/\(post)", agent: agent).status == .ok)
            #expect(try await get(app, "/merchants/\(merchant.slug)", agent: agent).status == .ok)
            #expect(try await get(app, link, agent: agent).status == .found)
        }
        // The merchant looking at their own post is not reach either.
        _ = try await get(app, "/posts/\(post)", agent: Self.browser, headers: [.cookie: "zonehub_session=\(token)"])
        await flush(app)
        clock.advance(by: 86_400)
        let dashboard = try await get(
            app, "/dashboard", agent: Self.browser, headers: [.cookie: "zonehub_session=\(token)"])
        #expect(dashboard.status == .ok)
        #expect(
            dashboard.body.contains(
                #"<tr data-day="2026-03-14"><th scope="row">14/03</th><td class="views">4</td><td class="clicks">1</td>"#
            ))
        #expect(
            dashboard.body.contains(
                #"<tr data-day="2026-03-15"><th scope="row">15/03</th><td class="views">0</td><td class="clicks">0</td>"#
            ))
        #expect(dashboard.body.contains(#"<span class="reach-post" data-views="3">3 vues"#))
        #expect(dashboard.body.contains(#"data-views="4" data-clicks="1""#))
        #expect(dashboard.body.contains("<svg class=\"reach-chart\""))
        #expect(
            try await app.database.read { db in try await db.value("SELECT sum(views) FROM postReach") as Int? } == 3)
    }

    @Test func goRedirectsOnlyToTheProfilesOwnLinks() async throws {
        let (app, merchant, _, _) = try await app()
        let shop = try #require(merchant.profile.links.first)
        let answer = try await get(app, ReachController.path(merchant, shop), agent: Self.browser)
        #expect(answer.status == .found && answer.headers[.location] == shop)
        for target in [
            "https://evil.example/", "//evil.example", "https://fromagerie-des-bastides.example", Self.website + "x",
            "javascript:alert(1)", "",
        ] {
            var allowed = CharacterSet.urlQueryAllowed
            allowed.remove(charactersIn: "&=+?#")
            let refused = try await get(
                app, "/go/\(merchant.slug)?to=\(target.addingPercentEncoding(withAllowedCharacters: allowed)!)",
                agent: Self.browser)
            #expect(refused.status == .notFound, "\(target)")
            #expect(refused.headers[.location] == nil)
        }
        #expect(try await get(app, "/go/\(merchant.slug)", agent: Self.browser).status == .notFound)
        #expect(try await get(app, "/go/nobody?to=\(Self.website)", agent: Self.browser).status == .notFound)
        try await app.database.write { db in try await db.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP") }
        #expect(try await get(app, ReachController.path(merchant, shop), agent: Self.browser).status == .notFound)
        await flush(app)
        #expect(
            try await app.database.read { db in try await db.value("SELECT sum(clicks) FROM listingReach") as Int? }
                == 1)
    }

    @Test func eachFeedFetchCountsForEveryPostItCarriedThe304sToo() async throws {
        let (app, _, post, _) = try await app()
        let first = try await get(app, "/zones/dordogne/feed.atom", agent: "NetNewsWire (RSS Reader)")
        #expect(first.status == .ok && first.body.contains("Cabécou fermier"))
        let etag = try #require(first.headers[.eTag])
        let again = try await get(
            app, "/zones/dordogne/feed.atom", agent: "NetNewsWire (RSS Reader)", headers: [.ifNoneMatch: etag])
        #expect(again.status == .notModified)
        _ = try await get(app, "/feed.json", agent: "Feedbin feed-id:1")
        _ = try await get(app, "/zones/dordogne/feed.rss", agent: "NetNewsWire", method: .head)
        _ = try await get(app, "/feed.rss", agent: "curl/8.5.0")
        await flush(app)
        #expect(
            try await app.database.read { db in
                try await db.value("SELECT feedFetches FROM postReach WHERE postId = ?", [post]) as Int?
            } == 3)
    }

    @Test func monthlyReportIsQueuedOncePerMerchantAndSaysWhatWasCounted() async throws {
        let clock = FixedClock()
        let (app, merchant, post, _) = try await app(clock: clock)
        var tally = ReachTally()
        tally.posts[.init(id: post, day: "2026-03-02")] = .init(views: 12, feedFetches: 40, digests: 3)
        tally.listings[.init(id: merchant.id, day: "2026-03-31")] = .init(views: 5, clicks: 2)
        tally.listings[.init(id: merchant.id, day: "2026-04-01")] = .init(views: 100, clicks: 100)
        try await app.hub.reach.store.add(tally)
        let reports = app.hub.reachReports
        #expect(try await reports.run(month: "2026-03") == 1)
        #expect(try await reports.run(month: "2026-03") == 0)
        #expect(try await reports.run(month: "2026-02") == 0)
        let messages = try await app.hub.outbox.messages(recipient: "fromagerie@example.org")
        #expect(messages.count == 1)
        guard case .notice(let subject, let text) = try #require(messages.first).payload else {
            Issue.record("not a notice")
            return
        }
        #expect(subject == "Votre visibilité ce mois-ci : Fromagerie des bastides, mars 2026")
        #expect(text.contains("vues des pages (votre fiche et vos publications) : 17"))
        #expect(text.contains("clics sur vos liens : 2"))
        #expect(text.contains("lectures des flux qui portaient vos publications : 40"))
        #expect(text.contains("résumés par courriel qui portaient vos publications : 3"))
        #expect(text.contains("http://127.0.0.1:8080/dashboard"))
        await #expect(throws: CLIError.self) { try await reports.run(month: "2026-13") }
    }

    @Test func aHiddenListingGetsNoReport() async throws {
        let (app, merchant, _, _) = try await app()
        var tally = ReachTally()
        tally.listings[.init(id: merchant.id, day: "2026-03-10")] = .init(views: 5, clicks: 2)
        try await app.hub.reach.store.add(tally)
        try await app.database.write { db in try await db.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP") }
        #expect(try await app.hub.reachReports.run(month: "2026-03") == 0)
        #expect(try await app.hub.outbox.messages(recipient: "fromagerie@example.org").isEmpty)
    }

    @Test func queuedDigestsCountForThePostsTheyCarry() async throws {
        let (app, merchant, post, _) = try await app()
        let now = app.hub.clock.now()
        let recipe = DigestRecipe(
            subscription: Subscription.ID(1), periodStart: now.addingTimeInterval(-86_400), periodEnd: now,
            posts: [post, post], omitted: [:])
        try await app.hub.reach.digestsQueued([recipe, recipe])
        let days = try await app.hub.reach.store.days(merchant: merchant.id, from: "2026-03-14", through: "2026-03-14")
        #expect(days.first?.digests == 4)
    }
}

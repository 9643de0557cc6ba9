import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub
import Storage

@Suite struct FeedHTTPTests {
    /// A Dordogne merchant with one published offer valid for a day, and a held post in Oise.
    func app(clock: FixedClock = FixedClock()) async throws -> (TestApp, published: Post.ID, held: Post.ID, admin: User)
    {
        let app = try await TestApp(clock: clock)
        let (token, slug) = try await app.merchant("cave@example.org")
        let until = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(86400))
        let offer =
            #"{"merchant": "\#(slug)", "zone": "dordogne", "kind": "offer", "title": "Monbazillac", "body": "", "category": "alimentation", "validUntil": "\#(until)", "submit": true}"#
        let published = try await app.test { try await $0.send(.post, "/api/v1/posts", token: token, json: offer) }
        let (oiseToken, oiseSlug) = try await app.merchant("livres@example.org", zone: "oise")
        let news =
            #"{"merchant": "\#(oiseSlug)", "zone": "oise", "kind": "news", "title": "Rentrée littéraire", "body": "", "category": "livres", "submit": true}"#
        let held = try await app.test { try await $0.send(.post, "/api/v1/posts", token: oiseToken, json: news) }
        let admin = try await app.account("admin@example.org", role: .zoneAdmin, zones: ["oise"]).user
        return (
            app, Post.ID(Int64(try #require(try decodeJSON(published.body)["id"] as? Int))),
            Post.ID(Int64(try #require(try decodeJSON(held.body)["id"] as? Int))), admin
        )
    }

    @Test func everyListingHasItsThreeFeeds() async throws {
        let (app, _, _, _) = try await app()
        let paths = [
            "/feed", "/zones/dordogne/feed", "/zones/dordogne/categories/alimentation/feed",
            "/merchants/boutique-cave/feed",
        ]
        for path in paths {
            for (ext, type) in [
                ("atom", "application/atom+xml"), ("rss", "application/rss+xml"), ("json", "application/feed+json"),
            ] {
                let answer = try await app.test { try await $0.send(.get, "\(path).\(ext)") }
                #expect(answer.status == .ok, "\(path).\(ext)")
                #expect(answer.headers[.contentType] == "\(type); charset=utf-8")
                #expect(answer.body.contains("Monbazillac"), "\(path).\(ext)")
                #expect(answer.headers[.vary] == "Accept-Encoding")
            }
        }
        let opml = try await app.test { try await $0.send(.get, "/feeds.opml") }
        #expect(opml.body.components(separatedBy: "<outline ").count - 1 == 8)
        let unknownZone = try await app.test { try await $0.send(.get, "/zones/atlantide/feed.atom") }
        #expect(unknownZone.status == .notFound)
        let unknownCategory = try await app.test { try await $0.send(.get, "/zones/oise/categories/armes/feed.rss") }
        #expect(unknownCategory.status == .badRequest)
    }

    @Test func conditionalRequestsHeadAndGzip() async throws {
        let (app, _, _, _) = try await app()
        let first = try await app.test { try await $0.send(.get, "/zones/dordogne/feed.atom") }
        let etag = try #require(first.headers[.eTag])
        let modified = try #require(first.headers[.lastModified])
        #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
        let byTag = try await app.test {
            try await $0.execute(uri: "/zones/dordogne/feed.atom", method: .get, headers: [.ifNoneMatch: etag]) { $0 }
        }
        #expect(byTag.status == .notModified && byTag.body.readableBytes == 0)
        let byDate = try await app.test {
            try await $0.execute(uri: "/zones/dordogne/feed.atom", method: .get, headers: [.ifModifiedSince: modified])
            { $0 }
        }
        #expect(byDate.status == .notModified)
        let otherTag = try await app.test {
            try await $0.execute(uri: "/zones/dordogne/feed.atom", method: .get, headers: [.ifNoneMatch: "\"autre\""]) {
                $0
            }
        }
        #expect(otherTag.status == .ok)
        let head = try await app.test {
            try await $0.execute(uri: "/zones/dordogne/feed.atom", method: .head) { $0 }
        }
        #expect(head.status == .ok && head.body.readableBytes == 0 && head.headers[.eTag] == etag)
        let gzipped = try await app.test {
            try await $0.execute(uri: "/zones/dordogne/feed.atom", method: .get, headers: [.acceptEncoding: "gzip, br"])
            { $0 }
        }
        #expect(gzipped.headers[.contentEncoding] == "gzip")
        #expect(Array(gzipped.body.readableBytesView.prefix(2)) == [0x1f, 0x8b])
        #expect(gzipped.body.readableBytes < first.body.utf8.count)
    }

    @Test func feedsAreNeverStaleAfterADecisionAnEditOrAnExpiry() async throws {
        let clock = FixedClock()
        let (app, published, held, admin) = try await app(clock: clock)
        func oise() async throws -> String {
            try await app.test { try await $0.send(.get, "/zones/oise/feed.rss") }.body
        }
        func dordogne() async throws -> String {
            try await app.test { try await $0.send(.get, "/zones/dordogne/feed.json") }.body
        }
        #expect(try await !oise().contains("Rentrée littéraire"))
        try await app.hub.moderation.decide(held, action: .approve, by: admin)
        #expect(try await oise().contains("Rentrée littéraire"))
        try await app.hub.moderation.decide(held, action: .remove, reason: .duplicate, by: admin)
        #expect(try await !oise().contains("Rentrée littéraire"))

        #expect(try await dordogne().contains("Monbazillac"))
        let owner = try #require(try await app.hub.accounts.user(email: "cave@example.org"))
        var content = try await app.hub.posts.post(published, viewer: owner).content
        content.title = "Monbazillac millésime 2020"
        _ = try await app.hub.posts.edit(published, content: content, by: owner)
        #expect(try await dordogne().contains("Monbazillac millésime 2020"))
        clock.advance(by: 86400)
        #expect(try await !dordogne().contains("Monbazillac"))
    }

    @Test func feedsAdvertiseTheConfiguredWebSubHub() async throws {
        let settings = try Settings(
            database: ":memory:", environment: ["ZONEHUB_WEBSUB_HUB": "https://hub.example.org/"])
        let hub = try Hub(database: try SQLiteDatabase.inMemory(), settings: settings)
        _ = try await hub.syncZones(from: TestApp.zonesDirectory)
        let answer = try await Application(router: buildRouter(hub: hub)).test(.router) {
            try await $0.send(.get, "/zones/oise/feed.atom")
        }
        #expect(answer.headers[HTTPField.Name("Link")!]?.contains("<https://hub.example.org/>; rel=\"hub\"") == true)
        #expect(answer.body.contains("<link rel=\"hub\" href=\"https://hub.example.org/\"/>"))
    }
}

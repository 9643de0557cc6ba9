import Community
import Foundation
import HubTestSupport
import Hummingbird
import Testing

@testable import zonehub

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Seasonal markets through the API, the page and the feeds, on a fixed clock (14 March 2026, 10:00 UTC).
@Suite struct MarketTests {
    let clock = FixedClock()
    let app: TestApp
    let admin: String
    let merchant: String
    let offerID: Int64
    let day: TimeInterval = 86_400

    init() async throws {
        app = try await TestApp(clock: clock)
        admin = try await app.account("admin@example.org", role: .zoneAdmin, zones: ["dordogne"]).token
        let (token, slug) = try await app.merchant("noel@example.org")
        merchant = token
        let created = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts", token: token,
                json: """
                    {"merchant": "\(slug)", "zone": "dordogne", "kind": "offer", "title": "Coffret de Noël",
                     "body": "Foie gras et confiture.", "category": "alimentation", "priceCents": 2900, "submit": true}
                    """)
        }
        offerID = try #require(try decodeJSON(created.body)["id"] as? Int64)
    }

    func date(_ days: Double) -> String {
        StructuredData.machineDate(clock.now().addingTimeInterval(days * day))
    }

    var draft: String {
        """
        {"title": "Marché de Noël 2026", "description": "Les commerçants de la zone.", "startsAt": "\(date(10))",
         "endsAt": "\(date(20))", "applicationsOpenAt": "\(date(-1))", "applicationsCloseAt": "\(date(7))"}
        """
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil) async throws
        -> (status: Int, json: [String: Any])
    {
        let answer = try await app.test { try await $0.send(method, uri, token: token, json: json) }
        return (Int(answer.status.code), try decodeJSON(answer.body))
    }

    @Test func aMarketIsCreatedAppliedToApprovedShownAndEndsByItself() async throws {
        let created = try await send(.post, "/api/v1/zones/dordogne/markets", token: admin, json: draft)
        #expect(created.status == 201)
        let slug = try #require(created.json["slug"] as? String)
        #expect(slug == "dordogne-marche-de-noel-2026")
        let applied = try await send(
            .post, "/api/v1/markets/\(slug)/applications", token: merchant,
            json: #"{"merchant": "boutique-noel", "posts": [\#(offerID)]}"#)
        #expect(applied.status == 201)
        let id = try #require(applied.json["id"] as? Int64)
        #expect(try await send(.get, "/api/v1/markets/\(slug)", token: nil).json["applications"] as? [Any] != nil)
        let decided = try await send(
            .post, "/api/v1/markets/\(slug)/applications/\(id)/decision", token: admin,
            json: #"{"decision": "approve"}"#)
        #expect(decided.status == 200 && decided.json["status"] as? String == "approved")
        let again = try await send(
            .post, "/api/v1/markets/\(slug)/applications/\(id)/decision", token: admin,
            json: #"{"decision": "reject", "reason": "Trop tard."}"#)
        #expect(again.status == 409 && again.json["error"] as? String == "application_decided")

        clock.advance(by: 11 * day)
        let page = try await app.test { try await $0.send(.get, "/markets/\(slug)") }
        #expect(page.body.contains("Coffret de Noël") && page.body.contains("href=\"/merchants/boutique-noel\""))
        #expect(page.body.contains("Marché ouvert jusqu&#39;au 3 avril 2026"))
        let feed = try await app.test { try await $0.send(.get, "/markets/\(slug)/feed.atom") }
        #expect(try FeedEntries.titles(feed.body) == ["Coffret de Noël"])

        clock.advance(by: 10 * day)
        let ended = try await app.test { try await $0.send(.get, "/markets/\(slug)") }
        #expect(ended.body.contains("Ce marché est terminé."))
        let emptied = try await app.test { try await $0.send(.get, "/markets/\(slug)/feed.rss") }
        #expect(try FeedEntries.titles(emptied.body).isEmpty)
    }

    @Test func onlyTheZonesAdminsCreateAndDecide() async throws {
        #expect(try await send(.post, "/api/v1/zones/dordogne/markets", token: merchant, json: draft).status == 403)
        let other = try await app.account("oise@example.org", role: .zoneAdmin, zones: ["oise"]).token
        #expect(try await send(.post, "/api/v1/zones/dordogne/markets", token: other, json: draft).status == 403)
        #expect(try await send(.post, "/api/v1/zones/dordogne/markets", token: nil, json: draft).status == 401)
        let slug = try #require(
            try await send(.post, "/api/v1/zones/dordogne/markets", token: admin, json: draft).json["slug"] as? String)
        let id = try #require(
            try await send(
                .post, "/api/v1/markets/\(slug)/applications", token: merchant,
                json: #"{"merchant": "boutique-noel", "posts": [\#(offerID)]}"#
            ).json["id"] as? Int64)
        let refused = try await send(
            .post, "/api/v1/markets/\(slug)/applications/\(id)/decision", token: other,
            json: #"{"decision": "approve"}"#)
        #expect(refused.status == 403)
        let visible = try await send(.get, "/api/v1/markets/\(slug)", token: nil)
        #expect((visible.json["applications"] as? [Any])?.isEmpty == true)
    }

    @Test(arguments: [
        (#""endsAt": "2026-03-20T00:00:00Z""#, "invalid_endsAt"),
        (#""applicationsCloseAt": "2026-03-10T00:00:00Z""#, "invalid_applicationsCloseAt"),
        (#""title": """#, "invalid_title"),
    ])
    func aBadMarketIsRefused(change: String, code: String) async throws {
        let field = String(change.prefix { $0 != ":" })
        let edited = draft.replacingOccurrences(
            of: #"\#(field): "[^"]*""#, with: change, options: .regularExpression)
        let answer = try await send(.post, "/api/v1/zones/dordogne/markets", token: admin, json: edited)
        #expect(answer.status == 400 && answer.json["error"] as? String == code)
        #expect(try await app.hub.markets.current(zone: try await app.hub.zones.zone(slug: "dordogne")).isEmpty)
    }

    @Test func applicationsNeedTheWindowTheMerchantsOwnOffersAndComeOnce() async throws {
        let slug = try #require(
            try await send(.post, "/api/v1/zones/dordogne/markets", token: admin, json: draft).json["slug"] as? String)
        let (stranger, strangerSlug) = try await app.merchant("autre@example.org")
        let notHis = try await send(
            .post, "/api/v1/markets/\(slug)/applications", token: stranger,
            json: #"{"merchant": "\#(strangerSlug)", "posts": [\#(offerID)]}"#)
        #expect(notHis.status == 400 && notHis.json["error"] as? String == "invalid_posts")
        let body = #"{"merchant": "boutique-noel", "posts": [\#(offerID)]}"#
        #expect(
            try await send(.post, "/api/v1/markets/\(slug)/applications", token: merchant, json: body).status == 201)
        let twice = try await send(.post, "/api/v1/markets/\(slug)/applications", token: merchant, json: body)
        #expect(twice.status == 409 && twice.json["error"] as? String == "already_applied")
        clock.advance(by: 8 * day)
        let late = try await send(
            .post, "/api/v1/markets/\(slug)/applications", token: stranger,
            json: #"{"merchant": "\#(strangerSlug)", "posts": [\#(offerID)]}"#)
        #expect(late.status == 409 && late.json["error"] as? String == "applications_closed")
        #expect(try await send(.get, "/api/v1/markets/nope", token: nil).status == 404)
    }
}

/// Entry titles of an Atom or RSS feed, read by Foundation's XML parser.
final class FeedEntries: NSObject, XMLParserDelegate {
    private var titles: [String] = []
    private var inEntry = false
    private var text = ""

    static func titles(_ xml: String) throws -> [String] {
        let reader = FeedEntries()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader.titles
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if element == "entry" || element == "item" { inEntry = true }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "title" && inEntry { titles.append(text) }
        if element == "entry" || element == "item" { inEntry = false }
    }
}

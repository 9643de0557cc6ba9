import Community
import Foundation
import HubTestSupport
import Testing

@testable import Feeds

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct FeedRendererTests {
    static let base = "https://zones.example.org"
    static let feed = FeedDescriptor(
        title: "Dordogne", subtitle: "Le Périgord & ses commerces", pageURL: "\(base)/zones/dordogne",
        feedBaseURL: "\(base)/zones/dordogne/feed")
    static let published = Date(timeIntervalSince1970: 1_773_482_400)  // 2026-03-14T10:00:00Z

    static func post(_ id: Int64, title: String, body: String = "Texte.", image: String? = nil) -> Post {
        Post(
            id: Post.ID(id), zoneID: Zone.ID(1), zoneSlug: "dordogne", merchantID: Merchant.ID(1),
            merchantSlug: "cave-de-bergerac", merchantName: "Cave de Bergerac",
            content: PostContent(
                kind: .offer, title: title, body: body, category: .alimentation, priceCents: 1490, imageURL: image,
                validUntil: published.addingTimeInterval(7 * 86400)),
            status: .published, heldReasons: [], createdAt: published, updatedAt: published.addingTimeInterval(60),
            publishedAt: published)
    }

    static let posts = [
        post(
            2, title: "Monbazillac 2020", body: "Six achetées, la septième offerte.\nVoir https://cave.example.org",
            image: "https://cave.example.org/monbazillac.png"),
        post(1, title: "Dégustation <gratuite> & \"conviviale\""),
    ]

    /// Re-record with `ZONEHUB_RECORD_GOLDEN=1 swift test --filter FeedRendererTests`.
    @Test(arguments: FeedFormat.allCases)
    func eachFormatMatchesItsGoldenFile(format: FeedFormat) throws {
        let text = FeedRenderer.render(
            Self.feed, posts: Self.posts, format: format, baseURL: Self.base,
            webSubHub: "https://hub.example.org/")
        #expect(text == (try Golden.recorded(text, as: "zone.\(format.rawValue)")))
    }

    @Test func theAtomFeedParsesBackWithItsEntriesIdsAndDates() throws {
        let text = FeedRenderer.render(Self.feed, posts: Self.posts, format: .atom, baseURL: Self.base)
        let parsed = try XMLElements(text)
        #expect(parsed.values("feed/entry/id") == ["\(Self.base)/posts/2", "\(Self.base)/posts/1"])
        #expect(parsed.values("feed/entry/title") == ["Monbazillac 2020", "Dégustation <gratuite> & \"conviviale\""])
        #expect(parsed.values("feed/entry/published") == ["2026-03-14T10:00:00Z", "2026-03-14T10:00:00Z"])
        #expect(parsed.values("feed/updated") == ["2026-03-14T10:01:00Z"])
        let content = try #require(parsed.values("feed/entry/content").first)
        #expect(content.contains("Prix : 14,90 €") && content.contains("Jusqu&#39;au 21 mars 2026"))
        #expect(content.contains("<a href=\"https://cave.example.org\" rel=\"nofollow noopener ugc\">"))
    }

    @Test func theRSSFeedParsesBackWithRFC822DatesAndPermanentGuids() throws {
        let text = FeedRenderer.render(Self.feed, posts: Self.posts, format: .rss, baseURL: Self.base)
        let parsed = try XMLElements(text)
        #expect(parsed.values("rss/channel/item/guid") == ["\(Self.base)/posts/2", "\(Self.base)/posts/1"])
        #expect(
            parsed.values("rss/channel/item/pubDate") == [
                "Sat, 14 Mar 2026 10:00:00 +0000", "Sat, 14 Mar 2026 10:00:00 +0000",
            ])
        #expect(parsed.values("rss/channel/language") == ["fr"])
    }

    @Test func theJSONFeedParsesBack() throws {
        let text = FeedRenderer.render(Self.feed, posts: Self.posts, format: .json, baseURL: Self.base)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? String } == ["\(Self.base)/posts/2", "\(Self.base)/posts/1"])
        #expect(items.first?["image"] as? String == "https://cave.example.org/monbazillac.png")
        #expect(items.first?["date_published"] as? String == "2026-03-14T10:00:00Z")
    }

    @Test func hostileContentStillMakesWellFormedFeeds() throws {
        let hostile = [
            "<script>alert('x')</script>", "]]> <![CDATA[ boom ]]>", "Émoji 🧀🍷 et \u{200B}espaces",
            "Bip\u{7}\u{1B}[31m contrôle\u{0}", String(repeating: "Très long titre ", count: 640),
            "&amp; &#x26; &lt;déjà échappé&gt;", "\u{FFFE}\u{FFFF}non-caractères",
        ]
        let posts = hostile.enumerated().map { Self.post(Int64($0.offset + 1), title: $0.element, body: $0.element) }
        for format in [FeedFormat.atom, .rss] {
            let text = FeedRenderer.render(Self.feed, posts: posts, format: format, baseURL: Self.base)
            let parsed = try XMLElements(text)
            let titles = parsed.values(format == .atom ? "feed/entry/title" : "rss/channel/item/title")
            #expect(titles.count == hostile.count)
            #expect(titles[0] == "<script>alert('x')</script>")
            #expect(titles[1] == "]]> <![CDATA[ boom ]]>")
            #expect(titles[3] == "Bip[31m contrôle")
            #expect(titles[4].count == 16 * 640)
        }
        let json = FeedRenderer.render(Self.feed, posts: posts, format: .json, baseURL: Self.base)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }

    @Test func datesIgnoreTheProcessLocale() {
        #expect(FeedDates.rfc822(Self.published) == "Sat, 14 Mar 2026 10:00:00 +0000")
        #expect(FeedDates.rfc3339(Self.published) == "2026-03-14T10:00:00Z")
        #expect(FeedDates.french(Self.published, withTime: true) == "14 mars 2026 à 11:00")
    }
}

/// A real XML parser's reading of a document: the text of every element, by path.
struct XMLElements {
    private(set) var texts: [(path: String, text: String)] = []

    init(_ text: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(description: parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        texts = delegate.texts
    }

    func values(_ path: String) -> [String] { texts.filter { $0.path == path }.map(\.text) }

    struct ParseFailure: Error, CustomStringConvertible { let description: String }

    final class Collector: NSObject, XMLParserDelegate {
        var stack: [String] = []
        var buffer = ""
        var texts: [(path: String, text: String)] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            stack.append(name)
            buffer = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { buffer += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts.append((stack.joined(separator: "/"), buffer))
            stack.removeLast()
            buffer = ""
        }
    }
}

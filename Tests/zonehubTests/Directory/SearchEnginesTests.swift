import Community
import Foundation
import HubTestSupport
import Testing

@testable import zonehub

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// JSON-LD, canonical and Open Graph tags parsed back from the pages; the sitemap read by an XML parser and walked.
@Suite struct SearchEnginesTests {
    let app: TestApp
    let base = "http://127.0.0.1:8080"

    init() async throws {
        app = try await TestApp(clock: FixedClock())
        let (user, _) = try await app.account("seo@example.org", role: .merchant)
        _ = try await app.hub.merchants.create(
            MerchantProfile(
                name: "Cave de Bergerac", description: "Vins </script><script>alert(1)</script> du Bergeracois.",
                categories: [.alimentation], commune: "Bergerac", postcode: "24100", address: "2 place Gambetta",
                phone: "05 53 00 00 00", website: "https://cave.example.org",
                links: ["https://shop.example.org/cave"], openingHours: "Tu-Sa 09:00-12:00,14:00-19:00; Fr 18:00-01:00",
                zones: ["dordogne"]),
            owner: user)
        let offer = try await app.hub.posts.create(
            PostContent(
                kind: .offer, title: "Coffret découverte", body: "Trois bouteilles.", category: .alimentation,
                priceCents: 3450, validUntil: Date(timeIntervalSince1970: 1_774_000_000)),
            merchantSlug: "cave-de-bergerac", zoneSlug: "dordogne", by: user)
        _ = try await app.hub.posts.submit(offer.id, by: user)
        let event = try await app.hub.posts.create(
            PostContent(
                kind: .event, title: "Dégustation", body: "Samedi soir.", category: .alimentation,
                eventAt: Date(timeIntervalSince1970: 1_773_600_000)),
            merchantSlug: "cave-de-bergerac", zoneSlug: "dordogne", by: user)
        _ = try await app.hub.posts.submit(event.id, by: user)
        _ = try await app.hub.posts.create(
            PostContent(kind: .news, title: "Brouillon", body: "Pas encore.", category: .alimentation),
            merchantSlug: "cave-de-bergerac", zoneSlug: "dordogne", by: user)
    }

    func get(_ path: String) async throws -> (status: Int, body: String) {
        let answer = try await app.test { try await $0.send(.get, path) }
        return (Int(answer.status.code), answer.body)
    }

    /// Every JSON-LD object of a page, parsed.
    func structuredData(_ html: String) throws -> [[String: Any]] {
        try html.matches(of: #/<script type="application/ld\+json">(.*?)</script>/#).map {
            try #require(try JSONSerialization.jsonObject(with: Data(String($0.1).utf8)) as? [String: Any])
        }
    }

    @Test func aMerchantPageDescribesALocalBusiness() async throws {
        let page = try await get("/merchants/cave-de-bergerac")
        let objects = try structuredData(page.body)
        // The business, then the breadcrumbs back to its zone.
        #expect(objects.map { $0["@type"] as? String } == ["LocalBusiness", "BreadcrumbList"])
        let business = try #require(objects.first)
        #expect(business["@context"] as? String == "https://schema.org")
        #expect(business["@type"] as? String == "LocalBusiness")
        #expect(business["name"] as? String == "Cave de Bergerac")
        #expect(business["url"] as? String == "\(base)/merchants/cave-de-bergerac")
        #expect((business["description"] as? String)?.contains("</script><script>alert(1)</script>") == true)
        let address = try #require(business["address"] as? [String: Any])
        #expect(address["@type"] as? String == "PostalAddress")
        #expect(address["streetAddress"] as? String == "2 place Gambetta")
        #expect(address["postalCode"] as? String == "24100" && address["addressLocality"] as? String == "Bergerac")
        #expect(address["addressCountry"] as? String == "FR")
        #expect(business["sameAs"] as? [String] == ["https://cave.example.org", "https://shop.example.org/cave"])
        #expect(business["telephone"] as? String == "05 53 00 00 00")
        let hours = try #require(business["openingHoursSpecification"] as? [[String: Any]])
        let spans = hours.map { "\(($0["dayOfWeek"] as? String ?? "").dropFirst(19)) \($0["opens"]!)-\($0["closes"]!)" }
        #expect(spans.first == "Tuesday 09:00-12:00")
        // Friday's own rule replaces the Tuesday-Saturday one: four days of two spans, and Friday evening.
        #expect(spans.contains("Friday 18:00-01:00") && spans.count == 9)
        #expect(page.body.contains("<link rel=\"canonical\" href=\"\(base)/merchants/cave-de-bergerac\">"))
        #expect(page.body.contains("<meta property=\"og:title\" content=\"Cave de Bergerac\">"))
        #expect(page.body.contains("<meta property=\"og:type\" content=\"business.business\">"))
    }

    @Test func offersAndEventsDescribeThemselves() async throws {
        let offer = try #require(try structuredData(try await get("/posts/1").body).first)
        #expect(offer["@type"] as? String == "Offer")
        #expect(offer["price"] as? String == "34.50" && offer["priceCurrency"] as? String == "EUR")
        #expect(offer["validThrough"] as? String == "2026-03-20T09:46:40Z")
        #expect((offer["seller"] as? [String: Any])?["name"] as? String == "Cave de Bergerac")
        let event = try #require(try structuredData(try await get("/posts/2").body).first)
        #expect(event["@type"] as? String == "Event")
        #expect(event["startDate"] as? String == "2026-03-15T18:40:00Z")
        let location = try #require(event["location"] as? [String: Any])
        #expect((location["address"] as? [String: Any])?["addressLocality"] as? String == "Bergerac")
        #expect(event["url"] as? String == "\(base)/posts/2")
    }

    @Test func everyAddressOfTheSitemapAnswers200() async throws {
        let index = try await get("/sitemap.xml")
        #expect(index.status == 200)
        let parts = try SitemapReader.read(index.body)
        #expect(parts.root == "sitemapindex")
        var pages: [(loc: String, lastmod: String?)] = []
        for part in parts.entries {
            #expect(part.loc.hasPrefix(base))
            let sitemap = try await get(String(part.loc.dropFirst(base.count)))
            #expect(sitemap.status == 200)
            let read = try SitemapReader.read(sitemap.body)
            #expect(read.root == "urlset")
            pages += read.entries
        }
        let paths = pages.map { String($0.loc.dropFirst(base.count)) }
        #expect(paths.contains("/merchants/cave-de-bergerac") && paths.contains("/zones/dordogne/directory"))
        #expect(paths.contains("/posts/1") && paths.contains("/posts/2") && !paths.contains("/posts/3"))
        for page in pages {
            #expect(try await get(String(page.loc.dropFirst(base.count))).status == 200, "\(page.loc)")
            if let lastmod = page.lastmod { #expect(ISO8601DateFormatter().date(from: lastmod) != nil) }
        }
        #expect(try await get("/sitemaps/other.xml").status == 404)
        #expect(try await get("/sitemaps/posts-99999999.xml").status == 404)
    }

    @Test func robotsPointsToTheSitemapAndKeepsPrivatePagesOut() async throws {
        let robots = try await get("/robots.txt")
        #expect(robots.body.contains("Sitemap: \(base)/sitemap.xml\n"))
        #expect(robots.body.contains("Disallow: /dashboard\n") && robots.body.contains("Disallow: /api/\n"))
    }
}

/// Reads `<loc>` and `<lastmod>` of a sitemap or sitemap index with Foundation's XML parser.
final class SitemapReader: NSObject, XMLParserDelegate {
    var root = ""
    var entries: [(loc: String, lastmod: String?)] = []
    private var text = ""
    private var loc = ""
    private var lastmod: String?

    static func read(_ xml: String) throws -> SitemapReader {
        let reader = SitemapReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root.isEmpty { root = element }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        switch element {
        case "loc": loc = text
        case "lastmod": lastmod = text
        case "url", "sitemap":
            entries.append((loc, lastmod))
            lastmod = nil
        default: break
        }
    }
}

import Community
import Foundation
import HubTestSupport
import Testing

@testable import Feeds

@Suite struct DigestRendererTests {
    static let base = "https://zones.example.org"
    static let start = Date(timeIntervalSince1970: 1_773_387_000)  // 2026-03-13T07:30:00Z

    static func zone(_ id: Int64, _ slug: String, _ name: String) -> Zone {
        Zone(
            id: Zone.ID(id), slug: slug,
            definition: ZoneDefinition(
                name: name, description: "", departements: ["91"], communes: [], moderation: .init(policy: .publish)),
            retiredAt: nil)
    }

    static func post(_ id: Int64, zone: Int64, category: Community.Category, merchant: String, title: String) -> Post {
        let date = start.addingTimeInterval(Double(id) * 3600)
        return Post(
            id: Post.ID(id), zoneID: Zone.ID(zone), zoneSlug: "z\(zone)",
            merchantID: Merchant.ID(Int64(merchant.count)),
            merchantSlug: merchant.lowercased().replacingOccurrences(of: " ", with: "-"), merchantName: merchant,
            content: PostContent(
                kind: .offer, title: title, body: "Ligne un.\nLigne <deux> & \"trois\".", category: category,
                priceCents: 1250, validUntil: date.addingTimeInterval(7 * 86400)),
            status: .published, heldReasons: [], createdAt: date, updatedAt: date, publishedAt: date)
    }

    static let content = DigestContent(
        frequency: .daily, periodStart: start,
        zones: [zone(1, "centre-essonne", "Centre-Essonne"), zone(2, "oise", "Oise")],
        posts: [
            post(3, zone: 2, category: .livres, merchant: "Librairie du Beauvaisis", title: "Rencontre d'auteur"),
            post(2, zone: 1, category: .restauration, merchant: "Le Bistrot", title: "Menu <du> jour"),
            post(1, zone: 1, category: .alimentation, merchant: "Ferme Vallée", title: "Panier de légumes"),
        ],
        omitted: ["ferme-vallée": 4], baseURL: base, manageURL: "\(base)/subscriptions/manage?token=m.1.0.sig")

    /// Re-record with `ZONEHUB_RECORD_GOLDEN=1 swift test --filter DigestRendererTests`.
    @Test(arguments: ["txt", "html"])
    func eachPartMatchesItsGoldenFile(part: String) throws {
        let text = part == "txt" ? DigestRenderer.text(Self.content) : DigestRenderer.html(Self.content)
        #expect(text == (try Golden.recorded(text, as: "digest.\(part)")))
    }

    @Test func postsAreGroupedByZoneThenCategoryWithTheirLinks() {
        let text = DigestRenderer.text(Self.content)
        let order = ["== Centre-Essonne ==", "-- Alimentation --", "-- Restauration --", "== Oise ==", "-- Livres --"]
        let positions = order.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        for id in 1...3 { #expect(text.contains("\(Self.base)/posts/\(id)")) }
        #expect(text.contains("Ferme Vallée a publié 4 autres annonces : \(Self.base)/merchants/ferme-vallée"))
        #expect(text.contains("12,50 €"))
        #expect(DigestRenderer.subject(Self.content) == "Centre-Essonne, Oise : 7 nouveautés du jour")
    }

    @Test func theHTMLEscapesMerchantTextAndNeedsNoRemoteResources() {
        let html = DigestRenderer.html(Self.content)
        #expect(html.contains("Menu &lt;du&gt; jour"))
        #expect(!html.contains("<du>"))
        #expect(!html.contains("<img") && !html.contains("<link") && !html.contains("<script"))
        #expect(html.contains("href=\"\(Self.base)/subscriptions/manage?token=m.1.0.sig\""))
    }
}

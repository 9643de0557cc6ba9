import Community
import Directory
import Foundation
import HubTestSupport
import Testing

/// A hidden listing (its owner deleted their account) is in no public list: not the zone's, not the directory's
/// counts, not the search, not the sitemap; and its page is not found. On either engine.
@Suite struct HiddenListingTests {
    let hub: TestHub
    let owner: User

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("marchand@example.org", role: .merchant)
    }

    @Test func aHiddenListingLeavesEveryPublicList() async throws {
        let shown = try await hub.merchant("Épicerie du Marché", owner: owner, description: "Produits frais.")
        let hidden = try await hub.merchant("Épicerie Lemoine", owner: owner, description: "Produits frais.")
        let sitemap = SitemapService(store: SQLSitemapStore(database: hub.hubDatabase.sql), clock: hub.clock)
        func visible() async throws -> [[String]] {
            let search = try await hub.search.run(SearchQuery(text: "epicerie")).results.map { result -> String in
                if case .merchant(let merchant) = result { return merchant.slug }
                return "post"
            }
            let listed = try await hub.merchants.list(zone: nil, category: nil).map(\.slug)
            let counts = try await hub.directoryStore.counts(zoneID: nil)
            var mapped: [String] = []
            for chunk in try await sitemap.chunks() where chunk.kind == .merchants {
                mapped += try await sitemap.entries(.merchants, number: chunk.number).map(\.key)
            }
            return [search.sorted(), listed.sorted(), ["\(counts.total)"], mapped.sorted()]
        }
        let both = [shown.slug, hidden.slug].sorted()
        #expect(try await visible() == [both, both, ["2"], both])

        try await hub.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP WHERE id = \(hidden.id)")
        #expect(try await visible() == [[shown.slug], [shown.slug], ["1"], [shown.slug]])
        await #expect(throws: CommunityError.self) { try await hub.merchants.merchant(slug: hidden.slug) }
        // The slug stays taken: a new shop of the same name gets another address.
        let again = try await hub.merchant("Épicerie Lemoine", owner: owner, description: "")
        #expect(again.slug != hidden.slug)
    }
}

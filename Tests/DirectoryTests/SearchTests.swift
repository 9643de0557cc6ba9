import Community
import Directory
import Foundation
import HubTestSupport
import Testing

/// Search on real SQLite FTS5: accents, prefixes, filters and ordering.
@Suite struct SearchTests {
    let hub: TestHub
    let owner: User

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("marchand@example.org", role: .merchant)
    }

    func names(_ query: SearchQuery) async throws -> [String] {
        try await hub.search.run(query).results.map { result in
            switch result {
            case .merchant(let merchant): merchant.name
            case .post(let post): post.content.title
            case .product(let product, _): product.name
            }
        }
    }

    func publish(_ content: PostContent, by merchant: Merchant, zone: String = "alpha") async throws -> Post {
        let draft = try await hub.posts().create(content, merchantSlug: merchant.slug, zoneSlug: zone, by: owner)
        return try await hub.posts().submit(draft.id, by: owner)
    }

    @Test func accentsAndCaseAreIgnoredBothWays() async throws {
        _ = try await hub.merchant("Épicerie du Marché", owner: owner, description: "Produits frais.")
        _ = try await hub.merchant("cafe des sports", owner: owner, description: "Bar tabac.")
        #expect(try await names(SearchQuery(text: "epicerie")) == ["Épicerie du Marché"])
        #expect(try await names(SearchQuery(text: "EPICERIE MARCHE")) == ["Épicerie du Marché"])
        #expect(try await names(SearchQuery(text: "Café")) == ["cafe des sports"])
    }

    @Test func ligaturesMatchTheirTwoLetters() async throws {
        _ = try await hub.merchant("Ferme Martin", owner: owner, description: "Œufs de plein air, bœuf.")
        #expect(try await names(SearchQuery(text: "oeufs")) == ["Ferme Martin"])
        #expect(try await names(SearchQuery(text: "bœuf")) == ["Ferme Martin"])
    }

    @Test func everyWordMatchesAsAPrefix() async throws {
        _ = try await hub.merchant("Boulangerie Lemoine", owner: owner, description: "Croissants au beurre.")
        #expect(try await names(SearchQuery(text: "boul")) == ["Boulangerie Lemoine"])
        #expect(try await names(SearchQuery(text: "croissant beur")) == ["Boulangerie Lemoine"])
        #expect(try await names(SearchQuery(text: "croissant fromage")).isEmpty)
    }

    @Test func aWordInTheNameOutranksANewerEntryThatOnlyMentionsIt() async throws {
        let older = try await hub.merchant("Fromagerie Dubois", owner: owner, description: "Affinage.")
        hub.clock.advance(by: 60)
        let newer = try await hub.merchant("Cave Laurent", owner: owner, description: "Vins et fromagerie fine.")
        #expect(try await names(SearchQuery(text: "fromagerie")) == [older.name, newer.name])
    }

    @Test func equallyRelevantEntriesComeNewestFirst() async throws {
        let shop = try await hub.merchant("Primeur", owner: owner, description: "Légumes.")
        _ = try await publish(Samples.offer("Panier de légumes d'hiver"), by: shop)
        hub.clock.advance(by: 60)
        _ = try await publish(Samples.offer("Panier de légumes de printemps"), by: shop)
        #expect(
            try await names(SearchQuery(text: "panier", kind: .offer))
                == ["Panier de légumes de printemps", "Panier de légumes d'hiver"])
    }

    @Test func filtersNarrowByZoneCommuneCategoryAndKind() async throws {
        let corbeil = try await hub.merchant(
            "Librairie du Pont", owner: owner, description: "Livres anciens.",
            categories: [.livres])
        let evry = try await hub.merchant(
            "Librairie des Arènes", owner: owner, description: "Livres neufs.",
            categories: [.livres, .jouets], commune: ("Evry Courcouronnes", "91000"))
        let beauvais = try await hub.merchant(
            "Librairie Picarde", owner: owner, description: "Livres.",
            categories: [.livres], commune: ("Beauvais", "60000"), zone: "beta")
        _ = try await publish(
            PostContent(
                kind: .event, title: "Lecture à la librairie", body: "Samedi.", category: .livres,
                eventAt: hub.clock.now().addingTimeInterval(86_400)), by: corbeil)
        let all = try await names(SearchQuery(text: "librairie"))
        #expect(Set(all) == [corbeil.name, evry.name, beauvais.name, "Lecture à la librairie"])
        #expect(Set(try await names(SearchQuery(text: "librairie", zone: "beta"))) == [beauvais.name])
        #expect(
            try await names(SearchQuery(text: "librairie", commune: "ÉVRY-COURCOURONNES")) == [evry.name])
        #expect(try await names(SearchQuery(text: "librairie", category: .jouets)) == [evry.name])
        #expect(try await names(SearchQuery(text: "librairie", kind: .event)) == ["Lecture à la librairie"])
        #expect(
            Set(try await names(SearchQuery(text: "librairie", zone: "alpha", kind: .merchant)))
                == [corbeil.name, evry.name])
    }

    @Test func aQueryWithoutAWordOrWithAnUnknownZoneIsRefused() async throws {
        await #expect(throws: SearchService.noWords) {
            try await hub.search.run(SearchQuery(text: " ' - * \" "))
        }
        await #expect(throws: SearchService.noWords) {
            try await hub.search.run(SearchQuery(text: String(repeating: "pain ", count: 41)))
        }
        await #expect(throws: CommunityNotFound.zone.error("no zone 'nowhere'")) {
            try await hub.search.run(SearchQuery(text: "pain", zone: "nowhere"))
        }
        await #expect(throws: DirectoryField.limit.invalid("between 1 and 50")) {
            try await hub.search.run(SearchQuery(text: "pain", limit: 0))
        }
    }

    @Test func searchSyntaxTypedByAResidentIsReadAsWords() async throws {
        _ = try await hub.merchant("Boucherie Martin", owner: owner, description: "Viandes : OR AND NEAR (fermes).")
        #expect(try await names(SearchQuery(text: "boucherie OR \"NEAR\" AND (")) == ["Boucherie Martin"])
        #expect(try await names(SearchQuery(text: "name:boucherie* {body}")).isEmpty)
    }

    @Test func resultsArePagedWithinTheRankedList() async throws {
        for index in 1...5 {
            _ = try await hub.merchant("Atelier \(index)", owner: owner, description: "Poterie.")
            hub.clock.advance(by: 60)
        }
        let first = try await hub.search.run(SearchQuery(text: "poterie", limit: 2))
        let last = try await hub.search.run(SearchQuery(text: "poterie", limit: 2, offset: 4))
        #expect(first.hasMore && !last.hasMore)
        #expect(try await names(SearchQuery(text: "poterie", limit: 2, offset: 2)) == ["Atelier 3", "Atelier 2"])
        #expect(last.results.count == 1)
    }
}

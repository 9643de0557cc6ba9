import Catalogue
import Community
import Directory
import Foundation
import HubTestSupport
import Testing

/// Products in search, on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set): the same folding as
/// merchants and posts (accents, case, ligatures, word beginnings), the same ranking, the same filters, and never a
/// removed product or one of a hidden merchant.
@Suite struct ProductSearchTests {
    let hub: TestHub
    let owner: User
    let catalogue: SQLCatalogueStore

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("patissier@example.org", role: .merchant)
        catalogue = SQLCatalogueStore(database: hub.hubDatabase.sql)
    }

    /// Each result as "kind: name", to tell products from the rest.
    func found(_ query: SearchQuery) async throws -> [String] {
        try await hub.search.run(query).results.map { result in
            switch result {
            case .merchant(let merchant): "merchant: \(merchant.name)"
            case .post(let post): "post: \(post.content.title)"
            case .product(let product, let merchant): "product: \(product.name) (\(merchant.name))"
            }
        }
    }

    @discardableResult
    func list(_ details: [ProductDetails], of merchant: Merchant) async throws -> [Product] {
        try await catalogue.add(details, to: merchant, limit: 500, imported: false, by: owner.id, at: hub.clock.now())
    }

    static func product(_ name: String, _ description: String = "", category: String = "") -> ProductDetails {
        ProductDetails(name: name, description: description, priceCents: 2500, unit: .piece, category: category)
    }

    @Test func aProductIsFoundWithOrWithoutItsAccentsAndNamesItsMerchant() async throws {
        let shop = try await hub.merchant("Pâtisserie Lenôtre", owner: owner, description: "Gâteaux.")
        try await list([Self.product("Bûche de Noël", "Chocolat et marrons.")], of: shop)
        for text in ["bûche", "buche", "BUCHE", "Bûche Noel", "buc"] {
            #expect(try await found(SearchQuery(text: text)) == ["product: Bûche de Noël (Pâtisserie Lenôtre)"])
        }
        let page = try await hub.search.run(SearchQuery(text: "buche"))
        guard case .product(let product, let merchant) = page.results.first else {
            Issue.record("no product found")
            return
        }
        #expect(merchant.slug == shop.slug)
        #expect(product.merchantID == shop.id)
    }

    @Test func descriptionsCategoriesAndLigaturesMatchToo() async throws {
        let shop = try await hub.merchant("Ferme Martin", owner: owner, description: "Élevage.")
        try await list(
            [Self.product("Boîte de six", "Œufs de plein air.", category: "Crèmerie"), Self.product("Cidre brut")],
            of: shop)
        #expect(try await found(SearchQuery(text: "oeufs")) == ["product: Boîte de six (Ferme Martin)"])
        #expect(try await found(SearchQuery(text: "cremerie")) == ["product: Boîte de six (Ferme Martin)"])
        #expect(try await found(SearchQuery(text: "cidre oeufs")).isEmpty)
    }

    @Test func aNameOutranksADescriptionAndTiesGoToTheNewest() async throws {
        let shop = try await hub.merchant("Cave Laurent", owner: owner, description: "Vins.")
        try await list([Self.product("Coffret dégustation", "Trois vins et un comté.")], of: shop)
        hub.clock.advance(by: 60)
        try await list([Self.product("Comté 24 mois")], of: shop)
        hub.clock.advance(by: 60)
        try await list([Self.product("Comté 18 mois")], of: shop)
        #expect(
            try await found(SearchQuery(text: "comte")) == [
                "product: Comté 18 mois (Cave Laurent)", "product: Comté 24 mois (Cave Laurent)",
                "product: Coffret dégustation (Cave Laurent)",
            ])
    }

    @Test func productsRankAmongMerchantsAndPosts() async throws {
        let shop = try await hub.merchant("Fromagerie Dubois", owner: owner, description: "Affinage de fromages.")
        try await list([Self.product("Plateau de fromages")], of: shop)
        let results = try await found(SearchQuery(text: "fromagerie"))
        #expect(results == ["merchant: Fromagerie Dubois", "product: Plateau de fromages (Fromagerie Dubois)"])
        #expect(
            try await found(SearchQuery(text: "fromages", kind: .product)) == [
                "product: Plateau de fromages (Fromagerie Dubois)"
            ])
        #expect(try await found(SearchQuery(text: "fromages", kind: .merchant)) == ["merchant: Fromagerie Dubois"])
        #expect(try await found(SearchQuery(text: "fromages", kind: .offer)).isEmpty)
    }

    @Test func filtersNarrowProductsByTheirMerchantsZoneCommuneAndCategory() async throws {
        let corbeil = try await hub.merchant(
            "Rucher du Pont", owner: owner, description: "Ruches.", categories: [.alimentation])
        let beauvais = try await hub.merchant(
            "Rucher Picard", owner: owner, description: "Ruches.", categories: [.artisanatDArt],
            commune: ("Beauvais", "60000"), zone: "beta")
        try await list([Self.product("Miel de tilleul")], of: corbeil)
        try await list([Self.product("Miel de colza")], of: beauvais)
        #expect(
            try await found(SearchQuery(text: "miel", zone: "beta")) == [
                "product: Miel de colza (Rucher Picard)"
            ])
        #expect(
            try await found(SearchQuery(text: "miel", commune: "corbeil essonnes")) == [
                "product: Miel de tilleul (Rucher du Pont)"
            ])
        #expect(
            try await found(SearchQuery(text: "miel", category: .artisanatDArt)) == [
                "product: Miel de colza (Rucher Picard)"
            ])
    }

    @Test func removedProductsAndHiddenMerchantsProductsNeverShow() async throws {
        let shown = try await hub.merchant("Boulangerie Lemoine", owner: owner, description: "Pain.")
        let hidden = try await hub.merchant("Boulangerie Fermée", owner: owner, description: "Pain.")
        let kept = try await list([Self.product("Galette des rois"), Self.product("Galette bretonne")], of: shown)
        try await list([Self.product("Galette frangipane")], of: hidden)
        try await catalogue.remove(kept[1].id, of: shown, by: owner.id, at: hub.clock.now())
        try await hub.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP WHERE id = \(hidden.id)")
        #expect(try await found(SearchQuery(text: "galette")) == ["product: Galette des rois (Boulangerie Lemoine)"])
    }

    @Test func anEditShowsInTheNextSearch() async throws {
        let shop = try await hub.merchant("Chocolaterie Roy", owner: owner, description: "Chocolats.")
        let product = try await list([Self.product("Tablette noire")], of: shop)[0]
        _ = try await catalogue.update(
            product.id, of: shop, with: Self.product("Tablette au lait"), by: owner.id, at: hub.clock.now())
        #expect(try await found(SearchQuery(text: "noire")).isEmpty)
        #expect(try await found(SearchQuery(text: "lait")) == ["product: Tablette au lait (Chocolaterie Roy)"])
    }

    @Test func wordsThatOnlySitInsideAnotherWordDoNotMatch() async throws {
        let shop = try await hub.merchant("Primeur Dupuis", owner: owner, description: "Légumes.")
        try await list([Self.product("Épinards frais")], of: shop)
        #expect(try await found(SearchQuery(text: "pinard")).isEmpty)
        #expect(try await found(SearchQuery(text: "epin")) == ["product: Épinards frais (Primeur Dupuis)"])
    }
}

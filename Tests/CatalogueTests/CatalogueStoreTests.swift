import Catalogue
import Community
import Foundation
import HubTestSupport
import Storage
import Testing

/// The catalogue store's contract, on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set): products
/// keep their order, a merchant changes only its own, removed products keep their row, the limit holds under
/// concurrent imports, and the schema itself refuses what the rules refuse.
@Suite struct CatalogueStoreTests {
    let hub: TestHub
    let store: SQLCatalogueStore
    let owner: User
    let shop: Merchant

    init() async throws {
        hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        store = SQLCatalogueStore(database: hub.hubDatabase.sql)
        owner = try await hub.user("fromagerie@example.org", role: .merchant)
        shop = try await hub.merchant("Fromagerie Dupont", owner: owner)
    }

    static let comte = ProductDetails(
        name: "Comté 18 mois", description: "Affiné en cave.", priceCents: 2890, unit: .kilogram, category: "Fromages")
    static let buche = ProductDetails(
        name: "Bûche de Noël", priceCents: 3200, unit: .piece,
        availability: .seasonal(from: SeasonDay("2026-12-01")!, until: SeasonDay("2026-12-24")!), category: "Fêtes")

    @Test func addedProductsComeBackInTheirOrderWithEveryField() async throws {
        let added = try await store.add(
            [Self.comte, Self.buche], to: shop, limit: 500, imported: false, by: owner.id, at: hub.clock.now())
        let more = try await store.add(
            [ProductDetails(name: "Cidre", priceCents: 650, unit: .bottle, availability: .toOrder)], to: shop,
            limit: 500, imported: false, by: owner.id, at: hub.clock.now())
        let listed = try await store.products(of: shop.id)
        #expect(listed.map(\.details) == [Self.comte, Self.buche, more[0].details])
        #expect(listed.map(\.position) == [0, 1, 2])
        #expect(listed.map(\.id) == added.map(\.id) + more.map(\.id))
        #expect(listed.allSatisfy { $0.merchantID == shop.id })
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'product.add'") == 3)
    }

    @Test func anImportIsAuditedOnceWithItsCount() async throws {
        _ = try await store.add(
            [Self.comte, Self.buche], to: shop, limit: 500, imported: true, by: owner.id, at: hub.clock.now())
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'catalogue.import'") == 1)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'product.add'") == 0)
    }

    @Test func passingTheLimitAddsNothing() async throws {
        _ = try await store.add([Self.comte], to: shop, limit: 2, imported: false, by: owner.id, at: hub.clock.now())
        let refusal = await errorCode {
            _ = try await store.add(
                [Self.comte, Self.buche], to: shop, limit: 2, imported: true, by: owner.id, at: hub.clock.now())
        }
        #expect(refusal == "too_many_products")
        #expect(try await store.products(of: shop.id).count == 1)
    }

    @Test func twoImportsAtOnceNeverPassTheLimit() async throws {
        let sibling = try await hub.sibling()
        let other = SQLCatalogueStore(database: sibling.hubDatabase.sql)
        let batch = Array(repeating: Self.comte, count: 3)
        let (shop, owner) = (shop, owner)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for target in [store, other, store, other] {
                group.addTask {
                    (try? await target.add(batch, to: shop, limit: 7, imported: true, by: owner.id, at: Date())) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 2)
        let listed = try await store.products(of: shop.id)
        #expect(listed.count == 6)
        #expect(Set(listed.map(\.position)).count == 6)
    }

    @Test func aMerchantChangesOnlyItsOwnProducts() async throws {
        let product = try await store.add(
            [Self.comte], to: shop, limit: 500, imported: false, by: owner.id, at: hub.clock.now())[0]
        let rival = try await hub.merchant(
            "Fromagerie Martin", owner: try await hub.user("m@example.org", role: .merchant))
        var changed = Self.comte
        changed.priceCents = 1
        await #expect(throws: CommunityError.self) {
            try await store.update(product.id, of: rival, with: changed, by: rival.ownerID, at: hub.clock.now())
        }
        await #expect(throws: CommunityError.self) {
            try await store.remove(product.id, of: rival, by: rival.ownerID, at: hub.clock.now())
        }
        #expect(try await store.products(of: shop.id).map(\.details) == [Self.comte])
        hub.clock.advance(by: 60)
        let updated = try await store.update(product.id, of: shop, with: changed, by: owner.id, at: hub.clock.now())
        #expect(updated.details.priceCents == 1)
        #expect(updated.updatedAt > updated.createdAt)
    }

    @Test func aRemovedProductLeavesTheListButKeepsItsRow() async throws {
        let added = try await store.add(
            [Self.comte, Self.buche], to: shop, limit: 500, imported: false, by: owner.id, at: hub.clock.now())
        try await store.remove(added[0].id, of: shop, by: owner.id, at: hub.clock.now())
        #expect(try await store.products(of: shop.id).map(\.id) == [added[1].id])
        #expect(try await store.product(id: added[0].id)?.name == "Comté 18 mois")
        await #expect(throws: CommunityError.self) {
            try await store.remove(added[0].id, of: shop, by: owner.id, at: hub.clock.now())
        }
    }

    @Test func movingAProductSwapsItWithItsNeighbour() async throws {
        let added = try await store.add(
            [Self.comte, Self.buche, Self.comte], to: shop, limit: 500, imported: false, by: owner.id,
            at: hub.clock.now())
        try await store.move(added[2].id, of: shop, by: -1, actor: owner.id, at: hub.clock.now())
        #expect(try await store.products(of: shop.id).map(\.id) == [added[0].id, added[2].id, added[1].id])
        try await store.move(added[0].id, of: shop, by: -1, actor: owner.id, at: hub.clock.now())
        #expect(try await store.products(of: shop.id).map(\.position) == [0, 1, 2])
    }

    @Test func newProductsOfAZoneLeaveOutOtherZones() async throws {
        _ = try await store.add([Self.comte], to: shop, limit: 500, imported: false, by: owner.id, at: hub.clock.now())
        let alpha = try #require(try await hub.zoneStore.zone(slug: "alpha"))
        let beta = try #require(try await hub.zoneStore.zone(slug: "beta"))
        let since = hub.clock.now() - 60
        #expect(try await store.newProducts(zone: alpha.id, since: since, limit: 10).map(\.name) == ["Comté 18 mois"])
        #expect(try await store.newProducts(zone: beta.id, since: since, limit: 10).isEmpty)
    }

    @Test func theSitemapListsProductsOfListedMerchantsByBlock() async throws {
        let added = try await store.add(
            [Self.comte, Self.buche, Self.comte], to: shop, limit: 500, imported: false, by: owner.id,
            at: hub.clock.now())
        try await store.remove(added[2].id, of: shop, by: owner.id, at: hub.clock.now())
        let size = 1_000_000
        let blocks = try await store.sitemapBlocks(size: size)
        #expect(blocks.map(\.number) == [0])
        #expect(blocks.first?.lastModified == hub.clock.now())
        let entries = try await store.sitemapEntries(number: 0, size: size)
        #expect(entries.map(\.id) == [added[0].id, added[1].id])
        #expect(entries.allSatisfy { $0.merchant == shop.slug })
        #expect(try await store.sitemapEntries(number: 1, size: size).isEmpty)
        try await hub.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP WHERE id = \(shop.id)")
        #expect(try await store.sitemapBlocks(size: size).isEmpty)
    }

    @Test func theSchemaRefusesReversedSeasonsNegativePricesAndUnknownUnits() async throws {
        let insert = { (price: String, unit: String, availability: String, from: String, until: String) in
            """
            INSERT INTO product (merchantId, name, description, priceCents, unit, availability, seasonFrom,
              seasonUntil, category, position, createdAt, updatedAt)
            VALUES (\(shop.id), 'Pain', '', \(price), '\(unit)', '\(availability)', \(from), \(until), '', 0,
              CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """
        }
        await #expect(throws: (any Error).self) {
            try await hub.execute(insert("-1", "piece", "in-stock", "NULL", "NULL"))
        }
        await #expect(throws: (any Error).self) {
            try await hub.execute(insert("100", "gallon", "in-stock", "NULL", "NULL"))
        }
        await #expect(throws: (any Error).self) {
            try await hub.execute(insert("100", "piece", "seasonal", "'2026-12-24'", "'2026-12-01'"))
        }
        await #expect(throws: (any Error).self) {
            try await hub.execute(insert("100", "piece", "seasonal", "NULL", "NULL"))
        }
        try await hub.execute(insert("100", "piece", "seasonal", "'2026-12-01'", "'2026-12-24'"))
        #expect(try await hub.number("SELECT count(*) FROM product") == 1)
    }
}

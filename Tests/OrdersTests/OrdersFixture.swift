import Catalogue
import Community
import Foundation
import HubTestSupport
import Orders
import Storage

/// A hub with a merchant (its owner, two listed products and a removed one), another merchant with a product, and
/// a resident; order and campaign services on the hub's fixed clock.
struct OrdersFixture {
    let hub: TestHub
    let orders: OrderService
    let campaigns: CampaignService
    let store: SQLOrderStore
    let owner: User
    let shop: Merchant
    let other: Merchant
    let resident: User
    let comte: Product
    let buche: Product
    let removed: Product
    let elsewhere: Product

    static let hour: TimeInterval = 3600

    init() async throws {
        let hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        self.hub = hub
        let products = SQLCatalogueStore(database: hub.hubDatabase.sql)
        store = SQLOrderStore(database: hub.hubDatabase.sql)
        orders = OrderService(orders: store, products: products, merchants: hub.merchantStore, clock: hub.clock)
        campaigns = CampaignService(orders: orders, products: products, clock: hub.clock)
        owner = try await hub.user("fromagerie@example.org", role: .merchant)
        shop = try await hub.merchant("Fromagerie Dupont", owner: owner)
        resident = try await hub.user("lea@example.org", role: .resident)
        let otherOwner = try await hub.user("boulangerie@example.org", role: .merchant)
        let other = try await hub.merchant("Boulangerie Martin", owner: otherOwner)
        self.other = other
        let now = hub.clock.now()
        let listed = try await products.add(
            [
                ProductDetails(name: "Comté 18 mois", priceCents: 2890, unit: .kilogram),
                ProductDetails(name: "Bûche de Noël", priceCents: 3200, unit: .piece),
                ProductDetails(name: "Morbier", priceCents: 1990, unit: .kilogram),
            ], to: shop, limit: 500, imported: false, by: owner.id, at: now)
        (comte, buche, removed) = (listed[0], listed[1], listed[2])
        try await products.remove(removed.id, of: shop, by: owner.id, at: now)
        elsewhere = try await products.add(
            [ProductDetails(name: "Baguette", priceCents: 120, unit: .piece)], to: other, limit: 500,
            imported: false, by: otherOwner.id, at: now)[0]
    }

    /// A window starting `hours` from now, one hour long.
    func window(inHours hours: Double = 24, capacity: Int = 5) async throws -> CollectionWindow {
        let start = hub.clock.now().addingTimeInterval(hours * Self.hour)
        return try await orders.addWindow(
            WindowDetails(startsAt: start, endsAt: start.addingTimeInterval(Self.hour), capacity: capacity),
            merchantSlug: shop.slug, by: owner)
    }

    /// A resident account of its own, for tests that need many residents.
    func resident(_ number: Int) async throws -> User {
        try await hub.user("resident\(number)@example.org", role: .resident)
    }

    /// A campaign closing in 10 days, collected the day after, with `quantity` bûches and 50 comtés.
    func campaign(buches quantity: Int = 10) async throws -> PreOrderCampaign {
        let now = hub.clock.now()
        return try await campaigns.open(
            CampaignDetails(
                title: "Bûches de Noël", description: "À retirer le 24.",
                closesAt: now.addingTimeInterval(240 * Self.hour),
                collectFrom: now.addingTimeInterval(264 * Self.hour),
                collectUntil: now.addingTimeInterval(272 * Self.hour),
                products: [(buche.id, quantity), (comte.id, 50)]),
            merchantSlug: shop.slug, by: owner)
    }

    func count(_ sql: String) async throws -> Int { try await hub.number(sql) }
}

import Catalogue
import Community
import Foundation
import HubTestSupport
import Orders
import Storage
import Testing

/// Holiday pre-orders on either engine: units promised at once, never more than offered, refused after closing,
/// freed on cancellation; guests promise nothing until they confirm.
@Suite struct CampaignServiceTests {
    let f: OrdersFixture

    init() async throws { f = try await OrdersFixture() }

    func order(_ quantity: Int, of product: Product? = nil, in campaign: PreOrderCampaign, by user: User? = nil)
        async throws -> OrderRequest
    {
        try await f.campaigns.order(
            [LineRequest(productID: (product ?? f.buche).id, quantity: quantity)], campaign: campaign.id,
            merchantSlug: f.shop.slug, by: .user(user ?? f.resident)
        ).request
    }

    func left(_ campaign: PreOrderCampaign, _ product: Product? = nil) async throws -> Int? {
        try await f.store.campaign(id: campaign.id)?.products.first { $0.productID == (product ?? f.buche).id }?.left
    }

    @Test func anOrderPromisesUnitsAtOnceAndCancellingFreesThem() async throws {
        let campaign = try await f.campaign(buches: 10)
        #expect(campaign.products.map(\.name) == ["Bûche de Noël", "Comté 18 mois"])
        #expect(campaign.products.map(\.left) == [10, 50])
        let ordered = try await order(4, in: campaign)
        #expect(ordered.status == .accepted && ordered.campaignID == campaign.id && ordered.windowID == nil)
        #expect(ordered.lines.map(\.acceptedQuantity) == [4])
        #expect(try await left(campaign) == 6)
        #expect(try await f.orders.cancel(ordered.id, by: f.resident).status == .cancelled)
        #expect(try await left(campaign) == 10)
        let kept = try await order(2, in: campaign)
        _ = try await f.orders.markReady(kept.id, merchantSlug: f.shop.slug, by: f.owner)
        _ = try await f.orders.markCollected(kept.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(try await left(campaign) == 8)
        let listed = try await f.campaigns.orders(inCampaign: campaign.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(listed.requests.map(\.id) == [ordered.id, kept.id])
        #expect(try await f.count("SELECT count(*) FROM auditEntry WHERE action = 'campaign.order'") == 2)
    }

    @Test func orderingMoreThanIsLeftIsRefusedNamingTheLineAndPromisesNothing() async throws {
        let campaign = try await f.campaign(buches: 3)
        _ = try await order(2, in: campaign)
        let neighbour = try await f.resident(1)
        do {
            _ = try await f.campaigns.order(
                [LineRequest(productID: f.comte.id, quantity: 5), LineRequest(productID: f.buche.id, quantity: 2)],
                campaign: campaign.id, merchantSlug: f.shop.slug, by: .user(neighbour))
            Issue.record("two bûches were promised with one left")
        } catch let error as CommunityError {
            #expect(error.code == "sold_out" && error.message == "lines[1]: only 1 units of Bûche de Noël are left")
            #expect(error.frenchMessage == "Ligne 2 : il ne reste que 1 unité de « Bûche de Noël ».")
        }
        #expect(try await left(campaign) == 1)
        #expect(try await left(campaign, f.comte) == 50)
        #expect(try await f.count("SELECT count(*) FROM orderRequest") == 1)
    }

    @Test func aClosedCampaignRefusesOrdersAndProductsMustBeInIt() async throws {
        let campaign = try await f.campaign()
        #expect(
            await errorCode { _ = try await order(1, of: f.removed, in: campaign) } == "invalid_line_product")
        #expect(
            await errorCode { _ = try await order(1, of: f.elsewhere, in: campaign) } == "invalid_line_product")
        #expect(await errorCode { _ = try await order(0, in: campaign) } == "invalid_line_quantity")
        #expect(try await f.campaigns.openCampaigns(merchantSlug: f.shop.slug).map(\.id) == [campaign.id])
        f.hub.clock.advance(by: 240 * 3600)
        #expect(await errorCode { _ = try await order(1, in: campaign) } == "campaign_closed")
        #expect(try await f.campaigns.openCampaigns(merchantSlug: f.shop.slug).isEmpty)
        #expect(try await f.campaigns.campaigns(merchantSlug: f.shop.slug, by: f.owner).map(\.id) == [campaign.id])
        #expect(try await f.count("SELECT count(*) FROM orderRequest") == 0)
    }

    @Test func theMerchantClosesACampaignEarly() async throws {
        let campaign = try await f.campaign()
        let stranger = try await f.hub.user("autre@example.org", role: .merchant)
        #expect(
            await errorCode { _ = try await f.campaigns.close(campaign.id, merchantSlug: f.shop.slug, by: stranger) }
                == "forbidden")
        let closed = try await f.campaigns.close(campaign.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(closed.closesAt == f.hub.clock.now())
        #expect(await errorCode { _ = try await order(1, in: campaign) } == "campaign_closed")
    }

    @Test func openingACampaignChecksItsProducts() async throws {
        let now = f.hub.clock.now()
        func open(_ products: [(Product.ID, Int)]) async -> String? {
            await errorCode {
                _ = try await f.campaigns.open(
                    CampaignDetails(
                        title: "Menu du réveillon", closesAt: now.addingTimeInterval(3600),
                        collectFrom: now.addingTimeInterval(7200), collectUntil: now.addingTimeInterval(10_800),
                        products: products.map { (productID: $0.0, quantity: $0.1) }),
                    merchantSlug: f.shop.slug, by: f.owner)
            }
        }
        #expect(await open([(f.elsewhere.id, 5)]) == "invalid_campaign_products")
        #expect(await open([(f.removed.id, 5)]) == "invalid_campaign_products")
        #expect(await open([(f.buche.id, 10_001)]) == "invalid_campaign_products")
        #expect(await open([(f.buche.id, 5), (f.buche.id, 5)]) == "invalid_campaign_products")
        #expect(try await f.count("SELECT count(*) FROM preOrderCampaign") == 0)
        #expect(await open([(f.buche.id, 5)]) == nil)
        #expect(try await f.count("SELECT count(*) FROM auditEntry WHERE action = 'campaign.open'") == 1)
    }

    @Test func aGuestsPreOrderPromisesUnitsOnlyOnceConfirmed() async throws {
        let campaign = try await f.campaign(buches: 2)
        let placed = try await f.campaigns.order(
            [LineRequest(productID: f.buche.id, quantity: 2)], campaign: campaign.id, merchantSlug: f.shop.slug,
            by: .guest(email: "invite@example.org", name: "Invité"))
        #expect(placed.request.status == .unconfirmed && placed.request.lines[0].acceptedQuantity == nil)
        #expect(try await left(campaign) == 2)
        _ = try await order(1, in: campaign)
        #expect(await errorCode { _ = try await f.orders.confirm(token: placed.token!) } == "sold_out")
        #expect(try await f.store.request(id: placed.request.id)?.status == .unconfirmed)
        let mine = try await f.orders.myRequests(by: f.resident)[0]
        _ = try await f.orders.cancel(mine.id, by: f.resident)
        let confirmed = try await f.orders.confirm(token: placed.token!)
        #expect(confirmed.status == .accepted && confirmed.lines[0].acceptedQuantity == 2)
        #expect(try await left(campaign) == 0)
    }

    @Test func theDatabaseNeverPromisesMoreThanTheQuantity() async throws {
        let campaign = try await f.campaign(buches: 2)
        let row = "campaignId = \(campaign.id) AND productId = \(f.buche.id)"
        await #expect(throws: (any Error).self) {
            try await f.hub.execute("UPDATE campaignProduct SET promised = 3 WHERE \(row)")
        }
        #expect(try await left(campaign) == 2)
        try await f.hub.execute("UPDATE campaignProduct SET promised = 2 WHERE \(row)")
        #expect(try await left(campaign) == 0)
    }
}

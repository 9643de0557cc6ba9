import Catalogue
import Community
import Foundation

/// Holiday pre-orders: a merchant opens a campaign with a quantity per product; a resident's order in it promises
/// units at once (status `accepted`), and the database never promises more than the quantity. Cancelling an order
/// (`OrderService.cancel`) frees its units; the merchant then marks it ready and collected as any order.
package struct CampaignService: Sendable {
    let orders: any OrderStore
    let products: any CatalogueStore
    let service: OrderService
    let clock: any HubClock

    package init(orders: OrderService, products: any CatalogueStore, clock: any HubClock) {
        self.orders = orders.orders
        self.products = products
        service = orders
        self.clock = clock
    }

    /// Opens a campaign on products of the merchant's catalogue (1–50, each 1–10 000 units), closing in the future
    /// and collected after it closes.
    package func open(_ details: CampaignDetails, merchantSlug: String, by user: User) async throws
        -> PreOrderCampaign
    {
        let merchant = try await service.managed(merchantSlug: merchantSlug, by: user)
        let now = clock.now()
        let valid = try OrderRules.validated(details, now: now)
        let listed = try await products.products(of: merchant.id)
        var chosen: [Product] = []
        for (index, entry) in valid.products.enumerated() {
            guard let product = listed.first(where: { $0.id == entry.productID }) else {
                throw OrdersField.campaignProducts.invalid(
                    "product \(entry.productID) is not in this catalogue", at: "[\(index)]")
            }
            chosen.append(product)
        }
        return try await orders.openCampaign(
            valid, products: chosen, of: merchant, limit: OrderRules.maxOpenCampaigns, by: user.id, at: now)
    }

    /// Closes a campaign's orders now (the orders already made stay).
    package func close(_ id: PreOrderCampaign.ID, merchantSlug: String, by user: User) async throws
        -> PreOrderCampaign
    {
        let merchant = try await service.managed(merchantSlug: merchantSlug, by: user)
        return try await orders.closeCampaign(id, of: merchant, by: user.id, at: clock.now())
    }

    /// A listed merchant's campaigns open now, with the units left per product, for residents.
    package func openCampaigns(merchantSlug: String) async throws -> [PreOrderCampaign] {
        let merchant = try await service.listed(merchantSlug: merchantSlug)
        return try await orders.campaigns(of: merchant.id, openAt: clock.now())
    }

    /// Every campaign of the merchant, latest closing first, for its dashboard.
    package func campaigns(merchantSlug: String, by user: User) async throws -> [PreOrderCampaign] {
        let merchant = try await service.managed(merchantSlug: merchantSlug, by: user)
        return try await orders.campaigns(of: merchant.id, openAt: nil)
    }

    /// One campaign of a listed merchant.
    package func campaign(_ id: PreOrderCampaign.ID, merchantSlug: String) async throws -> PreOrderCampaign {
        let merchant = try await service.listed(merchantSlug: merchantSlug)
        guard let campaign = try await orders.campaign(id: id), campaign.merchantID == merchant.id else {
            throw OrdersNotFound.campaign.notFound
        }
        return campaign
    }

    /// Orders products of a campaign. A signed-in resident's order is `accepted` at once with its units promised
    /// (`sold_out`, naming the line, when too few are left; `campaign_closed` after closing). A guest's order is
    /// `unconfirmed` and promises nothing until they confirm (`OrderService.confirm(token:)`): an address nobody
    /// confirmed never holds units.
    package func order(
        _ lines: [LineRequest], campaign id: PreOrderCampaign.ID, merchantSlug: String, note: String = "",
        by requester: OrderRequester
    ) async throws -> OrderPlacement {
        let campaign = try await campaign(id, merchantSlug: merchantSlug)
        let who = try OrderRules.requester(requester, note: note)
        let valid = try OrderRules.validated(lines)
        let now = clock.now()
        guard campaign.isOpen(at: now) else {
            throw OrdersProblem.campaignClosed.error("orders in this campaign are closed")
        }
        var checked: [(request: LineRequest, product: Product)] = []
        for (index, line) in valid.enumerated() {
            guard campaign.products.contains(where: { $0.productID == line.productID }),
                let product = try await products.product(id: line.productID), product.merchantID == campaign.merchantID
            else {
                throw OrdersField.lineProduct.line(
                    index, "product \(line.productID) is not offered in this campaign",
                    french: "ce produit n'est pas proposé dans cette campagne.")
            }
            checked.append((line, product))
        }
        let merchant = try await service.listed(merchantSlug: merchantSlug)
        let token = who.userID == nil ? OrderToken.make() : nil
        let new = NewOrderRequest(
            merchant: merchant, windowID: nil, campaignID: id, userID: who.userID, email: who.email,
            residentName: who.name, note: who.note, status: token == nil ? .accepted : .unconfirmed, lines: checked,
            tokenHash: token.map(OrderToken.hash),
            confirmBy: token == nil ? nil : min(OrderRules.confirmBy(now: now, windowStart: nil), campaign.closesAt),
            answerBy: nil)
        let stored = try await orders.request(
            new, limits: (OrderRules.openPerMerchant, OrderRules.openInAll), by: who.userID, at: now)
        return OrderPlacement(request: stored, token: token)
    }

    /// A campaign's orders, oldest first (all, or those in `statuses`), for the merchant.
    package func orders(
        inCampaign id: PreOrderCampaign.ID, statuses: Set<OrderStatus>? = nil, merchantSlug: String, by user: User
    ) async throws -> (campaign: PreOrderCampaign, requests: [OrderRequest]) {
        let merchant = try await service.managed(merchantSlug: merchantSlug, by: user)
        guard let campaign = try await orders.campaign(id: id), campaign.merchantID == merchant.id else {
            throw OrdersNotFound.campaign.notFound
        }
        return (campaign, try await orders.requests(inCampaign: id, statuses: statuses))
    }
}

import Catalogue
import Community
import Foundation
import Hummingbird
import Orders

/// The resident's side of orders: the order form (from a shop's windows or a pre-order campaign), a guest's
/// confirmation link, "Mes commandes" and cancelling. Markup is the pages' (`OrderPage`, `MyOrdersPage`, ...).
struct OrderPagesController {
    let orders: OrderService
    let campaigns: CampaignService
    let catalogue: CatalogueService
    let merchants: any MerchantStore
    let mailer: OrderMailer
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/merchants/:slug/order", use: windowForm)
        router.post("/merchants/:slug/order", use: orderInWindow)
        router.get("/merchants/:slug/campaigns/:id", use: campaignForm)
        router.post("/merchants/:slug/campaigns/:id", use: orderInCampaign)
        router.get("/orders/confirm", use: confirmation)
        router.post("/orders/confirm", use: confirm)
        router.get("/account/orders", use: mine)
        router.get("/account/orders/:id/cancel", use: confirmCancel)
        router.post("/account/orders/:id/cancel", use: cancel)
    }

    func windowForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let preselected = request.uri.queryParameters.get("product").flatMap { Int64($0) }.map(Product.ID.init)
        return try await windowPage(slug, OrderForm(preselected: preselected), context: context)
    }

    func orderInWindow(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let products = try await catalogue.listed(merchantSlug: slug).products
        var form = OrderForm(
            try await FormBody.read(request, context: context), offered: products.map(\.id))
        let lines = form.lines(offered: products.map(\.id), needsWindow: true, guest: context.user == nil)
        if form.errors.isEmpty, let window = form.requestedWindow {
            do {
                let placement = try await orders.request(
                    lines, window: window, merchantSlug: slug, note: form.note, by: requester(form, context))
                return try await placed(placement, context: context)
            } catch let error as CommunityError where error.category != .unauthenticated && error.category != .forbidden
            {
                form.file(error)
            }
        }
        return try await windowPage(slug, form, context: context)
    }

    func campaignForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let preselected = request.uri.queryParameters.get("product").flatMap { Int64($0) }.map(Product.ID.init)
        return try await campaignPage(context, OrderForm(preselected: preselected))
    }

    func orderInCampaign(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let campaign = try await campaigns.campaign(try Self.campaignID(context), merchantSlug: slug)
        let offered = campaign.products.map(\.productID)
        var form = OrderForm(try await FormBody.read(request, context: context), offered: offered)
        let lines = form.lines(offered: offered, needsWindow: false, guest: context.user == nil)
        if form.errors.isEmpty {
            do {
                let placement = try await campaigns.order(
                    lines, campaign: campaign.id, merchantSlug: slug, note: form.note, by: requester(form, context))
                return try await placed(placement, context: context)
            } catch let error as CommunityError where error.category != .unauthenticated && error.category != .forbidden
            {
                form.file(error)
            }
        }
        return try await campaignPage(context, form)
    }

    /// A guest's link: shows the request and a button, so that a mail scanner opening the link confirms nothing.
    func confirmation(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token").map { String($0) } ?? ""
        do {
            let order = try await orders.guestRequest(token: token)
            let page = OrderConfirmPage(request: order, merchant: try await merchant(order), token: token)
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        } catch let error as CommunityError {
            return problem(error, context: context)
        }
    }

    func confirm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = try await FormBody.read(request, context: context)["token"] ?? ""
        do {
            let order = try await orders.confirm(token: token)
            await mailer.confirmed(order)
            let page = OrderConfirmPage(request: order, merchant: try await merchant(order), token: nil)
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        } catch let error as CommunityError {
            return problem(error, context: context)
        }
    }

    func mine(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let requests = try await orders.myRequests(by: user)
        var names: [Merchant.ID: Merchant] = [:]
        for id in Set(requests.map(\.merchantID)) { names[id] = try await merchants.merchant(id: id) }
        let page = MyOrdersPage(
            requests: requests, merchants: names, flash: OrderFlash(request), places: try await places(requests))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func confirmCancel(_ request: Request, context: HubRequestContext) async throws -> Response {
        let order = try await orders.request(try Self.orderID(context), by: try context.requireUser())
        let page = OrderCancelPage(request: order, merchant: try await merchant(order))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func cancel(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try Self.orderID(context)
        do {
            _ = try await orders.cancel(id, by: user)
            return PageRenderer.redirect(to: OrderFlash.cancelled.on("/account/orders#commande-\(id.rawValue)"))
        } catch let error as CommunityError where error.category == .conflict {
            let order = try await orders.request(id, by: user)
            let page = OrderCancelPage(request: order, merchant: try await merchant(order), error: error)
            return PageRenderer.page(
                page.title(context.language), page.body(context.language), context: context, status: .conflict)
        }
    }

    // MARK: - Helpers

    func placed(_ placement: OrderPlacement, context: HubRequestContext) async throws -> Response {
        await mailer.received(placement)
        let order = placement.request
        guard placement.token == nil else {
            let page = OrderSentPage(request: order, merchant: try await merchant(order))
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        }
        return PageRenderer.redirect(to: OrderFlash.sent.on("/account/orders#commande-\(order.id.rawValue)"))
    }

    func requester(_ form: OrderForm, _ context: HubRequestContext) -> OrderRequester {
        context.user.map { .user($0) } ?? .guest(email: form.email, name: form.name)
    }

    func windowPage(_ slug: String, _ form: OrderForm, context: HubRequestContext) async throws -> Response {
        let (merchant, products) = try await catalogue.listed(merchantSlug: slug)
        var page = OrderPage(
            merchant: merchant, kind: .windows(try await orders.choosableWindows(merchantSlug: slug)),
            products: products.map { ($0, nil) }, form: form, user: context.user)
        page.campaigns = try await campaigns.openCampaigns(merchantSlug: slug)
        return render(page, form, context: context)
    }

    func campaignPage(_ context: HubRequestContext, _ form: OrderForm) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let campaign = try await campaigns.campaign(try Self.campaignID(context), merchantSlug: slug)
        let (merchant, listed) = try await catalogue.listed(merchantSlug: slug)
        let products: [(product: Product, left: Int?)] = campaign.products.compactMap { entry in
            listed.first { $0.id == entry.productID }.map { ($0, entry.left) }
        }
        let open = campaign.isOpen(at: clock.now())
        let page = OrderPage(
            merchant: merchant, kind: .campaign(campaign), products: open ? products : [], form: form,
            user: context.user)
        return render(page, form, context: context)
    }

    func render(_ page: OrderPage, _ form: OrderForm, context: HubRequestContext) -> Response {
        let status: HTTPResponse.Status =
            form.errors.isEmpty
            ? .ok
            : form.refusal.map { ErrorMiddleware.status(of: $0.category) } ?? .badRequest
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    func problem(_ error: CommunityError, context: HubRequestContext) -> Response {
        let t = context.language
        let title = t("Commande", "Order")
        return PageRenderer.page(
            title, "<h1>\(title)</h1>\(UserMessages.alert(error, t))", context: context,
            status: ErrorMiddleware.status(of: error.category))
    }

    func merchant(_ order: OrderRequest) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(id: order.merchantID) else {
            throw CommunityNotFound.merchant.notFound
        }
        return merchant
    }

    /// Where each request is collected.
    func places(_ requests: [OrderRequest]) async throws -> [OrderRequest.ID: OrderMailText.Place] {
        var places: [OrderRequest.ID: OrderMailText.Place] = [:]
        for request in requests { places[request.id] = try await mailer.place(request) }
        return places
    }

    static func campaignID(_ context: HubRequestContext) throws -> PreOrderCampaign.ID {
        try PathID.identifier(context, missing: OrdersNotFound.campaign)
    }

    static func orderID(_ context: HubRequestContext) throws -> OrderRequest.ID {
        try PathID.identifier(context, missing: OrdersNotFound.order)
    }
}

import Catalogue
import Community
import Feeds
import Foundation
import Hummingbird
import Orders

/// The merchant's side of orders: requests and their answers, collection windows, pre-order campaigns, the CSV
/// export and the private calendar. Markup is the pages' (`OrderDashboardPage`, `CampaignFormPage`, ...).
struct OrderDashboardController {
    let orders: OrderService
    let campaigns: CampaignService
    let catalogue: CatalogueService
    let merchants: any MerchantStore
    let mailer: OrderMailer
    let tokens: LinkTokens
    let publicURL: String
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/dashboard/merchants/:slug/orders", use: list)
        router.get("/dashboard/merchants/:slug/orders.csv", use: export)
        router.post("/dashboard/merchants/:slug/orders/:id/:action", use: answer)
        router.post("/dashboard/merchants/:slug/windows", use: addWindow)
        router.get("/dashboard/merchants/:slug/windows/:id/remove", use: confirmWindowRemoval)
        router.post("/dashboard/merchants/:slug/windows/:id/remove", use: removeWindow)
        router.get("/dashboard/merchants/:slug/campaigns/new", use: newCampaign)
        router.post("/dashboard/merchants/:slug/campaigns", use: openCampaign)
        router.post("/dashboard/merchants/:slug/campaigns/:id/close", use: closeCampaign)
        router.get("/merchants/:slug/orders.ics", use: calendar)
    }

    func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        var page = try await dashboard(context)
        page.flash = OrderFlash(request)
        return render(page, context: context)
    }

    func export(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let requests = try await orders.requests(merchantSlug: slug, by: user)
        let csv = OrderExports.csv(requests, places: try await places(requests))
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"commandes-\(slug).csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    /// Accept (with per-line quantities), refuse (with a reason), ready, collected, not collected.
    func answer(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let id: OrderRequest.ID = try PathID.identifier(context, missing: OrdersNotFound.order)
        let form = try await FormBody.read(request, context: context)
        var errors = FormErrors()
        do {
            let (changed, flash): (OrderRequest, OrderFlash)
            switch context.parameters.get("action") {
            case "accept":
                let order = try await orders.request(id, by: user)
                var quantities: [OrderLine.ID: Int] = [:]
                for line in order.lines {
                    guard let text = form["q-\(line.id.rawValue)"] else { continue }
                    guard let quantity = Int(text) else {
                        errors.add(
                            OrderFormField.quantity.invalid("\"\(text)\" is not a whole number"),
                            to: "q-\(line.id.rawValue)")
                        continue
                    }
                    quantities[line.id] = quantity
                }
                guard errors.isEmpty else { throw errors.fields[0].error }
                changed = try await orders.accept(id, quantities: quantities, merchantSlug: slug, by: user)
                flash = .accepted
            case "refuse":
                changed = try await orders.refuse(id, reason: form.text("reason"), merchantSlug: slug, by: user)
                flash = .refused
            case "ready": (changed, flash) = (try await orders.markReady(id, merchantSlug: slug, by: user), .ready)
            case "collected":
                (changed, flash) = (try await orders.markCollected(id, merchantSlug: slug, by: user), .collected)
            case "not-collected":
                (changed, flash) = (try await orders.markNotCollected(id, merchantSlug: slug, by: user), .notCollected)
            default: throw OrdersNotFound.order.notFound
            }
            await mailer.changed(changed)
            return PageRenderer.redirect(to: flash.on("/dashboard/merchants/\(slug)/orders#commande-\(id.rawValue)"))
        } catch let error as CommunityError
            where error.category == .invalidInput || error.category == .conflict
        {
            if errors.isEmpty {
                switch error.code {
                case OrdersField.reason.code: errors.add(error, to: "reason")
                default: errors.add(error)
                }
            }
            var page = try await dashboard(context)
            page.answerErrors[id] = errors
            page.typed["reason"] = form.text("reason")
            for line in (try? await orders.request(id, by: user))?.lines ?? [] {
                page.typed["q-\(line.id.rawValue)"] = form["q-\(line.id.rawValue)"]
            }
            return render(page, context: context, status: ErrorMiddleware.status(of: error.category))
        }
    }

    func addWindow(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        var form = WindowForm(try await FormBody.read(request, context: context))
        if let details = form.details() {
            do {
                let window = try await orders.addWindow(details, merchantSlug: slug, by: user)
                return PageRenderer.redirect(
                    to: OrderFlash.windowAdded.on("/dashboard/merchants/\(slug)/orders#creneau-\(window.id.rawValue)"))
            } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
                form.file(error)
            }
        }
        var page = try await dashboard(context)
        page.windowForm = form
        return render(
            page, context: context,
            status: form.errors.general.first.map { ErrorMiddleware.status(of: $0.category) } ?? .badRequest)
    }

    func confirmWindowRemoval(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let merchant = try await orders.managed(merchantSlug: slug, by: user)
        let id: CollectionWindow.ID = try PathID.identifier(context, missing: OrdersNotFound.window)
        let (window, _) = try await orders.orders(inWindow: id, merchantSlug: slug, by: user)
        let page = WindowRemovalPage(merchant: merchant, window: window)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func removeWindow(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let id: CollectionWindow.ID = try PathID.identifier(context, missing: OrdersNotFound.window)
        try await orders.removeWindow(id, merchantSlug: slug, by: try context.requireUser())
        return PageRenderer.redirect(to: OrderFlash.windowRemoved.on("/dashboard/merchants/\(slug)/orders#creneaux"))
    }

    func newCampaign(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await campaignForm(CampaignForm(), context: context)
    }

    func openCampaign(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let merchant = try await orders.managed(merchantSlug: slug, by: user)
        let products = try await catalogue.products(of: merchant)
        var form = CampaignForm(try await FormBody.read(request, context: context), products: products)
        if let details = form.details(products: products) {
            do {
                let campaign = try await campaigns.open(details, merchantSlug: slug, by: user)
                return PageRenderer.redirect(
                    to: OrderFlash.campaignOpened.on(
                        "/dashboard/merchants/\(slug)/orders#campagne-\(campaign.id.rawValue)"))
            } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
                form.file(error)
            }
        }
        return try await campaignForm(form, context: context)
    }

    func closeCampaign(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let id: PreOrderCampaign.ID = try PathID.identifier(context, missing: OrdersNotFound.campaign)
        _ = try await campaigns.close(id, merchantSlug: slug, by: try context.requireUser())
        return PageRenderer.redirect(
            to: OrderFlash.campaignClosed.on("/dashboard/merchants/\(slug)/orders#campagne-\(id.rawValue)"))
    }

    /// The merchant's private calendar: the signed token in the address is the only key.
    func calendar(_ request: Request, context: HubRequestContext) async throws -> Response {
        guard let merchant = try await merchants.merchant(slug: context.parameters.require("slug")) else {
            throw CommunityNotFound.merchant.notFound
        }
        let token = request.uri.queryParameters.get("token").map { String($0) } ?? ""
        guard (try? tokens.verifyOrdersCalendar(token)) == merchant.id else {
            throw FeedsProblem.invalidLink.error("this link is not valid")
        }
        let now = clock.now()
        let windows = try await orders.calendar(merchant: merchant.id, since: now.addingTimeInterval(-30 * 86_400))
        return PopUpCalendarController.response(
            OrderExports.calendar(windows, merchant: merchant, stamp: now, baseURL: publicURL))
    }

    // MARK: - Helpers

    func dashboard(_ context: HubRequestContext) async throws -> OrderDashboardPage {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let merchant = try await orders.managed(merchantSlug: slug, by: user)
        let requests = try await orders.requests(merchantSlug: slug, by: user)
        var page = OrderDashboardPage(
            merchant: merchant, requests: requests, windows: try await orders.windows(merchantSlug: slug, by: user),
            campaigns: try await campaigns.campaigns(merchantSlug: slug, by: user))
        page.places = try await places(requests)
        page.calendarURL =
            "\(publicURL)/merchants/\(merchant.slug)/orders.ics?token=" + tokens.ordersCalendarToken(for: merchant.id)
        page.now = clock.now()
        return page
    }

    func campaignForm(_ form: CampaignForm, context: HubRequestContext) async throws -> Response {
        let merchant = try await orders.managed(
            merchantSlug: context.parameters.require("slug"), by: try context.requireUser())
        let page = CampaignFormPage(
            merchant: merchant, products: try await catalogue.products(of: merchant), form: form)
        let status =
            form.errors.isEmpty
            ? HTTPResponse.Status.ok
            : form.errors.general.first.map { ErrorMiddleware.status(of: $0.category) } ?? .badRequest
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    func render(_ page: OrderDashboardPage, context: HubRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        PageRenderer.page(page.title(context.language), page.body(context.language), context: context, status: status)
    }

    func places(_ requests: [OrderRequest]) async throws -> [OrderRequest.ID: OrderMailText.Place] {
        var places: [OrderRequest.ID: OrderMailText.Place] = [:]
        for request in requests { places[request.id] = try await mailer.place(request) }
        return places
    }
}

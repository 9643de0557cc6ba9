import Community
import Foundation
import Hummingbird
import Orders

/// Order requests in the JSON API: merchants offer collection windows and open pre-order campaigns, signed-in
/// residents ask for products in one of them, and merchants answer each request.
struct OrderAPIController {
    let orders: OrderService
    let campaigns: CampaignService
    let clock: any HubClock

    func addRoutes(to group: some RouterMethods<HubRequestContext>) {
        group.get("merchants/:slug/collection-windows", use: windows)
        group.post("merchants/:slug/collection-windows", use: addWindow)
        group.delete("merchants/:slug/collection-windows/:id", use: removeWindow)
        group.get("merchants/:slug/pre-order-campaigns", use: listCampaigns)
        group.post("merchants/:slug/pre-order-campaigns", use: openCampaign)
        group.post("merchants/:slug/pre-order-campaigns/:id/close", use: closeCampaign)
        group.get("merchants/:slug/order-requests", use: merchantRequests)
        group.post("merchants/:slug/order-requests", use: request)
        group.post("merchants/:slug/order-requests/:id/accept", use: accept)
        group.post("merchants/:slug/order-requests/:id/refuse", use: refuse)
        group.post("merchants/:slug/order-requests/:id/ready", use: markReady)
        group.post("merchants/:slug/order-requests/:id/collected", use: markCollected)
        group.post("merchants/:slug/order-requests/:id/not-collected", use: markNotCollected)
        group.get("me/order-requests", use: myRequests)
        group.get("order-requests/:id", use: orderRequest)
        group.post("order-requests/:id/cancel", use: cancel)
    }

    // MARK: Windows

    /// The windows a resident may choose; the merchant's owner (or an operator) gets every window not yet ended.
    func windows(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let list =
            try await orders.manages(merchantSlug: slug, user: context.user)
            ? try await orders.windows(merchantSlug: slug, by: try context.requireUser())
            : try await orders.choosableWindows(merchantSlug: slug)
        return JSONBody.response(
            ListPayload(items: list.map { CollectionWindowPayload($0, merchant: slug) }, next: nil))
    }

    func addWindow(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let body = try await JSONBody.decode(CollectionWindowInput.self, from: request, context: context)
        let window = try await orders.addWindow(body.details, merchantSlug: slug, by: user)
        return JSONBody.response(CollectionWindowPayload(window, merchant: slug), status: .created)
    }

    func removeWindow(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try await orders.removeWindow(
            try PathID.identifier(context, missing: OrdersNotFound.window),
            merchantSlug: context.parameters.require("slug"), by: user)
        return Response(status: .noContent)
    }

    // MARK: Campaigns

    /// The campaigns open now with the units left; the merchant's owner (or an operator) gets every campaign.
    func listCampaigns(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let list =
            try await orders.manages(merchantSlug: slug, user: context.user)
            ? try await campaigns.campaigns(merchantSlug: slug, by: try context.requireUser())
            : try await campaigns.openCampaigns(merchantSlug: slug)
        let now = clock.now()
        return JSONBody.response(
            ListPayload(items: list.map { PreOrderCampaignPayload($0, merchant: slug, now: now) }, next: nil))
    }

    func openCampaign(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let body = try await JSONBody.decode(PreOrderCampaignInput.self, from: request, context: context)
        let campaign = try await campaigns.open(body.details, merchantSlug: slug, by: user)
        return JSONBody.response(
            PreOrderCampaignPayload(campaign, merchant: slug, now: clock.now()), status: .created)
    }

    func closeCampaign(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let campaign = try await campaigns.close(
            try PathID.identifier(context, missing: OrdersNotFound.campaign), merchantSlug: slug, by: user)
        return JSONBody.response(PreOrderCampaignPayload(campaign, merchant: slug, now: clock.now()))
    }

    // MARK: Requests

    /// A signed-in resident asks for products, collected in a window or in a campaign (exactly one of the two).
    func request(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let body = try await JSONBody.decode(OrderRequestInput.self, from: request, context: context)
        let placement: OrderPlacement
        switch (body.window, body.campaign) {
        case (let window?, nil):
            placement = try await orders.request(
                body.lineRequests, window: CollectionWindow.ID(window), merchantSlug: slug, note: body.note ?? "",
                by: .user(user))
        case (nil, let campaign?):
            placement = try await campaigns.order(
                body.lineRequests, campaign: PreOrderCampaign.ID(campaign), merchantSlug: slug,
                note: body.note ?? "", by: .user(user))
        case (nil, nil): throw BodyError(.missingField, "window or campaign: one of the two is required")
        case (_?, _?): throw BodyError(.invalidField, "window, campaign: give one of the two, not both")
        }
        return JSONBody.response(OrderRequestPayload(placement.request, merchant: slug), status: .created)
    }

    /// The merchant's requests, newest first; `status` filters by a comma-separated list, `window` by a window.
    func merchantRequests(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let query = request.uri.queryParameters
        let statuses = try query.get("status").map { text throws(CommunityError) -> Set<OrderStatus> in
            var statuses: Set<OrderStatus> = []
            for name in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let status = OrderStatus(rawValue: String(name)) else {
                    throw RequestField.orderStatus.invalid(
                        "unknown status '\(name.prefix(20))' (one of: "
                            + OrderStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
                statuses.insert(status)
            }
            return statuses
        }
        let window = try APIController.integer(query.get("window"), RequestField.window, in: 1...Int.max).map {
            CollectionWindow.ID(Int64($0))
        }
        let list = try await orders.requests(merchantSlug: slug, statuses: statuses, window: window, by: user)
        return JSONBody.response(
            ListPayload(items: list.map { OrderRequestPayload($0, merchant: slug) }, next: nil))
    }

    func accept(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let body =
            Self.hasBody(request)
            ? try await JSONBody.decode(OrderAcceptanceInput.self, from: request, context: context)
            : OrderAcceptanceInput(lines: nil)
        let accepted = try await orders.accept(
            try Self.requestID(context), quantities: try body.quantities(), merchantSlug: slug, by: user)
        return JSONBody.response(OrderRequestPayload(accepted, merchant: slug))
    }

    func refuse(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let body = try await JSONBody.decode(OrderRefusalInput.self, from: request, context: context)
        let refused = try await orders.refuse(
            try Self.requestID(context), reason: body.reason, merchantSlug: slug, by: user)
        return JSONBody.response(OrderRequestPayload(refused, merchant: slug))
    }

    func markReady(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await step(context, orders.markReady(_:merchantSlug:by:))
    }

    func markCollected(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await step(context, orders.markCollected(_:merchantSlug:by:))
    }

    func markNotCollected(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await step(context, orders.markNotCollected(_:merchantSlug:by:))
    }

    /// One of the merchant's steps that take no body: ready, collected, not collected.
    private func step(
        _ context: HubRequestContext, _ action: (OrderRequest.ID, String, User) async throws -> OrderRequest
    ) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let changed = try await action(try Self.requestID(context), slug, try context.requireUser())
        return JSONBody.response(OrderRequestPayload(changed, merchant: slug))
    }

    /// The signed-in resident's own requests, newest first.
    func myRequests(_ request: Request, context: HubRequestContext) async throws -> Response {
        let list = try await orders.myRequests(by: try context.requireUser())
        let merchants = try await orders.merchants(of: list)
        return JSONBody.response(
            ListPayload(
                items: list.map { OrderRequestPayload($0, merchant: merchants[$0.merchantID]?.slug ?? "") },
                next: nil))
    }

    func orderRequest(_ request: Request, context: HubRequestContext) async throws -> Response {
        let found = try await orders.request(try Self.requestID(context), by: try context.requireUser())
        return try await payload(found)
    }

    func cancel(_ request: Request, context: HubRequestContext) async throws -> Response {
        let cancelled = try await orders.cancel(try Self.requestID(context), by: try context.requireUser())
        return try await payload(cancelled)
    }

    private func payload(_ request: OrderRequest) async throws -> Response {
        let merchants = try await orders.merchants(of: [request])
        return JSONBody.response(
            OrderRequestPayload(request, merchant: merchants[request.merchantID]?.slug ?? ""))
    }

    static func requestID(_ context: HubRequestContext) throws -> OrderRequest.ID {
        try PathID.identifier(context, missing: OrdersNotFound.order)
    }

    /// Whether the request carries a body to read (an acceptance may come without one: everything accepted).
    static func hasBody(_ request: Request) -> Bool {
        request.headers[.contentLength] != "0" && request.headers[.contentType] != nil
    }
}

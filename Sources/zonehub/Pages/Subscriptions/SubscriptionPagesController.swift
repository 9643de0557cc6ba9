import Community
import Feeds
import Foundation
import Hummingbird

/// Subscribing to the digests (double opt-in), and the signed links of every mail: confirm, manage, and one-click
/// unsubscribe (RFC 8058: a POST with no cookie unsubscribes; a GET only shows a page).
struct SubscriptionPagesController {
    let zones: ZoneService
    let subscriptions: SubscriptionService
    let linkTokens: LinkTokens
    let mailRenderer: HubMailRenderer
    let subscriptionLimiter: RateLimiter
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/subscribe", use: form)
        router.post("/subscribe", use: subscribe)
        router.get("/subscriptions/confirm", use: confirmPage)
        router.post("/subscriptions/confirm", use: confirm)
        router.get("/subscriptions/manage", use: managePage)
        router.post("/subscriptions/manage", use: update)
        router.get("/subscriptions/unsubscribe", use: unsubscribePage)
        router.post("/subscriptions/unsubscribe", use: unsubscribe)
    }

    func form(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = request.uri.queryParameters.get("zone")
        return try await formPage(
            SubscriptionViews.Choice(zones: zone.map { [$0] } ?? [], categories: [], frequency: .weekly), email: "",
            problem: nil, context: context)
    }

    func subscribe(_ request: Request, context: HubRequestContext) async throws -> Response {
        guard try await subscriptionLimiter.allow(context.clientAddress, now: clock.now()) else {
            throw CommunityProblem.rateLimited.error("too many requests; try again in a few minutes")
        }
        let form = try await FormBody.read(request, context: context)
        let choice = SubscriptionViews.Choice(form: form)
        do {
            try await subscriptions.request(
                email: form["email"] ?? "", zoneSlugs: choice.zones, categories: form.all("categories"),
                frequency: form["frequency"] ?? "", source: source(request, context))
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await formPage(
                choice, email: form["email"] ?? "", problem: error, context: context, status: .badRequest)
        }
        // The same answer whether the address was new, pending or already subscribed.
        let page = SubscriptionRequestedPage()
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func confirmPage(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token") ?? ""
        // Checked before showing the button, so a bad link says so at once.
        _ = try linkTokens.verify(token, for: .confirm, now: clock.now())
        let page = ConfirmSubscriptionPage(token: token)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func confirm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let subscription = try await subscriptions.confirm(
            token: form["token"] ?? "", source: source(request, context))
        let page = SubscriptionConfirmedPage(
            email: subscription.email, manageURL: mailRenderer.manageURL(subscription.id))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func managePage(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token") ?? ""
        let subscription = try await subscriptions.subscription(manageToken: token)
        return try await manage(subscription, token: token, notice: nil, context: context)
    }

    func update(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let token = form["token"] ?? ""
        let choice = SubscriptionViews.Choice(form: form)
        do {
            let subscription = try await subscriptions.update(
                manageToken: token, zoneSlugs: choice.zones, categories: form.all("categories"),
                frequency: form["frequency"] ?? "", source: source(request, context))
            return try await manage(subscription, token: token, notice: .saved, context: context)
        } catch let error as CommunityError where error.category == .invalidInput {
            let subscription = try await subscriptions.subscription(manageToken: token)
            return try await manage(
                subscription, token: token, notice: .refused(error), context: context, status: .badRequest)
        }
    }

    func unsubscribePage(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token") ?? ""
        let subscription = try await subscriptions.subscription(manageToken: token)
        let page = UnsubscribePage(
            subscription: subscription, token: token, zoneSlugs: try await zoneSlugs(subscription))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    /// One-click unsubscription: the token in the address (as List-Unsubscribe gives it) or in the form.
    func unsubscribe(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let token = request.uri.queryParameters.get("token") ?? form["token"] ?? ""
        let oneClick = form["List-Unsubscribe"] == "One-Click"
        let subscription = try await subscriptions.unsubscribe(
            manageToken: token, source: oneClick ? "one-click" : source(request, context))
        let page = UnsubscribedPage(email: subscription.email)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    private func manage(
        _ subscription: Subscription, token: String, notice: ManageSubscriptionPage.Notice?,
        context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let zones = try await zones.active()
        let page = ManageSubscriptionPage(
            subscription: subscription, token: token, zones: zones, chosenZones: try await zoneSlugs(subscription),
            notice: notice)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func formPage(
        _ choice: SubscriptionViews.Choice, email: String, problem: CommunityError?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = SubscribePage(choice: choice, email: email, zones: try await zones.active(), problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func zoneSlugs(_ subscription: Subscription) async throws -> [String] {
        let zones = try await zones.active()
        return subscription.preferences.zoneIDs.compactMap { id in zones.first { $0.id == id }?.slug }
    }

    /// Where a request came from, for the proof of consent.
    private func source(_ request: Request, _ context: HubRequestContext) -> String {
        "web \(context.clientAddress) \(request.headers[.userAgent] ?? "")"
    }
}

import Community
import Foundation
import Hummingbird
import Moderation
import Photos

/// Zone admins' pages: the queue, decisions, rules, trust and the audit log; and anyone's report and the public
/// transparency page. Each page's markup is its view's (`ModerationQueuePage`, `RulesPage`, …).
struct ModerationPagesController {
    let zones: ZoneService
    let moderation: ModerationQueue
    let merchants: MerchantService
    let posts: PostService
    let photos: PhotoService
    /// Twenty reports per account an hour.
    let reportLimiter: RateLimiter
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/moderation", use: queue)
        router.post("/zones/:slug/moderation/bulk", use: bulk)
        router.post("/zones/:slug/moderation/:id/:action", use: decide)
        router.get("/zones/:slug/moderation/audit", use: audit)
        router.get("/zones/:slug/moderation/rules", use: rules)
        router.post("/zones/:slug/moderation/rules", use: saveRules)
        router.post("/zones/:slug/moderation/trust", use: trust)
        router.post("/posts/:id/remove", use: remove)
        router.post("/posts/:id/report", use: report)
        router.get("/zones/:slug/transparency", use: transparency)
    }

    func report(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        try await reportLimiter.allowReport(by: user, now: clock.now())
        let form = try await FormBody.read(request, context: context)
        let received: Bool
        do {
            try await moderation.report(
                id, reason: try ReportReason.parse(form["reason"] ?? ""), note: form.text("note"), by: user)
            received = true
        } catch let error as CommunityError where error.code == ModerationProblem.alreadyReported.code {
            received = false
        }
        let page = ReportReceivedPage(post: id, isNew: received)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    /// Public: what moderation did in the zone, month by month, and why each post was refused or removed.
    func transparency(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let (months, statements) = try await moderation.transparency(zone)
        let page = TransparencyPage(zone: zone, months: months, statements: statements)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, zone: ZoneLink(zone),
            crumbs: [])
    }

    func queue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        guard let flash = QueueFlash(request) else {
            return try await queuePage(zone, user: user, context: context)
        }
        // The decided post as the admin may still read it: its title and, once approved, when it appears.
        let decided = try? await posts.post(flash.post, viewer: user)
        return try await queuePage(
            zone, user: user, notice: flash.text(decided, context.language), before: flash.next, context: context)
    }

    private func queuePage(
        _ zone: Zone, user: User, notice: String? = nil, before: Post.ID? = nil, problem: String? = nil,
        context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let items = try await moderation.list(zone, by: user)
        let page = ModerationQueuePage(
            zone: zone, items: items, photos: try await photos.photos(of: items.map(\.post)), notice: notice,
            noticeBefore: before, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status,
            zone: ZoneLink(zone))
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let id = try PathID.post(context)
        let form = try await FormBody.read(request, context: context)
        let action: DecisionAction
        switch context.parameters.get("action") {
        case "approve": action = .approve
        case "reject": action = .reject
        case "request-changes": action = .requestChanges
        default: throw HTTPError(.notFound)
        }
        let reason = try form["reason"].map { try ReasonCode.parse($0) }
        do {
            try await moderation.decide(id, action: action, reason: reason, note: form.text("note"), by: user)
        } catch let error as CommunityError where error.category == .conflict || error.category == .invalidInput {
            return try await queuePage(
                zone, user: user, problem: UserMessages.text(error, context.language), context: context,
                status: ErrorMiddleware.status(of: error.category))
        }
        let next = form["next"].flatMap { Int64($0) }.map(Post.ID.init)
        return PageRenderer.redirect(
            to: QueueFlash(outcome: .init(action), post: id, next: next).on("/zones/\(zone.slug)/moderation"))
    }

    func bulk(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let form = try await FormBody.read(request, context: context)
        let action: DecisionAction = form["action"] == "reject" ? .reject : .approve
        let ids = form.all("ids").compactMap { Int64($0) }.map { Post.ID($0) }
        let reason = action == .reject ? try form["reason"].map { try ReasonCode.parse($0) } : nil
        let results = await moderation.decideAll(ids, action: action, reason: reason, by: user)
        let notice = ModerationQueuePage.bulkNotice(results, context.language)
        return try await queuePage(zone, user: user, notice: notice, context: context)
    }

    func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        let form = try await FormBody.read(request, context: context)
        let reason = try ReasonCode.parse(form["reason"] ?? "")
        try await moderation.decide(id, action: .remove, reason: reason, note: form.text("note"), by: user)
        return PageRenderer.redirect(to: "/posts/\(id.rawValue)")
    }

    func trust(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let form = try await FormBody.read(request, context: context)
        let setting = form["setting"].flatMap(TrustSetting.init(rawValue:))
        try await moderation.setTrust(setting, merchantSlug: form["merchant"] ?? "", zone: zone, by: user)
        return PageRenderer.redirect(to: "/zones/\(zone.slug)/moderation/rules")
    }

    func audit(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let page = AuditLogPage(zone: zone, lines: try await moderation.auditLog(zone, by: user))
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, zone: ZoneLink(zone))
    }

    func rules(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        return try await rulesPage(
            zone, rules: try await moderation.rules(zone, by: user), error: nil, context: context)
    }

    func saveRules(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let form = try await FormBody.read(request, context: context)
        var rules = try await moderation.rules(zone, by: user)
        do {
            rules = try RulesForm.rules(form)
            try await moderation.setRules(rules, zone: zone, by: user)
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await rulesPage(zone, rules: rules, error: error, context: context, status: .badRequest)
        }
        return PageRenderer.redirect(to: "/zones/\(zone.slug)/moderation/rules")
    }

    private func rulesPage(
        _ zone: Zone, rules: ScreeningRules, error: CommunityError?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = RulesPage(
            zone: zone, rules: rules, merchants: try await merchants.list(zone: zone, category: nil), error: error)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status,
            zone: ZoneLink(zone), crumbs: [.moderation(ZoneLink(zone), context.language)])
    }
}

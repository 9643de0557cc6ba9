import Community
import Directory
import Foundation
import Hummingbird

/// Seasonal market pages: a zone's markets with the admins' creation form, and a market's page with the merchants'
/// application forms and the admins' decisions.
struct MarketPagesController {
    let zones: ZoneService
    let markets: MarketService
    /// The hub's public address, for absolute links.
    let publicURL: String
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/markets", use: zone)
        router.post("/zones/:slug/markets", use: create)
        router.get("/markets/:slug", use: page)
        router.post("/markets/:slug/apply", use: apply)
        router.post("/markets/:slug/applications/:id/:decision", use: decide)
    }

    func zone(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await zonePage(context.parameters.require("slug"), form: nil, error: nil, context: context)
    }

    func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let zone = try await zones.zone(slug: slug)
        let form = try await FormBody.read(request, context: context)
        do {
            let timeZone = TimeZone(identifier: zone.definition.timeZone) ?? Formats.paris
            let market = try await markets.create(
                try MarketForms.draft(form, timeZone: timeZone), zoneSlug: slug, by: user)
            return PageRenderer.redirect(to: "/markets/\(market.slug)")
        } catch let error as CommunityError where [.invalidInput, .conflict].contains(error.category) {
            return try await zonePage(slug, form: form, error: error, context: context)
        }
    }

    private func zonePage(_ slug: String, form: FormBody?, error: CommunityError?, context: HubRequestContext)
        async throws -> Response
    {
        let t = context.language
        let zone = try await zones.zone(slug: slug)
        let now = clock.now()
        let cards = try await markets.current(zone: zone).map { MarketViews.card($0, at: now, t) }
        let admin = context.user?.administers(zone.id) == true
        let title = t("Marchés de saison", "Seasonal markets") + " · " + zone.name
        return PageRenderer.page(
            title,
            """
            <h1>\(t("Marchés de saison", "Seasonal markets")) — \(zone.name)</h1>
            <p class="lead">\(t("Des marchés en ligne le temps d'une saison : les commerçants de la zone y présentent leurs offres.",
                "Online markets for a season: the zone's merchants show their offers there."))</p>
            \(PopUpViews.either(cards, "<ul class=\"zones\">\(cards)</ul>", empty: t("Aucun marché en cours ou à venir.", "No current or coming market.")))
            \(admin ? MarketViews.createForm(zone: zone, form: form, error: error, t) : "")
            """, context: context, status: error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok)
    }

    func page(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await marketPage(context.parameters.require("slug"), error: nil, context: context)
    }

    func apply(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let form = try await FormBody.read(request, context: context)
        do {
            _ = try await markets.apply(
                slug, merchantSlug: form["merchant"] ?? "", postIDs: try MarketForms.offers(form), by: user)
            return PageRenderer.redirect(to: "/markets/\(slug)")
        } catch let error as CommunityError where [.invalidInput, .conflict].contains(error.category) {
            return try await marketPage(slug, error: error, context: context)
        }
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        guard let raw = context.parameters.get("id").flatMap(Int64.init) else {
            throw CommunityError.notFound("application")
        }
        let decision = try context.parameters.require("decision")
        guard ["approve", "reject"].contains(decision) else { throw CommunityError.notFound("decision") }
        do {
            _ = try await markets.decide(
                slug, application: MarketApplication.ID(raw), approve: decision == "approve", by: user)
            return PageRenderer.redirect(to: "/markets/\(slug)")
        } catch let error as CommunityError where error.category == .conflict {
            return try await marketPage(slug, error: error, context: context)
        }
    }

    private func marketPage(_ slug: String, error: CommunityError?, context: HubRequestContext) async throws
        -> Response
    {
        let t = context.language
        let (market, approved, offers) = try await markets.showcase(slug)
        let draft = market.draft
        let now = clock.now()
        var forms: HTML = ""
        if let user = context.user {
            let choices = try await markets.choices(market, for: user)
            forms = MarketViews.applyForms(market, choices: choices, open: market.acceptsApplications(at: now), t)
            if user.administers(market.zoneID) {
                let applications = try await markets.applications(market, by: user)
                forms = "\(forms)\(MarketViews.applicationsTable(market, applications, t))"
            }
        }
        let merchants: [HTML] = approved.map {
            "<li><a href=\"/merchants/\($0.merchantSlug)\">\($0.merchantName)</a></li>"
        }
        let list: HTML =
            offers.isEmpty
            ? "<p class=\"empty\">\(t("Aucune offre à présenter pour l'instant.", "No offers to show yet."))</p>"
            : "<div class=\"posts\">\(offers.map { PostCard.card($0, t) })</div>"
        let path = "/markets/\(market.slug)"
        return PageRenderer.page(
            draft.title,
            """
            <h1>\(draft.title)</h1>
            <p class="lead">\(t("Du", "From")) \(Formats.date(draft.startsAt, t)) \(t("au", "to")) \(MarketViews.lastDay(draft.endsAt, t))</p>
            <p class="meta market-phase">\(MarketViews.phase(market, at: now, t))</p>
            \(MarketViews.error(error, t))
            <div class="body">\(HTML.text(draft.description))</div>
            <h2>\(t("Les exposants", "Stallholders"))</h2>
            \(merchants.isEmpty ? "" : "<ul>\(merchants)</ul>" as HTML)
            <h2>\(t("Les offres du marché", "The market's offers"))</h2>
            \(list)
            \(forms)
            \(FeedLinks.follow("\(path)/feed", t))
            """, context: context, status: error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok,
            head:
                "\(FeedLinks.head("\(path)/feed", title: draft.title))\n\(SEOHead.tags(path: path, title: draft.title, description: draft.description, base: publicURL))"
        )
    }
}

import Catalogue
import Community
import Directory
import Foundation
import Hummingbird
import Photos

/// Seasonal market pages: a zone's markets with the admins' creation form, and a market's page with the merchants'
/// application forms and the admins' decisions. Their markup is `ZoneMarketsPage`'s and `MarketPage`'s.
struct MarketPagesController {
    let zones: ZoneService
    let markets: MarketService
    /// The stallholders' products on a market's page.
    let catalogue: CatalogueService
    let productPhotos: ProductPhotoService
    /// The markets' photos, on their pages and in the zone's list.
    let placePhotos: PlacePhotoService
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
        let zone = try await zones.zone(slug: slug)
        let current = try await markets.current(zone: zone)
        var page = ZoneMarketsPage(
            zone: zone, markets: current, now: clock.now(),
            isAdmin: context.user?.administers(zone.id) == true, form: form, error: error)
        page.photos = try await placePhotos.photos(.market, of: current.map(\.id.rawValue))
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok, zone: ZoneLink(zone), crumbs: [])
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
            throw DirectoryNotFound.application.notFound
        }
        let decision = try context.parameters.require("decision")
        guard ["approve", "reject"].contains(decision) else { throw RequestNotFound.decision.notFound }
        do {
            let form = try await FormBody.read(request, context: context)
            _ = try await markets.decide(
                slug, application: MarketApplication.ID(raw), approve: decision == "approve", reason: form["reason"],
                by: user)
            return PageRenderer.redirect(to: "/markets/\(slug)")
        } catch let error as CommunityError where [.invalidInput, .conflict].contains(error.category) {
            return try await marketPage(slug, error: error, context: context)
        }
    }

    private func marketPage(_ slug: String, error: CommunityError?, context: HubRequestContext) async throws
        -> Response
    {
        let (market, approved, offers) = try await markets.showcase(slug)
        let now = clock.now()
        var choices: [(merchant: Merchant, offers: [Post], application: MarketApplication?)] = []
        var applications: [MarketApplication]?
        if let user = context.user {
            choices = try await markets.choices(market, for: user)
            if user.administers(market.zoneID) { applications = try await markets.applications(market, by: user) }
        }
        var page = MarketPage(
            market: market, approved: approved, offers: offers, choices: choices, applications: applications,
            now: now, error: error, publicURL: publicURL)
        page.catalogue = try await MarketCatalogue.load(approved, catalogue: catalogue, photos: productPhotos)
        page.photo = try await placePhotos.photo(
            of: .market(market.id.rawValue, slug: market.slug, zone: market.zoneID))
        let zone = await zones.link(id: market.zoneID)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok, head: page.head, zone: zone,
            crumbs: zone.map { [.markets($0, context.language)] })
    }
}

import Community
import Feeds
import Foundation
import Hummingbird

/// Seasonal markets: the page and feeds anyone reads, and the API zone admins and merchants use.
struct MarketController {
    let hub: Hub
    var base: String { hub.settings.publicURL }

    func addRoutes(pages: some RouterMethods<HubRequestContext>, api: some RouterMethods<HubRequestContext>) {
        pages.get("/markets/:slug", use: page)
        for format in FeedFormat.allCases {
            pages.get(RouterPath("/markets/:slug/feed.\(format.rawValue)")) { request, context in
                try await feed(context, format: format)
            }
        }
        api.post("zones/:slug/markets", use: create)
        api.get("markets/:slug", use: market)
        api.post("markets/:slug/applications", use: apply)
        api.post("markets/:slug/applications/:id/decision", use: decide)
    }

    func page(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let (market, approved, offers) = try await hub.markets.showcase(context.parameters.require("slug"))
        let draft = market.draft
        let phase: String =
            switch market.phase(at: hub.clock.now()) {
            case .announced:
                t("Inscriptions à partir du", "Applications open on") + " " + Formats.date(draft.applicationsOpenAt, t)
            case .applicationsOpen:
                t("Inscriptions ouvertes jusqu'au", "Applications open until") + " "
                    + Formats.date(draft.applicationsCloseAt, t)
            case .preparing: t("Le marché ouvre le", "The market opens on") + " " + Formats.date(draft.startsAt, t)
            case .running: t("Marché ouvert jusqu'au", "Market open until") + " " + Formats.date(draft.endsAt, t)
            case .ended: t("Ce marché est terminé.", "This market has ended.")
            }
        let merchants: [HTML] = approved.map {
            "<li><a href=\"/merchants/\($0.merchantSlug)\">\($0.merchantName)</a></li>"
        }
        let list: HTML =
            offers.isEmpty
            ? "<p class=\"empty\">\(t("Aucune offre à présenter pour l'instant.", "No offers to show yet."))</p>"
            : "<div class=\"posts\">\(offers.map { PostCard.card($0, t) })</div>"
        return PageRenderer.page(
            draft.title,
            """
            <h1>\(draft.title)</h1>
            <p class="lead">\(t("Du", "From")) \(Formats.date(draft.startsAt, t)) \(t("au", "to")) \(Formats.date(draft.endsAt, t))</p>
            <p class="meta market-phase">\(phase)</p>
            <div class="body">\(HTML.text(draft.description))</div>
            <h2>\(t("Les exposants", "Stallholders"))</h2>
            \(merchants.isEmpty ? "" : "<ul>\(merchants)</ul>" as HTML)
            <h2>\(t("Les offres du marché", "The market's offers"))</h2>
            \(list)
            \(FeedLinks.follow("/markets/\(market.slug)/feed", t))
            """, context: context,
            head:
                "\(FeedLinks.head("/markets/\(market.slug)/feed", title: draft.title))\n\(SEOHead.tags(path: "/markets/\(market.slug)", title: draft.title, description: draft.description, base: base))"
        )
    }

    func feed(_ context: HubRequestContext, format: FeedFormat) async throws -> Response {
        let (market, _, offers) = try await hub.markets.showcase(context.parameters.require("slug"))
        let feed = FeedDescriptor(
            title: market.draft.title, subtitle: String(market.draft.description.prefix(280)),
            pageURL: "\(base)/markets/\(market.slug)", feedBaseURL: "\(base)/markets/\(market.slug)/feed")
        let text = FeedRenderer.render(
            feed, posts: Array(offers.prefix(FeedRenderer.itemLimit)), format: format, baseURL: base,
            hub: hub.settings.webSubHub)
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        headers[.cacheControl] = "public, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let draft = try await JSONBody.decode(MarketDraft.self, from: request, context: context)
        let market = try await hub.markets.create(draft, zoneSlug: context.parameters.require("slug"), by: user)
        return JSONBody.response(MarketPayload(market, applications: [], baseURL: base), status: .created)
    }

    func market(_ request: Request, context: HubRequestContext) async throws -> Response {
        let market = try await hub.markets.market(context.parameters.require("slug"))
        // Zone admins see every application; everyone else the approved ones.
        var applications = try await hub.markets.showcase(market.slug).1
        if let user = context.user, user.administers(market.zoneID) {
            applications = try await hub.markets.applications(market, by: user)
        }
        return JSONBody.response(MarketPayload(market, applications: applications, baseURL: base))
    }

    func apply(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(MarketApplicationRequest.self, from: request, context: context)
        let application = try await hub.markets.apply(
            context.parameters.require("slug"), merchantSlug: body.merchant, postIDs: body.posts.map { Post.ID($0) },
            by: user)
        return JSONBody.response(MarketApplicationPayload(application), status: .created)
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(MarketDecisionRequest.self, from: request, context: context)
        guard let raw = context.parameters.get("id").flatMap(Int64.init) else {
            throw CommunityError.notFound("application")
        }
        guard ["approve", "reject"].contains(body.decision) else {
            throw CommunityError.invalid("decision", "approve or reject")
        }
        let application = try await hub.markets.decide(
            context.parameters.require("slug"), application: MarketApplication.ID(raw),
            approve: body.decision == "approve", by: user)
        return JSONBody.response(MarketApplicationPayload(application))
    }
}

struct MarketApplicationRequest: Codable {
    let merchant: String
    let posts: [Int64]
}

struct MarketDecisionRequest: Codable {
    let decision: String
}

/// A market as the API shows it.
struct MarketPayload: Codable {
    let slug: String
    let title: String
    let description: String
    let startsAt: Date
    let endsAt: Date
    let applicationsOpenAt: Date
    let applicationsCloseAt: Date
    let url: String
    let applications: [MarketApplicationPayload]

    init(_ market: Market, applications: [MarketApplication], baseURL: String) {
        slug = market.slug
        title = market.draft.title
        description = market.draft.description
        startsAt = market.draft.startsAt
        endsAt = market.draft.endsAt
        applicationsOpenAt = market.draft.applicationsOpenAt
        applicationsCloseAt = market.draft.applicationsCloseAt
        url = "\(baseURL)/markets/\(market.slug)"
        self.applications = applications.map(MarketApplicationPayload.init)
    }
}

struct MarketApplicationPayload: Codable {
    let id: Int64
    let merchant: String
    let status: String
    let posts: [Int64]

    init(_ application: MarketApplication) {
        id = application.id.rawValue
        merchant = application.merchantSlug
        status = application.status.rawValue
        posts = application.postIDs.map(\.rawValue)
    }
}

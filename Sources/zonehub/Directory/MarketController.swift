import Community
import Directory
import Foundation
import Hummingbird

/// Seasonal markets through the API that zone admins and merchants use (their pages are `MarketPagesController`).
struct MarketController {
    let markets: MarketService
    /// The hub's public address, for absolute links.
    let publicURL: String
    var base: String { publicURL }

    func addRoutes(pages: some RouterMethods<HubRequestContext>, api: some RouterMethods<HubRequestContext>) {
        api.post("zones/:slug/markets", use: create)
        api.get("markets/:slug", use: market)
        api.post("markets/:slug/applications", use: apply)
        api.post("markets/:slug/applications/:id/decision", use: decide)
    }

    func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let draft = try await JSONBody.decode(MarketDraft.self, from: request, context: context)
        let market = try await markets.create(draft, zoneSlug: context.parameters.require("slug"), by: user)
        return JSONBody.response(MarketPayload(market, applications: [], baseURL: base), status: .created)
    }

    func market(_ request: Request, context: HubRequestContext) async throws -> Response {
        let market = try await markets.market(context.parameters.require("slug"))
        // Zone admins see every application; everyone else the approved ones.
        var applications = try await markets.showcase(market.slug).1
        if let user = context.user, user.administers(market.zoneID) {
            applications = try await markets.applications(market, by: user)
        }
        return JSONBody.response(MarketPayload(market, applications: applications, baseURL: base))
    }

    func apply(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(MarketApplicationRequest.self, from: request, context: context)
        let application = try await markets.apply(
            context.parameters.require("slug"), merchantSlug: body.merchant, postIDs: body.posts.map { Post.ID($0) },
            by: user)
        return JSONBody.response(MarketApplicationPayload(application), status: .created)
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(MarketDecisionRequest.self, from: request, context: context)
        guard let raw = context.parameters.get("id").flatMap(Int64.init) else {
            throw DirectoryNotFound.application.notFound
        }
        guard ["approve", "reject"].contains(body.decision) else {
            throw RequestField.decision.invalid("approve or reject")
        }
        let application = try await markets.decide(
            context.parameters.require("slug"), application: MarketApplication.ID(raw),
            approve: body.decision == "approve", reason: body.reason, by: user)
        return JSONBody.response(MarketApplicationPayload(application))
    }
}

struct MarketApplicationRequest: Codable {
    let merchant: String
    let posts: [Int64]
}

struct MarketDecisionRequest: Codable {
    let decision: String
    /// Why the application is refused; required with `reject`.
    let reason: String?
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
    let reason: String?

    init(_ application: MarketApplication) {
        id = application.id.rawValue
        merchant = application.merchantSlug
        status = application.status.rawValue
        posts = application.postIDs.map(\.rawValue)
        reason = application.reason
    }
}

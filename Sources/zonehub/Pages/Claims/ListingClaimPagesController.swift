import Community
import Foundation
import Hummingbird
import Membership
import Storage

/// Claiming a listing from the web: the claim page and its two ways, the mailed link, and the zone admins' queue.
/// The views are `ClaimPage`, `ClaimLinkPages` and `ClaimQueuePage`.
struct ListingClaimPagesController {
    let claims: ListingClaimService
    let zones: ZoneService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/merchants/:slug/claim", use: claimForm)
        router.post("/merchants/:slug/claim/link", use: requestLink)
        router.post("/merchants/:slug/claim/review", use: requestReview)
        router.get("/claims/confirm", use: confirmForm)
        router.post("/claims/confirm", use: confirm)
        router.get("/zones/:slug/moderation/claims", use: queue)
        router.post("/zones/:slug/moderation/claims/:id/:decision", use: decide)
    }

    func claimForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await claimPage(context: context, problem: nil)
    }

    func requestLink(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        do {
            let masked = try await claims.requestLink(slug: slug, by: user, client: context.clientAddress)
            let page = ClaimSentPage(
                merchant: try await claims.situation(slug: slug, viewer: user).merchant, maskedEmail: masked)
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        } catch let error as CommunityError where Self.shownOnForm.contains(error.category) {
            return try await claimPage(context: context, problem: error)
        }
    }

    func requestReview(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let body = try await FormBody.read(request, context: context)
        do {
            _ = try await claims.requestReview(
                slug: slug, siret: body.text("siret"), message: body.text("message"), by: user,
                client: context.clientAddress)
            let page = ClaimSentPage(
                merchant: try await claims.situation(slug: slug, viewer: user).merchant, maskedEmail: nil)
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        } catch let error as CommunityError where Self.shownOnForm.contains(error.category) {
            return try await claimPage(
                context: context, problem: error, siret: body.text("siret"), message: body.text("message"))
        }
    }

    func confirmForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let page = ConfirmClaimPage(
            token: request.uri.queryParameters["token"].map(String.init) ?? "", viewer: context.user)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func confirm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await FormBody.read(request, context: context)
        do {
            let page = ClaimedPage(merchant: try await claims.useLink(token: body.text("token"), by: user))
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        } catch let error as CommunityError where Self.shownOnForm.contains(error.category) {
            let page = ClaimLinkProblemPage(error: error)
            return PageRenderer.page(
                page.title(context.language), page.body(context.language), context: context,
                status: ErrorMiddleware.status(of: error.category))
        }
    }

    private var claimQueue: ZoneRequestQueue<ListingClaim> {
        ZoneRequestQueue(zones: zones, missing: MembershipNotFound.claim, page: queuePage)
    }

    func queue(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await claimQueue.show(context: context)
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        return try await claimQueue.decide(request, context: context) { id, decision, zone, user in
            switch decision {
            case .approve:
                let merchant = try await claims.approve(id, in: zone, by: user)
                return t(
                    "Fiche confiée : « \(merchant.name) » est désormais gérée par son commerce.",
                    "Listing handed over: “\(merchant.name)” is now managed by its shop.")
            case .refuse(let reason):
                try await claims.refuse(id, in: zone, reason: reason, by: user)
                return t("Demande refusée ; la personne a reçu le motif.", "Request refused; the reason was sent.")
            }
        }
    }

    /// Refusals the person can act on from the page itself; anything else goes to the error page.
    static let shownOnForm: Set<ErrorCategory> = [.invalidInput, .rateLimited, .conflict, .forbidden]

    private func claimPage(
        context: HubRequestContext, problem: CommunityError?, siret: String = "", message: String = ""
    ) async throws -> Response {
        let situation = try await claims.situation(slug: context.parameters.require("slug"), viewer: context.user)
        let page = ClaimPage(
            situation: situation, viewer: context.user, siret: siret, message: message, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: problem.map { ErrorMiddleware.status(of: $0.category) } ?? .ok)
    }

    private func queuePage(
        _ zone: Zone, user: User, notice: String?, problem: CommunityError?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = ClaimQueuePage(
            zone: zone, reviews: try await claims.pending(in: zone, for: user), notice: notice, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }
}

import Community
import Foundation
import Hummingbird

/// The operators' console (`/console`) and the zone admins' list of their merchants; the pages are `ConsolePage`
/// and `ZoneMerchantsPage`.
struct ConsoleController {
    let administration: AccountAdministration
    let zones: ZoneService
    let signInThrottle: SignInThrottle

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/console", use: console)
        router.post("/console/users/:id/:action", use: act)
        router.get("/zones/:slug/moderation/merchants", use: zoneMerchants)
        router.post("/zones/:slug/moderation/merchants/:id/:action", use: actInZone)
    }

    func console(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try request.formQuery()
        let query = form.get("q") ?? ""
        let role = form.get("role").flatMap { Role(rawValue: $0) }
        return try await consolePage(query: query, role: role, user: user, notice: nil, problem: nil, context: context)
    }

    /// One action on one account; the console then shows that account with what was done.
    func act(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.identifier(context, missing: CommunityNotFound.user) as User.ID
        let form = try await FormBody.read(request, context: context)
        let t = context.language
        do {
            let target: User
            let notice: String
            switch try context.parameters.require("action") {
            case "disable":
                target = try await administration.disable(id, by: user)
                notice = t("Compte désactivé ; ses sessions sont closes.", "Account disabled; its sessions ended.")
            case "enable":
                target = try await administration.enable(id, by: user)
                notice = t("Compte réactivé.", "Account enabled again.")
            case "grant":
                target = try await administration.grant(zone: form.text("zone"), to: id, by: user)
                notice = t("Zone donnée.", "Zone given.")
            case "revoke":
                target = try await administration.revoke(zone: form.text("zone"), from: id, by: user)
                notice = t("Zone retirée.", "Zone taken away.")
            case "unlock":
                // Operators only: the lockout is per address, kept in the database.
                let found = try await administration.account(id, by: user)
                try await signInThrottle.succeeded(email: found.email)
                target = found
                notice = t("Blocage de connexion levé.", "Sign-in lockout lifted.")
            default: throw CommunityNotFound.user.notFound
            }
            return try await consolePage(
                query: target.email, role: nil, user: user, notice: notice, problem: nil, context: context)
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .notFound {
            return try await consolePage(
                query: "", role: nil, user: user, notice: nil, problem: error, context: context,
                status: ErrorMiddleware.status(of: error.category))
        }
    }

    func zoneMerchants(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        return try await zonePage(zone, user: user, notice: nil, context: context)
    }

    func actInZone(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let id = try PathID.identifier(context, missing: CommunityNotFound.user) as User.ID
        let t = context.language
        let notice: String
        switch try context.parameters.require("action") {
        case "disable":
            _ = try await administration.disable(id, by: user)
            notice = t(
                "Commerçant suspendu : il ne peut plus se connecter.", "Merchant suspended: they cannot sign in.")
        case "enable":
            _ = try await administration.enable(id, by: user)
            notice = t("Commerçant réactivé.", "Merchant reinstated.")
        default: throw CommunityNotFound.user.notFound
        }
        return try await zonePage(zone, user: user, notice: notice, context: context)
    }

    private func consolePage(
        query: String, role: Role?, user: User, notice: String?, problem: CommunityError?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = ConsolePage(
            query: query, role: role, accounts: try await administration.find(query, role: role, by: user),
            zones: try await zones.active(), notice: notice, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func zonePage(_ zone: Zone, user: User, notice: String?, context: HubRequestContext) async throws
        -> Response
    {
        let page = ZoneMerchantsPage(
            zone: zone, accounts: try await administration.merchantAccounts(of: zone, by: user), notice: notice)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }
}

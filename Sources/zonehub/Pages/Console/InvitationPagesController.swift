import Community
import Foundation
import Hummingbird
import Membership

/// Invitations from the web: the operators' page (`/console/invitations`, any zone), each zone's admins' page
/// (`/zones/{slug}/moderation/invitations`), and the page the mailed link opens (`/invitations/accept`). The pages
/// are `InvitationsPage` and `InvitationAcceptPage`; the rules are `InvitationService`'s.
struct InvitationPagesController {
    let invitations: InvitationService
    let accounts: AccountService
    let zones: ZoneService
    let publicURL: String

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/console/invitations", use: consoleList)
        router.post("/console/invitations", use: consoleInvite)
        router.post("/console/invitations/:id/revoke", use: consoleRevoke)
        router.get("/zones/:slug/moderation/invitations", use: zoneList)
        router.post("/zones/:slug/moderation/invitations", use: zoneInvite)
        router.post("/zones/:slug/moderation/invitations/:id/revoke", use: zoneRevoke)
        router.get("/invitations/accept", use: acceptForm)
        router.post("/invitations/accept", use: accept)
    }

    func consoleList(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await listPage(zone: nil, user: try context.requireUser(), context: context)
    }

    func zoneList(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        return try await listPage(zone: zone, user: try context.requireUser(), context: context)
    }

    func consoleInvite(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await invite(zone: nil, request, context: context)
    }

    func zoneInvite(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await invite(
            zone: try await zones.zone(slug: context.parameters.require("slug")), request, context: context)
    }

    func consoleRevoke(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await revoke(zone: nil, context: context)
    }

    func zoneRevoke(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await revoke(zone: try await zones.zone(slug: context.parameters.require("slug")), context: context)
    }

    /// Sends an invitation; what was typed wrong is shown above the form, in the person's language.
    private func invite(zone: Zone?, _ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try InvitationService.checkPage(zone: zone, by: user)
        let body = try await FormBody.read(request, context: context)
        let form = InvitationsPage.Form(
            email: body.text("email"), role: body.text("role"), zoneSlug: zone?.slug ?? body.text("zone"))
        do {
            let sent = try await invitations.invite(
                email: form.email, role: form.role, zoneSlug: form.zoneSlug, by: user, client: context.clientAddress)
            let t = context.language
            let notice = t("Invitation envoyée à \(sent.email).", "Invitation sent to \(sent.email).")
            return try await listPage(zone: zone, user: user, notice: notice, context: context)
        } catch let error as CommunityError
            where [.invalidInput, .rateLimited].contains(error.category)
            || error.code == MembershipProblem.invitationRoleNotAllowed.code
        {
            return try await listPage(
                zone: zone, user: user, form: form, problem: error, context: context,
                status: ErrorMiddleware.status(of: error.category))
        }
    }

    private func revoke(zone: Zone?, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try InvitationService.checkPage(zone: zone, by: user)
        let id: Invitation.ID = try PathID.identifier(context, missing: MembershipNotFound.invitation)
        do {
            let revoked = try await invitations.revoke(id, by: user)
            let t = context.language
            let notice = t(
                "Invitation de \(revoked.email) révoquée : son lien ne fonctionne plus.",
                "Invitation of \(revoked.email) revoked: its link no longer works.")
            return try await listPage(zone: zone, user: user, notice: notice, context: context)
        } catch let error as CommunityError where error.category == .conflict {
            return try await listPage(
                zone: zone, user: user, problem: error, context: context, status: .conflict)
        }
    }

    private func listPage(
        zone: Zone?, user: User, form: InvitationsPage.Form = .empty, notice: String? = nil,
        problem: CommunityError? = nil, context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let listed = try await invitations.list(zone: zone, by: user)
        let active = try await zones.active()
        let page = InvitationsPage(
            zone: zone, zones: zone.map { [$0] } ?? active,
            roles: zone.map { InvitedRole.allowed(for: user, in: $0.id) } ?? [.zoneAdmin, .organiser],
            rows: listed.map { invitation in
                InvitationsPage.Row(
                    invitation: invitation, zoneName: active.first { $0.id == invitation.zoneID }?.name ?? "",
                    state: invitations.state(of: invitation),
                    revocable: InvitationService.mayRevoke(invitation, by: user))
            },
            form: form, notice: notice, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }
}

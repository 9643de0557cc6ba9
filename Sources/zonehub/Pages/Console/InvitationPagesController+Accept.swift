import Community
import Foundation
import Hummingbird
import Membership

extension InvitationPagesController {
    /// The page the mailed link opens: the zone and the role, then a password form, or for an address that has an
    /// account, the way to sign in and accept. Nothing is used until the form is sent.
    func acceptForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        do {
            let preview = try await invitations.preview(token: token)
            return acceptPage(preview, token: token, answer: InvitationAnswer(password: ""), context: context)
        } catch let error as CommunityError where error.code == MembershipProblem.invitationInvalid.code {
            return invalid(error, context: context)
        }
    }

    /// Accepts: with a new account (then signed in), or for the signed-in account of the invited address; then
    /// goes where the new role is used.
    func accept(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await FormBody.read(request, context: context)
        let token = body.text("token")
        let place = body.text("commune").split(separator: "|", maxSplits: 1).map(String.init)
        let answer = InvitationAnswer(
            password: body.text("password"), shopName: body.text("shopName"), category: body.text("category"),
            commune: place.count == 2 ? place[1] : "", postcode: place.count == 2 ? place[0] : "")
        let preview: InvitationPreview
        do {
            preview = try await invitations.preview(token: token)
        } catch let error as CommunityError where error.code == MembershipProblem.invitationInvalid.code {
            return invalid(error, context: context)
        }
        do {
            if preview.existingAccount {
                let user = try context.requireUser()
                _ = try await invitations.accept(token: token, shop: answer, as: user)
                return PageRenderer.redirect(to: Self.landing(preview))
            }
            guard answer.password == body.text("confirm") else {
                throw MembershipField.confirm.invalid("the two passwords differ")
            }
            let user = try await invitations.accept(token: token, answer: answer)
            let (_, session) = try await accounts.signIn(email: user.email, password: answer.password)
            if let previous = context.sessionToken { try await accounts.signOut(token: previous) }
            var response = PageRenderer.redirect(to: Self.landing(preview))
            response.setCookie(
                AccountPagesController.sessionCookie(session, secure: publicURL.hasPrefix("https:")))
            return response
        } catch let error as CommunityError where error.code == MembershipProblem.invitationInvalid.code {
            return invalid(error, context: context)
        } catch let error as CommunityError where error.category != .notFound && error.category != .unauthenticated {
            var shown = answer
            shown.password = ""
            // The address may have got an account meanwhile: the page then shows the way to sign in.
            let current = (try? await invitations.preview(token: token)) ?? preview
            return acceptPage(
                current, token: token, answer: shown, problem: error, context: context,
                status: ErrorMiddleware.status(of: error.category))
        }
    }

    /// Where the invited role is used: the zone's moderation, its pop-up venues, or the merchant's dashboard.
    static func landing(_ preview: InvitationPreview) -> String {
        switch preview.invitation.role {
        case .zoneAdmin: "/zones/\(preview.zone.slug)/moderation"
        case .organiser: "/zones/\(preview.zone.slug)/pop-ups"
        case .merchant: "/dashboard"
        }
    }

    private func acceptPage(
        _ preview: InvitationPreview, token: String, answer: InvitationAnswer, problem: CommunityError? = nil,
        context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = InvitationAcceptPage(
            preview: preview, token: token, signedIn: context.user, answer: answer, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func invalid(_ error: CommunityError, context: HubRequestContext) -> Response {
        let page = InvitationInvalidPage(error: error)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: .badRequest)
    }
}

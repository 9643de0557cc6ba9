import Community
import Foundation
import Hummingbird
import Logging
import Membership

/// Joining from the web: merchants' sign-up and address confirmation, the zone admins' sign-up queue, and the
/// forgotten password. The forms are `SignUpPage`, `LinkPages` and `SignUpQueuePage`.
struct MembershipPagesController {
    let membership: MembershipService
    let zones: ZoneService
    let logger = Logger(label: "zonehub.membership")

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/sign-up", use: signUpForm)
        router.post("/sign-up", use: signUp)
        router.get("/sign-up/resident", use: residentForm)
        router.post("/sign-up/resident", use: signUpResident)
        router.get("/sign-up/confirm", use: confirmForm)
        router.post("/sign-up/confirm", use: confirm)
        router.get("/password-reset", use: resetForm)
        router.post("/password-reset", use: requestReset)
        router.get("/password-reset/new", use: newPasswordForm)
        router.post("/password-reset/new", use: resetPassword)
        // The French words people type.
        router.get("/inscription") { _, _ in PageRenderer.redirect(to: "/sign-up") }
        router.get("/mot-de-passe-oublie") { _, _ in PageRenderer.redirect(to: "/password-reset") }
        router.get("/zones/:slug/moderation/sign-ups", use: queue)
        router.post("/zones/:slug/moderation/sign-ups/:id/:decision", use: decide)
    }

    func signUpForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await signUpPage(Self.emptyForm, problem: nil, context: context)
    }

    func signUp(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await FormBody.read(request, context: context)
        let place = body.text("commune").split(separator: "|", maxSplits: 2).map(String.init)
        let form = MerchantSignUp(
            email: body.text("email"), password: body.text("password"), shopName: body.text("shopName"),
            category: body.text("category"), zoneSlug: place.count == 3 ? place[0] : "",
            commune: place.count == 3 ? place[2] : "", postcode: place.count == 3 ? place[1] : "")
        // A robot fills the hidden field: it is answered as a person would be, and nothing is stored or sent.
        if body.text("website").isEmpty {
            do {
                try await membership.signUp(form, client: context.clientAddress)
            } catch let error as CommunityError where [.invalidInput, .rateLimited].contains(error.category) {
                return try await signUpPage(
                    form, problem: error, context: context, status: ErrorMiddleware.status(of: error.category))
            }
        }
        let page = SignUpSentPage(email: form.email.trimmingCharacters(in: .whitespaces))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func residentForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let page = ResidentSignUpPage(form: ResidentSignUp(email: "", password: "", displayName: ""), problem: nil)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func signUpResident(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await FormBody.read(request, context: context)
        let form = ResidentSignUp(
            email: body.text("email"), password: body.text("password"), displayName: body.text("displayName"))
        // A robot fills the hidden field: answered as a person would be, and nothing is stored or sent.
        if body.text("website").isEmpty {
            do {
                try await membership.signUpResident(form, client: context.clientAddress)
            } catch let error as CommunityError where [.invalidInput, .rateLimited].contains(error.category) {
                let page = ResidentSignUpPage(form: form, problem: error)
                return PageRenderer.page(
                    page.title(context.language), page.body(context.language), context: context,
                    status: ErrorMiddleware.status(of: error.category))
            }
        }
        let page = SignUpSentPage(email: form.email.trimmingCharacters(in: .whitespaces))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func confirmForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let page = ConfirmAddressPage(token: request.uri.queryParameters["token"].map(String.init) ?? "")
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func confirm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await FormBody.read(request, context: context)
        do {
            let page = AddressConfirmedPage(user: try await membership.confirm(token: body.text("token")))
            return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        } catch let error as CommunityError where error.code == MembershipProblem.linkInvalid.code {
            return invalidLink(error, context: context)
        }
    }

    func resetForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let page = PasswordResetRequestPage(email: "", problem: CommunityError?.none, sent: false)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    /// Answers at once and the same way whether the address has an account or not; the lookup and the mail
    /// happen after the answer, so that its time tells nothing either.
    func requestReset(_ request: Request, context: HubRequestContext) async throws -> Response {
        let email = try await FormBody.read(request, context: context).text("email")
            .trimmingCharacters(in: .whitespaces)
        do {
            _ = try AccountService.normalizedEmail(email, field: MembershipField.email)
        } catch {
            let page = PasswordResetRequestPage(email: email, problem: error, sent: false)
            return PageRenderer.page(
                page.title(context.language), page.body(context.language), context: context, status: .badRequest)
        }
        let (membership, logger, client) = (self.membership, self.logger, context.clientAddress)
        Task {
            do {
                try await membership.requestPasswordReset(email: email, client: client)
            } catch {
                logger.notice("password reset not sent", metadata: ["error": "\(error)"])
            }
        }
        let page = PasswordResetRequestPage(email: email, problem: CommunityError?.none, sent: true)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func newPasswordForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        guard try await membership.resetLinkIsLive(token) else {
            return invalidLink(MembershipProblem.linkInvalid.error("this link is no longer valid"), context: context)
        }
        return newPasswordPage(token: token, problem: nil, context: context)
    }

    func resetPassword(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await FormBody.read(request, context: context)
        let token = body.text("token")
        guard body.text("password") == body.text("confirm") else {
            return newPasswordPage(
                token: token, problem: MembershipField.confirm.invalid("the two passwords differ"), context: context)
        }
        do {
            _ = try await membership.resetPassword(token: token, password: body.text("password"))
        } catch let error as CommunityError where error.code == MembershipProblem.linkInvalid.code {
            return invalidLink(error, context: context)
        } catch let error as CommunityError where error.category == .invalidInput {
            return newPasswordPage(token: token, problem: error, context: context)
        }
        // The browser's own session (if any) ended with the others: the cookie goes too.
        let page = PasswordChangedPage()
        var response = PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
        response.setCookie(AccountPagesController.signedOutCookie)
        return response
    }

    private var signUpQueue: ZoneRequestQueue<User> {
        ZoneRequestQueue(zones: zones, missing: MembershipNotFound.signUp, page: queuePage)
    }

    func queue(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await signUpQueue.show(context: context)
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        return try await signUpQueue.decide(request, context: context) { id, decision, _, user in
            switch decision {
            case .approve:
                let merchant = try await membership.approve(id, by: user)
                return t(
                    "Inscription acceptée : « \(merchant.profile.name) » peut publier.",
                    "Sign-up approved: “\(merchant.profile.name)” can post.")
            case .refuse(let reason):
                try await membership.refuse(id, reason: reason, by: user)
                return t("Inscription refusée ; la personne a reçu le motif.", "Sign-up refused; the reason was sent.")
            }
        }
    }

    private func queuePage(
        _ zone: Zone, user: User, notice: String?, problem: CommunityError?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = SignUpQueuePage(
            zone: zone, signUps: try await membership.pending(in: zone, for: user), notice: notice, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func signUpPage(
        _ form: MerchantSignUp, problem: CommunityError?, context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var shown = form
        shown.password = ""
        let page = SignUpPage(zones: try await zones.active(), form: shown, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func newPasswordPage(token: String, problem: CommunityError?, context: HubRequestContext) -> Response {
        let page = NewPasswordPage(token: token, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: problem == nil ? .ok : .badRequest)
    }

    private func invalidLink(_ error: CommunityError, context: HubRequestContext) -> Response {
        let page = InvalidLinkPage(error: error)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: .badRequest)
    }

    static let emptyForm = MerchantSignUp(
        email: "", password: "", shopName: "", category: "", zoneSlug: "", commune: "", postcode: "")
}

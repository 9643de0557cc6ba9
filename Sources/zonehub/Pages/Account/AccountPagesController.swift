import Community
import Foundation
import Hummingbird

/// Signing in and out of the pages, with an HttpOnly, SameSite session cookie; the forms are `SignInPage` and
/// `PasswordPage`.
struct AccountPagesController {
    let accounts: AccountService
    let signInThrottle: SignInThrottle
    /// The hub's public address, for absolute links.
    let publicURL: String
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/sign-in", use: signInForm)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
        router.get("/dashboard/password", use: passwordForm)
        router.post("/dashboard/password", use: changePassword)
    }

    func passwordForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.requireUser()
        return passwordPage(nil, context: context)
    }

    /// Changes the password after checking the current one; every other session ends.
    func changePassword(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormBody.read(request, context: context)
        guard form.text("new") == form.text("confirm") else {
            return passwordPage(.confirmationDiffers, context: context, status: .badRequest)
        }
        do {
            try await accounts.changePassword(for: user, current: form.text("current"), new: form.text("new"))
        } catch let error as CommunityError where error.category == .invalidInput || error == .badCredentials {
            let problem: PasswordPage.Problem =
                error == .badCredentials ? .wrongCurrentPassword : .invalidNewPassword
            return passwordPage(problem, context: context, status: .badRequest)
        }
        // The old session went with the old password: sign in again with the new one.
        let (_, token) = try await accounts.signIn(email: user.email, password: form.text("new"))
        var response = PageRenderer.redirect(to: "/dashboard")
        response.setCookie(Self.sessionCookie(token, secure: publicURL.hasPrefix("https:")))
        return response
    }

    private func passwordPage(
        _ problem: PasswordPage.Problem?, context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = PasswordPage(problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    func signInForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        if context.user != nil { return PageRenderer.redirect(to: "/dashboard") }
        return form(email: "", problem: nil, context: context)
    }

    func signIn(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let email = form["email"] ?? ""
        do {
            let (_, token) = try await accounts.signIn(
                email: email, password: form.text("password"), client: context.clientAddress,
                throttle: signInThrottle, now: clock.now())
            // A new session on every sign-in: a session the browser held before (another account's, or one someone
            // planted) ends here.
            if let previous = context.sessionToken { try await accounts.signOut(token: previous) }
            var response = PageRenderer.redirect(to: "/dashboard")
            response.setCookie(Self.sessionCookie(token, secure: publicURL.hasPrefix("https:")))
            return response
        } catch let error as CommunityError where error == .badCredentials {
            return self.form(email: email, problem: .badCredentials, context: context)
        } catch let error as CommunityError where error.code == RequestProblem.signInLocked.code {
            return self.form(email: email, problem: .refused(error), context: context, status: .tooManyRequests)
        } catch let error as CommunityError where error.category == .forbidden {
            // The right password for an account that cannot sign in yet (or any more): say why.
            return self.form(email: email, problem: .refused(error), context: context, status: .forbidden)
        }
    }

    func signOut(_ request: Request, context: HubRequestContext) async throws -> Response {
        if let token = context.sessionToken { try await accounts.signOut(token: token) }
        var response = PageRenderer.redirect(to: "/")
        response.setCookie(Self.signedOutCookie)
        return response
    }

    /// Tells the browser to forget its session cookie.
    static let signedOutCookie = Cookie(
        name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax)

    static func sessionCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: token, maxAge: Int(AccountService.sessionLifetime), path: "/",
            secure: secure, httpOnly: true, sameSite: .lax)
    }

    private func form(
        email: String, problem: SignInPage.Problem?, context: HubRequestContext,
        status: HTTPResponse.Status = .unauthorized
    ) -> Response {
        let page = SignInPage(email: email, problem: problem)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: problem == nil ? .ok : status)
    }
}

import Community
import Foundation
import Hummingbird

/// Signing in and out of the pages, with an HttpOnly, SameSite session cookie.
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
        return passwordPage(message: nil, context: context)
    }

    /// Changes the password after checking the current one; every other session ends.
    func changePassword(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormBody.read(request, context: context)
        let t = context.language
        guard form.text("new") == form.text("confirm") else {
            return passwordPage(
                message: t("Les deux nouveaux mots de passe diffèrent.", "The two new passwords differ."),
                context: context, status: .badRequest)
        }
        do {
            try await accounts.changePassword(for: user, current: form.text("current"), new: form.text("new"))
        } catch let error as CommunityError where error.category == .invalidInput || error == .badCredentials {
            let text =
                error == .badCredentials
                ? t("Le mot de passe actuel est incorrect.", "The current password is wrong.")
                : t(
                    "Le nouveau mot de passe doit compter de 10 à 72 caractères.",
                    "The new password must be 10 to 72 characters long.")
            return passwordPage(message: text, context: context, status: .badRequest)
        }
        // The old session went with the old password: sign in again with the new one.
        let (_, token) = try await accounts.signIn(email: user.email, password: form.text("new"))
        var response = PageRenderer.redirect(to: "/dashboard")
        response.setCookie(Self.sessionCookie(token, secure: publicURL.hasPrefix("https:")))
        return response
    }

    private func passwordPage(message: String?, context: HubRequestContext, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let t = context.language
        let problem: HTML = message.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return PageRenderer.page(
            t("Mot de passe", "Password"),
            """
            <h1>\(t("Changer de mot de passe", "Change password"))</h1>
            \(problem)
            <form method="post" action="/dashboard/password" class="stacked">
            <label for="current">\(t("Mot de passe actuel", "Current password"))</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required>
            <label for="new">\(t("Nouveau mot de passe (10 caractères au moins)", "New password (at least 10 characters)"))</label>
            <input id="new" name="new" type="password" autocomplete="new-password" required minlength="10" maxlength="72">
            <label for="confirm">\(t("Nouveau mot de passe, encore", "New password, again"))</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
            <button type="submit">\(t("Changer", "Change"))</button>
            </form>
            """, context: context, status: status)
    }

    func signInForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        if context.user != nil { return PageRenderer.redirect(to: "/dashboard") }
        return form(email: "", error: nil, context: context)
    }

    func signIn(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let email = form["email"] ?? ""
        let t = context.language
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
            return self.form(
                email: email,
                error: t(
                    "Adresse e-mail inconnue ou mot de passe incorrect.",
                    "Unknown email or wrong password."), context: context)
        } catch let error as CommunityError where error.code == "sign_in_locked" {
            return self.form(
                email: email, error: UserMessages.text(error, t), context: context, status: .tooManyRequests)
        }
    }

    func signOut(_ request: Request, context: HubRequestContext) async throws -> Response {
        if let token = context.sessionToken { try await accounts.signOut(token: token) }
        var response = PageRenderer.redirect(to: "/")
        response.setCookie(
            Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    static func sessionCookie(_ token: String, secure: Bool) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: token, maxAge: Int(AccountService.sessionLifetime), path: "/",
            secure: secure, httpOnly: true, sameSite: .lax)
    }

    private func form(
        email: String, error: String?, context: HubRequestContext, status: HTTPResponse.Status = .unauthorized
    ) -> Response {
        let t = context.language
        let message: HTML = error.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return PageRenderer.page(
            t("Connexion", "Sign in"),
            """
            <h1>\(t("Connexion", "Sign in"))</h1>
            \(message)
            <form method="post" action="/sign-in" class="stacked">
            <label for="email">\(t("Adresse e-mail", "Email address"))</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="\(email)">
            <label for="password">\(t("Mot de passe", "Password"))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">\(t("Se connecter", "Sign in"))</button>
            </form>
            """, context: context, status: error == nil ? .ok : status)
    }
}

import Community
import Foundation
import Hummingbird

/// Signing in and out of the pages, with an HttpOnly, SameSite session cookie.
struct AccountPagesController {
    let hub: Hub

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/sign-in", use: signInForm)
        router.post("/sign-in", use: signIn)
        router.post("/sign-out", use: signOut)
    }

    func signInForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        if context.user != nil { return PageRenderer.redirect(to: "/dashboard") }
        return form(email: "", error: nil, context: context)
    }

    func signIn(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let email = form["email"] ?? ""
        do {
            let (_, token) = try await hub.accounts.signIn(email: email, password: form.text("password"))
            var response = PageRenderer.redirect(to: "/dashboard")
            response.setCookie(Self.sessionCookie(token, secure: hub.settings.publicURL.hasPrefix("https:")))
            return response
        } catch let error as CommunityError where error == .badCredentials {
            let t = context.language
            return self.form(
                email: email, error: t("Adresse e-mail inconnue ou mot de passe incorrect.",
                    "Unknown email or wrong password."), context: context)
        }
    }

    func signOut(_ request: Request, context: HubRequestContext) async throws -> Response {
        if let token = context.sessionToken { try await hub.accounts.signOut(token: token) }
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

    private func form(email: String, error: String?, context: HubRequestContext) -> Response {
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
            """, context: context, status: error == nil ? .ok : .unauthorized)
    }
}

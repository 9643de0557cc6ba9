import Community

/// The sign-in form, with the address typed and why the last try failed.
struct SignInPage {
    /// Why signing in failed.
    enum Problem {
        /// No such account, or the wrong password: the page does not say which.
        case badCredentials
        case refused(CommunityError)
    }

    let email: String
    let problem: Problem?

    func title(_ t: Language) -> String { t("Connexion", "Sign in") }

    func body(_ t: Language) -> HTML {
        let message: HTML = text(t).map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <h1>\(t("Connexion", "Sign in"))</h1>
            \(message)
            <form method="post" action="/sign-in" class="stacked">
            <label for="email">\(t("Adresse e-mail", "Email address"))</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="\(email)">
            <label for="password">\(t("Mot de passe", "Password"))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">\(t("Se connecter", "Sign in"))</button>
            </form>
            <p><a href="/password-reset">\(t("Mot de passe oublié ?", "Forgotten password?"))</a></p>
            <p>\(t("Commerçant, artisan ou producteur sans compte ?", "A merchant, maker or grower without an account?")) \
            <a href="/sign-up">\(t("Inscrire mon commerce", "Register my shop"))</a></p>
            <p>\(t("Habitant, pour signaler une annonce ou gérer votre résumé ?", "A resident, to report a post or manage your digest?")) \
            <a href="/sign-up/resident">\(t("Créer un compte", "Create an account"))</a></p>
            """
    }

    private func text(_ t: Language) -> String? {
        switch problem {
        case nil: nil
        case .badCredentials:
            t("Adresse e-mail inconnue ou mot de passe incorrect.", "Unknown email or wrong password.")
        case .refused(let error): UserMessages.text(error, t)
        }
    }
}

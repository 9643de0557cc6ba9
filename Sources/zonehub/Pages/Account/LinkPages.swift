import Community
import Membership
import Storage

/// The page a mailed verification link opens: a button that confirms, so that a mail scanner following the link
/// does not use it up.
struct ConfirmAddressPage {
    let token: String

    func title(_ t: Language) -> String { t("Confirmer mon adresse", "Confirm my address") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <form method="post" action="/sign-up/confirm" class="stacked">
        <input type="hidden" name="token" value="\(token)">
        <button type="submit">\(t("Confirmer mon adresse e-mail", "Confirm my email address"))</button>
        </form>
        """
    }
}

/// What a confirmed address leads to: an active account, or a wait for the zone's admins.
struct AddressConfirmedPage {
    let user: User

    func title(_ t: Language) -> String { t("Adresse confirmée", "Address confirmed") }

    func body(_ t: Language) -> HTML {
        let next: HTML =
            user.status == .active
            ? """
            <p class="notice" role="status">\(t("Votre compte est actif.", "Your account is active."))</p>
            <p><a class="button" href="/sign-in">\(t("Se connecter", "Sign in"))</a></p>
            """
            : """
            <p class="notice" role="status">\(t(
                "Merci ! Un administrateur de la zone va examiner votre inscription ; vous recevrez un e-mail dès qu'elle sera acceptée.",
                "Thank you! An admin of the zone will look at your sign-up; you will get an email as soon as it is approved."))</p>
            """
        return "<h1>\(title(t))</h1>\(next)"
    }
}

/// A link that no longer works (expired, used, replaced or altered), and what to do instead.
struct InvalidLinkPage {
    let error: CommunityError

    func title(_ t: Language) -> String { t("Lien expiré", "Link expired") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        \(UserMessages.alert(error, t))
        <ul>
        <li><a href="/sign-up">\(t("S'inscrire à nouveau (un nouveau lien est envoyé)", "Sign up again (a new link is sent)"))</a></li>
        <li><a href="/password-reset">\(t("Recevoir un nouveau lien pour le mot de passe", "Get a new password link"))</a></li>
        <li><a href="/sign-in">\(t("Se connecter", "Sign in"))</a></li>
        </ul>
        """
    }
}

/// "Mot de passe oublié": the address to send the link to, and then the same answer whatever the address.
struct PasswordResetRequestPage {
    let email: String
    let problem: (any CategorizedError)?
    /// True once the request is taken: the page says a link is on its way if the account exists.
    let sent: Bool

    func title(_ t: Language) -> String { t("Mot de passe oublié", "Forgotten password") }

    func body(_ t: Language) -> HTML {
        if sent {
            return """
                <h1>\(title(t))</h1>
                <p class="notice" role="status">\(t(
                    "Si un compte utilise l'adresse \(email), un lien pour choisir un nouveau mot de passe vient de lui être envoyé. Il est valable une heure.",
                    "If an account uses \(email), a link to choose a new password was just sent to it. It works for one hour."))</p>
                <p><a href="/sign-in">\(t("Retour à la connexion", "Back to sign in"))</a></p>
                """
        }
        return """
            <h1>\(title(t))</h1>
            \(UserMessages.alert(problem, t))
            <form method="post" action="/password-reset" class="stacked">
            <label for="email">\(t("Adresse e-mail du compte", "The account's email address"))</label>
            <input id="email" name="email" type="email" required autocomplete="email" value="\(email)">
            <button type="submit">\(t("Recevoir un lien", "Send me a link"))</button>
            </form>
            """
    }
}

/// The form a reset link opens: the new password, twice.
struct NewPasswordPage {
    let token: String
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String { t("Nouveau mot de passe", "New password") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        \(UserMessages.alert(problem, t))
        <form method="post" action="/password-reset/new" class="stacked">
        <input type="hidden" name="token" value="\(token)">
        <label for="password">\(t("Nouveau mot de passe (10 caractères au moins)", "New password (at least 10 characters)"))</label>
        <input id="password" name="password" type="password" required minlength="10" maxlength="72" autocomplete="new-password">
        <label for="confirm">\(t("Nouveau mot de passe, encore", "New password, again"))</label>
        <input id="confirm" name="confirm" type="password" required autocomplete="new-password">
        <button type="submit">\(t("Enregistrer", "Save"))</button>
        </form>
        """
    }
}

/// After a reset: every device was signed out; sign in with the new password.
struct PasswordChangedPage {
    func title(_ t: Language) -> String { t("Mot de passe changé", "Password changed") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <p class="notice" role="status">\(t(
            "Votre nouveau mot de passe est enregistré, et tous vos appareils ont été déconnectés.",
            "Your new password is saved, and every device was signed out."))</p>
        <p><a class="button" href="/sign-in">\(t("Se connecter", "Sign in"))</a></p>
        """
    }
}

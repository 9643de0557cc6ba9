import Community
import Membership
import Storage

/// The page an invitation's link opens: who is invited to what, in which zone; a password to choose (and the shop,
/// for a merchant), or, when the address already has an account, the way to sign in and accept with it.
struct InvitationAcceptPage {
    let preview: InvitationPreview
    let token: String
    let signedIn: User?
    /// What was typed, shown again with the problem (never the password).
    let answer: InvitationAnswer
    let problem: (any CategorizedError)?

    var invitation: Invitation { preview.invitation }

    func title(_ t: Language) -> String { t("Accepter une invitation", "Accept an invitation") }

    func body(_ t: Language) -> HTML {
        let role = invitation.role
        return """
            <h1>\(title(t))</h1>
            <p>\(t(
                "Vous êtes invité à devenir \(role.french) de la zone \(preview.zone.name), avec l'adresse \(invitation.email).",
                "You are invited to become a \(role.english) of the zone \(preview.zone.name), with the address \(invitation.email)."))</p>
            \(UserMessages.alert(problem, t))
            \(preview.existingAccount ? existingAccount(t) : newAccount(t))
            """
    }

    /// A new account: the password twice, and the shop for a merchant.
    private func newAccount(_ t: Language) -> HTML {
        """
        <form method="post" action="/invitations/accept" class="stacked">
        <input type="hidden" name="token" value="\(token)">
        \(shopFields(t))
        <label for="password">\(t("Choisissez un mot de passe (10 caractères au moins)", "Choose a password (at least 10 characters)"))</label>
        <input id="password" name="password" type="password" required minlength="10" maxlength="72" autocomplete="new-password">
        <label for="confirm">\(t("Le même mot de passe, encore", "The same password, again"))</label>
        <input id="confirm" name="confirm" type="password" required autocomplete="new-password">
        <button type="submit">\(t("Accepter et créer mon compte", "Accept and create my account"))</button>
        </form>
        """
    }

    /// The address has an account: accept with it once signed in with it.
    private func existingAccount(_ t: Language) -> HTML {
        guard let signedIn, signedIn.email.lowercased() == invitation.email else {
            let other: HTML =
                signedIn == nil
                ? ""
                : "<p>\(t("Vous êtes connecté avec un autre compte : déconnectez-vous d'abord.", "You are signed in with another account: sign out first."))</p>"
            return """
                <p class="notice" role="status">\(t(
                    "Un compte utilise déjà cette adresse : le rôle lui sera ajouté. Connectez-vous avec cette adresse, puis ouvrez à nouveau le lien du message.",
                    "An account already uses this address: the role will be added to it. Sign in with this address, then open the link in the message again."))</p>
                \(other)
                <p><a class="button" href="/sign-in">\(t("Se connecter", "Sign in"))</a> \
                <a href="/password-reset">\(t("Mot de passe oublié ?", "Forgot your password?"))</a></p>
                """
        }
        return """
            <form method="post" action="/invitations/accept" class="stacked">
            <input type="hidden" name="token" value="\(token)">
            \(shopFields(t))
            <button type="submit">\(t("Accepter l'invitation", "Accept the invitation"))</button>
            </form>
            """
    }

    /// For a merchant: the shop's name, activity and commune in the zone; its profile is created on accepting.
    private func shopFields(_ t: Language) -> HTML {
        guard invitation.role == .merchant else { return "" }
        let categories = Category.allCases.map { category -> HTML in
            let selected: HTML = category.rawValue == answer.category ? " selected" : ""
            return
                "<option value=\"\(category.rawValue)\"\(selected)>\(t(category.label, category.englishLabel))</option>"
        }
        let communes = preview.zone.definition.communes.flatMap { commune in
            commune.postcodes.map { postcode -> HTML in
                let chosen = postcode == answer.postcode && commune.name == answer.commune
                return
                    "<option value=\"\(postcode)|\(commune.name)\"\(chosen ? " selected" : "")>\(commune.name) (\(postcode))</option>"
            }
        }
        return """
            <label for="shopName">\(t("Nom du commerce", "Shop name"))</label>
            <input id="shopName" name="shopName" required maxlength="80" autocomplete="organization" value="\(answer.shopName)">
            <label for="category">\(t("Activité", "Activity"))</label>
            <select id="category" name="category" required><option value="">\(t("Choisissez…", "Choose…"))</option>\(categories.joined())</select>
            <label for="commune">\(t("Commune du commerce", "The shop's commune"))</label>
            <select id="commune" name="commune" required><option value="">\(t("Choisissez…", "Choose…"))</option>\(communes.joined())</select>
            """
    }
}

/// An invitation that can no longer be used (accepted, revoked, replaced, expired or altered), and what to do.
struct InvitationInvalidPage {
    let error: CommunityError

    func title(_ t: Language) -> String { t("Invitation plus valable", "Invitation no longer valid") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        \(UserMessages.alert(error, t))
        <ul>
        <li><a href="/sign-in">\(t("Se connecter, si vous avez déjà accepté", "Sign in, if you already accepted"))</a></li>
        <li><a href="/">\(t("Aller à l'accueil", "Go to the home page"))</a></li>
        </ul>
        """
    }
}

import Community
import Membership
import Storage

/// The page a mailed claim link opens: a button, so that a mail scanner following the link does not use it, and
/// only for the account that asked for it (signed in).
struct ConfirmClaimPage {
    let token: String
    let viewer: User?

    func title(_ t: Language) -> String { t("Prendre en main la fiche", "Take the listing over") }

    func body(_ t: Language) -> HTML {
        guard viewer != nil else {
            return """
                <h1>\(title(t))</h1>
                <p>\(t("Connectez-vous avec le compte qui a demandé ce lien, puis ouvrez-le à nouveau depuis l'e-mail.", "Sign in with the account that asked for this link, then open it again from the email."))</p>
                <p><a class="button" href="/sign-in">\(t("Se connecter", "Sign in"))</a></p>
                """
        }
        return """
            <h1>\(title(t))</h1>
            <p>\(t("En confirmant, vous devenez responsable de la fiche : vous pourrez la modifier et publier pour ce commerce.", "By confirming, you become the listing's owner: you can edit it and post for this shop."))</p>
            <form method="post" action="/claims/confirm" class="stacked">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit">\(t("Confirmer : c'est mon commerce", "Confirm: this is my shop"))</button>
            </form>
            """
    }
}

/// A listing just taken over, and where to go next.
struct ClaimedPage {
    let merchant: Merchant

    func title(_ t: Language) -> String { t("La fiche est à vous", "The listing is yours") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <p class="notice" role="status">\(t("Vous gérez désormais « \(merchant.name) ». Vérifiez la fiche et complétez-la.", "You now manage “\(merchant.name)”. Check the listing and complete it."))</p>
        <p class="actions"><a class="button" href="/dashboard">\(t("Mon espace", "My space"))</a> \
        <a href="/merchants/\(merchant.slug)">\(t("Voir la fiche", "See the listing"))</a></p>
        """
    }
}

/// A claim link that cannot be used (expired, used, replaced, another account's, or the listing is taken).
struct ClaimLinkProblemPage {
    let error: CommunityError

    func title(_ t: Language) -> String { t("Lien inutilisable", "Link not usable") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        \(UserMessages.alert(error, t))
        <p>\(t("Vous pouvez demander un nouveau lien depuis la fiche du commerce, ou demander à l'équipe de la zone.", "You can ask for a new link from the shop's listing, or ask the zone's team."))</p>
        <p><a href="/dashboard">\(t("Mon espace", "My space"))</a></p>
        """
    }
}

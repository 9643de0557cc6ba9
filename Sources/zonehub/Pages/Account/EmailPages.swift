import Community
import Membership
import Storage

/// Changing one's address: the new one and the current password; then the link mailed to the new address.
struct EmailChangePage {
    let user: User
    let newEmail: String
    let problem: (any CategorizedError)?
    /// Set once the link is on its way.
    let sentTo: String?

    func title(_ t: Language) -> String { t("Adresse e-mail", "Email address") }

    func body(_ t: Language) -> HTML {
        if let sentTo {
            return """
                <h1>\(title(t))</h1>
                <p class="notice" role="status">\(t(
                    "Un lien vient d'être envoyé à \(sentTo) : suivez-le pour que votre compte utilise cette adresse. Votre adresse actuelle a été prévenue.",
                    "A link was just sent to \(sentTo): follow it to move your account to that address. Your current address was told."))</p>
                <p><a href="/dashboard">\(t("Retour à mon espace", "Back to my space"))</a></p>
                """
        }
        return """
            <h1>\(title(t))</h1>
            <p>\(t("Adresse actuelle", "Current address")) : <strong>\(user.email)</strong></p>
            \(UserMessages.alert(problem, t))
            <form method="post" action="/dashboard/email" class="stacked">
            <label for="email">\(t("Nouvelle adresse", "New address"))</label>
            <input id="email" name="email" type="email" required autocomplete="email" value="\(newEmail)">
            <label for="password">\(t("Mot de passe actuel", "Current password"))</label>
            <input id="password" name="password" type="password" required autocomplete="current-password">
            <button type="submit">\(t("Recevoir un lien à la nouvelle adresse", "Send a link to the new address"))</button>
            </form>
            <h2>\(t("Vos données", "Your data"))</h2>
            <p>\(t(
                "Tout ce que ce site garde sur vous (compte, commerces, publications, réservations, signalements, abonnement, actions) dans un fichier JSON.",
                "Everything this site keeps about you (account, shops, posts, bookings, reports, subscription, actions) in a JSON file."))</p>
            <p><a class="button" href="/dashboard/data" download>\(t("Télécharger mes données", "Download my data"))</a></p>
            <h2>\(t("Sessions", "Sessions"))</h2>
            <p>\(t(
                "Un appareil perdu, un ordinateur partagé ? Déconnectez votre compte de tous les appareils, celui-ci compris.",
                "A lost device, a shared computer? Sign your account out of every device, this one included."))</p>
            <form method="post" action="/dashboard/sign-out-everywhere" class="inline">\
            <button type="submit" class="secondary">\(t("Se déconnecter partout", "Sign out everywhere"))</button></form>
            <h2>\(t("Supprimer mon compte", "Delete my account"))</h2>
            <p><a href="/dashboard/delete">\(t("Voir ce qui serait supprimé, et supprimer mon compte", "See what would be deleted, and delete my account"))</a></p>
            """
    }
}

/// The page the link to a new address opens: a button that confirms (a mail scanner does not use it up), then
/// the result.
struct EmailConfirmPage {
    let token: String
    /// Set once the address changed.
    let changedTo: String?

    func title(_ t: Language) -> String { t("Nouvelle adresse e-mail", "New email address") }

    func body(_ t: Language) -> HTML {
        if let changedTo {
            return """
                <h1>\(title(t))</h1>
                <p class="notice" role="status">\(t(
                    "C'est fait : votre compte utilise désormais l'adresse \(changedTo) pour se connecter.",
                    "Done: your account now signs in with \(changedTo)."))</p>
                <p><a class="button" href="/dashboard">\(t("Mon espace", "My space"))</a></p>
                """
        }
        return """
            <h1>\(title(t))</h1>
            <form method="post" action="/dashboard/email/confirm" class="stacked">
            <input type="hidden" name="token" value="\(token)">
            <button type="submit">\(t("Utiliser cette adresse", "Use this address"))</button>
            </form>
            """
    }
}

import Community
import Membership
import Storage

/// Deleting one's account: what happens to each thing the person has on the hub, then the password and a button.
struct DeleteAccountPage {
    let user: User
    /// The person's shops shown on the hub, named so that they know what will disappear.
    let shops: [Merchant]
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String { t("Supprimer mon compte", "Delete my account") }

    func body(_ t: Language) -> HTML {
        let shopNames = shops.map { "« \($0.name) »" }.joined(separator: ", ")
        let shopLine: HTML =
            shops.isEmpty
            ? ""
            : """
            <li>\(t(
                "Vos fiches \(shopNames) sont retirées de l'annuaire, des recherches et du plan du site ; leurs coordonnées sont effacées.",
                "Your listings \(shopNames) leave the directory, the search and the sitemap; their contact details are erased."))</li>
            <li>\(t(
                "Vos annonces sont retirées, et vos réservations de boutique éphémère à venir annulées (la place revient à la liste d'attente).",
                "Your posts are withdrawn, and your coming pop-up bookings cancelled (the place goes to the waiting list)."))</li>
            """
        return """
            <h1>\(title(t))</h1>
            <p>\(t("Ce qui se passe quand vous supprimez votre compte :", "What happens when you delete your account:"))</p>
            <ul>
            <li>\(t(
                "Votre adresse e-mail, votre nom et votre mot de passe sont effacés ; vous êtes déconnecté de tous vos appareils.",
                "Your email address, name and password are erased; you are signed out of every device."))</li>
            \(shopLine)
            <li>\(t(
                "Votre abonnement au résumé par e-mail s'arrête. La preuve de votre consentement et de son retrait est gardée, comme la loi le demande.",
                "Your email digest subscription ends. The record of your consent and its withdrawal is kept, as the law asks."))</li>
            <li>\(t(
                "Le journal de modération, qui ne se réécrit jamais, garde vos actions sous un numéro, sans votre nom ni votre adresse.",
                "The moderation log, which is never rewritten, keeps your actions under a number, without your name or address."))</li>
            </ul>
            <p>\(t("Avant de partir, vous pouvez", "Before you go, you can")) \
            <a href="/dashboard/data" download>\(t("télécharger vos données", "download your data"))</a>.</p>
            \(UserMessages.alert(problem, t))
            <form method="post" action="/dashboard/delete" class="stacked">
            <label for="password">\(t("Votre mot de passe, pour confirmer", "Your password, to confirm"))</label>
            <input id="password" name="password" type="password" required autocomplete="current-password">
            <button type="submit" class="danger">\(t("Supprimer définitivement mon compte", "Delete my account for good"))</button>
            </form>
            <p><a href="/dashboard">\(t("Garder mon compte", "Keep my account"))</a></p>
            """
    }
}

/// What a deletion answers: it is done, and what it did.
struct AccountDeletedPage {
    let deletion: AccountDeletion

    func title(_ t: Language) -> String { t("Compte supprimé", "Account deleted") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <p class="notice" role="status">\(t(
            "Votre compte est supprimé. Un dernier message le confirme à votre adresse.",
            "Your account is deleted. A last message confirms it to your address."))</p>
        <ul>
        <li>\(t("Annonces retirées", "Posts withdrawn")) : \(deletion.postsWithdrawn)</li>
        <li>\(t("Fiches retirées de l'annuaire", "Listings taken off the directory")) : \(deletion.listingsHidden)</li>
        <li>\(t("Abonnement au résumé arrêté", "Digest subscription ended")) : \
        \(deletion.subscriptionsEnded == 0 ? t("aucun", "none") : t("oui", "yes"))</li>
        </ul>
        <p><a href="/">\(t("Retour à l'accueil", "Back to the home page"))</a></p>
        """
    }
}

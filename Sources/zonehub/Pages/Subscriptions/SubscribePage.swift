import Community
import Feeds

/// The form to subscribe to the digest, with what was chosen and why it was refused.
struct SubscribePage {
    let choice: SubscriptionViews.Choice
    let email: String
    /// The zones one can subscribe to.
    let zones: [Zone]
    let problem: CommunityError?

    func title(_ t: Language) -> String { t("Recevoir le résumé par e-mail", "Get the digest by email") }

    func body(_ t: Language) -> HTML {
        let alert = UserMessages.alert(problem, t)
        return """
            <h1>\(t("Recevoir le résumé par e-mail", "Get the digest by email"))</h1>
            <p>\(t("Chaque jour ou chaque semaine, les nouvelles annonces des commerçants de vos zones. Un courriel de confirmation vous sera envoyé d'abord.",
                "Every day or every week, the new posts of your zones' merchants. We will first send you a confirmation email."))</p>
            \(alert)
            <form method="post" action="/subscribe" class="stacked">
            <label for="email">\(t("Votre adresse e-mail", "Your email address"))</label>
            <input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="\(email)">
            \(SubscriptionViews.fields(choice, zones: zones, t))
            <p class="consent">\(SubscriptionService.consentWording)</p>
            <button type="submit">\(t("Je m'abonne", "Subscribe"))</button>
            </form>
            """
    }
}

import Community
import Feeds

/// The consent wording and the button that confirms a subscription (a GET alone confirms nothing).
struct ConfirmSubscriptionPage {
    /// The confirmation link's token, sent back by the button.
    let token: String

    func title(_ t: Language) -> String { t("Confirmer l'abonnement", "Confirm your subscription") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(t("Confirmer l'abonnement", "Confirm your subscription"))</h1>
        <p>\(SubscriptionService.consentWording)</p>
        <form method="post" action="/subscriptions/confirm">
        <input type="hidden" name="token" value="\(token)">
        <button type="submit">\(t("Je confirme mon abonnement", "Confirm my subscription"))</button>
        </form>
        """
    }
}

import Community
import Feeds

/// A subscriber's preferences, to change them or to leave.
struct ManageSubscriptionPage {
    /// What the page says above the form after a change.
    enum Notice {
        case saved
        case refused(CommunityError)
    }

    let subscription: Subscription
    /// The management link's token, sent back by the form.
    let token: String
    /// The zones one can subscribe to, and the slugs of those chosen.
    let zones: [Zone]
    let chosenZones: [String]
    let notice: Notice?

    func title(_ t: Language) -> String { t("Mon abonnement", "My subscription") }

    func body(_ t: Language) -> HTML {
        let message: HTML = text(t).map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        guard subscription.status == .confirmed else {
            return """
                <h1>\(t("Mon abonnement", "My subscription"))</h1>
                <p>\(t("Cet abonnement n'est pas actif.", "This subscription is not active."))</p>
                <p><a href="/subscribe">\(t("S'abonner", "Subscribe"))</a></p>
                """
        }
        let choice = SubscriptionViews.Choice(
            zones: chosenZones, categories: subscription.preferences.categories,
            frequency: subscription.preferences.frequency)
        return """
            <h1>\(t("Mon abonnement", "My subscription"))</h1>
            \(message)
            <p>\(t("Adresse", "Address")) : <strong>\(subscription.email)</strong></p>
            <form method="post" action="/subscriptions/manage" class="stacked">
            <input type="hidden" name="token" value="\(token)">
            \(SubscriptionViews.fields(choice, zones: zones, t))
            <button type="submit">\(t("Enregistrer", "Save"))</button>
            </form>
            <h2>\(t("Se désabonner", "Unsubscribe"))</h2>
            <p><a href="/subscriptions/unsubscribe?token=\(token)">\(t("Ne plus recevoir le résumé", "Stop receiving the digest"))</a></p>
            """
    }

    private func text(_ t: Language) -> String? {
        switch notice {
        case nil: nil
        case .saved: t("Vos préférences sont enregistrées.", "Your preferences are saved.")
        case .refused(let error): UserMessages.text(error, t)
        }
    }
}

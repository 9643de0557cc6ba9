import Community

/// A subscription just confirmed: where the digest goes, and the link to manage it.
struct SubscriptionConfirmedPage {
    let email: String
    /// The subscription's signed management address.
    let manageURL: String

    func title(_ t: Language) -> String { t("Abonnement confirmé", "Subscription confirmed") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(t("Abonnement confirmé", "Subscription confirmed"))</h1>
        <p>\(t("Vous recevrez le résumé à l'adresse", "You will receive the digest at")) <strong>\(email)</strong>.</p>
        <p><a href="\(manageURL)">\(t("Gérer mon abonnement", "Manage my subscription"))</a></p>
        """
    }
}

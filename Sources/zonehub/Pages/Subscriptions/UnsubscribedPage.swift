import Community

/// An address just unsubscribed, and the way back.
struct UnsubscribedPage {
    let email: String

    func title(_ t: Language) -> String { t("Désabonnement confirmé", "Unsubscribed") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(t("Désabonnement confirmé", "Unsubscribed"))</h1>
        <p>\(t("L'adresse", "The address")) <strong>\(email)</strong> \(t("ne recevra plus le résumé.", "will not receive the digest any more."))</p>
        <p><a href="/subscribe">\(t("Se réabonner", "Subscribe again"))</a></p>
        """
    }
}

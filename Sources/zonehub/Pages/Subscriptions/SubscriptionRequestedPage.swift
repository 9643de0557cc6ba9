import Community

/// What a subscriber reads after sending the form: the same whether the address was new, pending or subscribed.
struct SubscriptionRequestedPage {
    func title(_ t: Language) -> String { t("Vérifiez votre boîte mail", "Check your inbox") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(t("Vérifiez votre boîte mail", "Check your inbox"))</h1>
        <p>\(t("Si cette adresse peut recevoir notre résumé, un courriel vient de lui être envoyé. Ouvrez le lien qu'il contient pour confirmer votre abonnement : rien ne vous sera envoyé avant.",
            "If this address can receive our digest, we have just sent it a message. Open its link to confirm your subscription: nothing else is sent before that."))</p>
        """
    }
}

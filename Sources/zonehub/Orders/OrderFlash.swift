import Community

/// The message an order page shows once after an action succeeded, named in the address it redirects to
/// (`?ok=order-sent`): only these fixed messages are ever shown.
enum OrderFlash: String, CaseIterable, FlashMessage {
    case sent = "order-sent"
    case cancelled = "order-cancelled"
    case accepted = "order-accepted"
    case refused = "order-refused"
    case ready = "order-ready"
    case collected = "order-collected"
    case notCollected = "order-not-collected"
    case windowAdded = "window-added"
    case windowRemoved = "window-removed"
    case campaignOpened = "campaign-opened"
    case campaignClosed = "campaign-closed"

    func text(_ t: Language) -> String {
        switch self {
        case .sent:
            t(
                "Votre commande est envoyée ; le commerce vous répond par e-mail.",
                "Your order is sent; the shop answers you by email.")
        case .cancelled: t("La commande est annulée.", "The order is cancelled.")
        case .accepted:
            t("La commande est acceptée ; le client est prévenu.", "The order is accepted; the customer is told.")
        case .refused:
            t("La commande est refusée ; le client est prévenu.", "The order is refused; the customer is told.")
        case .ready: t("La commande est prête ; le client est prévenu.", "The order is ready; the customer is told.")
        case .collected: t("La commande est marquée retirée.", "The order is marked collected.")
        case .notCollected: t("La commande est marquée non retirée.", "The order is marked not collected.")
        case .windowAdded: t("Le créneau de retrait est ajouté.", "The collection time is added.")
        case .windowRemoved:
            t(
                "Le créneau n'est plus proposé ; les commandes déjà faites y restent.",
                "The collection time is no longer offered; the orders already made stay.")
        case .campaignOpened: t("La campagne de précommande est ouverte.", "The pre-order campaign is open.")
        case .campaignClosed: t("Les commandes de la campagne sont closes.", "The campaign's orders are closed.")
        }
    }
}

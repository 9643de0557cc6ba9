import Community
import Foundation
import Orders

/// "Mes commandes": a resident's requests, newest first, each with its status in words and, while allowed, a way
/// to cancel it.
struct MyOrdersPage {
    let requests: [OrderRequest]
    let merchants: [Merchant.ID: Merchant]
    var flash: OrderFlash?
    var places: [OrderRequest.ID: OrderMailText.Place] = [:]

    func title(_ t: Language) -> String { t("Mes commandes", "My orders") }

    func body(_ t: Language) -> HTML {
        let items: [HTML] = requests.map { item($0, t) }
        let list: HTML =
            requests.isEmpty
            ? "<p class=\"empty\">\(t("Vous n'avez pas encore passé de commande.", "You have not ordered anything yet."))</p>"
            : "<ul class=\"order-list\">\(items)</ul>"
        return """
            <h1>\(title(t))</h1>
            \(flash?.html(t) ?? "")
            \(list)
            """
    }

    func item(_ request: OrderRequest, _ t: Language) -> HTML {
        let merchant = merchants[request.merchantID]
        let shop: HTML = merchant.map { "<a href=\"/merchants/\($0.slug)\">\($0.name)</a>" } ?? ""
        let cancel: HTML =
            request.status.next.contains(.cancelled)
            ? "<p><a href=\"/account/orders/\(request.id.rawValue)/cancel\">\(t("Annuler la commande", "Cancel the order"))</a></p>"
            : ""
        return """
            <li class="order" id="commande-\(request.id.rawValue)">
            <h2>\(OrderWording.number(request, t)) · \(shop)</h2>
            <p>\(OrderViews.status(request, t)) <span class="meta">\(t("envoyée le", "sent on")) \(Formats.dateTime(request.createdAt, t))</span></p>
            \(OrderViews.details(request, place: places[request.id], t))
            \(cancel)
            </li>
            """
    }
}

/// Asks the resident to confirm cancelling a request.
struct OrderCancelPage {
    let request: OrderRequest
    let merchant: Merchant
    var error: CommunityError?

    func title(_ t: Language) -> String { t("Annuler la commande", "Cancel the order") }

    func body(_ t: Language) -> HTML {
        let base = "/account/orders/\(request.id.rawValue)"
        return """
            <h1>\(title(t))</h1>
            \(UserMessages.alert(error, t))
            <p>\(t("Annuler la \(OrderWording.number(request, .fr).lowercased()) chez \(merchant.name) ? Le commerce en est informé ; cela ne se défait pas.",
                "Cancel \(OrderWording.number(request, .en).lowercased()) with \(merchant.name)? The shop is told; this cannot be undone."))</p>
            \(OrderViews.details(request, place: nil, t))
            <div class="confirm-actions">
            <form method="post" action="\(base)/cancel" class="inline"><button type="submit" class="danger">\(t("Annuler la commande", "Cancel the order"))</button></form>
            <a href="/account/orders">\(t("Garder la commande", "Keep the order"))</a>
            </div>
            """
    }
}

/// What a guest reads after sending a request: look for the mail.
struct OrderSentPage {
    let request: OrderRequest
    let merchant: Merchant

    func title(_ t: Language) -> String { t("Confirmez votre commande", "Confirm your order") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <p class="notice" role="status">\(t("Nous avons envoyé un lien à \(request.email). Suivez-le pour confirmer votre commande chez \(merchant.name) ; sans confirmation, elle n'est pas transmise.",
            "We sent a link to \(request.email). Follow it to confirm your order with \(merchant.name); without confirmation it is not passed on."))</p>
        \(OrderViews.details(request, place: nil, t))
        """
    }
}

/// A guest's confirmation link: the request and a button (before), or its new status (after).
struct OrderConfirmPage {
    let request: OrderRequest
    let merchant: Merchant
    /// The token to send with the button; nil once confirmed.
    let token: String?

    func title(_ t: Language) -> String {
        token == nil ? t("Commande confirmée", "Order confirmed") : t("Confirmer la commande", "Confirm the order")
    }

    func body(_ t: Language) -> HTML {
        let action: HTML =
            if let token, request.status == .unconfirmed {
                """
                <form method="post" action="/orders/confirm" class="inline"><input type="hidden" name="token" value="\(token)">\
                <button type="submit">\(t("Confirmer la commande", "Confirm the order"))</button></form>
                """
            } else {
                "<p class=\"notice\" role=\"status\">\(OrderViews.status(request, t)) — \(statusText(t))</p>"
            }
        return """
            <h1>\(title(t))</h1>
            <p>\(OrderWording.number(request, t)) · <a href="/merchants/\(merchant.slug)">\(merchant.name)</a></p>
            \(OrderViews.details(request, place: nil, t))
            \(action)
            """
    }

    func statusText(_ t: Language) -> String {
        switch request.status {
        case .requested: t("le commerce va vous répondre par e-mail.", "the shop will answer you by email.")
        case .accepted: t("les produits vous sont réservés.", "the products are kept for you.")
        default: t("cette commande ne demande plus rien.", "this order needs nothing more.")
        }
    }
}

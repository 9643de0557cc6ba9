import Catalogue
import Community
import Foundation
import Orders

/// The resident's order form: products and quantities, a collection window (or a campaign's collection time), a
/// note, and for a guest an address and a name. Errors sit beside their fields, with every value kept.
struct OrderPage {
    /// A merchant's collection windows, or one of its pre-order campaigns.
    enum Kind {
        case windows([CollectionWindow])
        case campaign(PreOrderCampaign)
    }

    let merchant: Merchant
    let kind: Kind
    /// The products offered, with the units left in a campaign.
    let products: [(product: Product, left: Int?)]
    let form: OrderForm
    /// The signed-in resident, or nil for a guest.
    let user: User?
    /// The merchant's pre-orders open now, linked from its windows' form.
    var campaigns: [PreOrderCampaign] = []

    var action: String {
        switch kind {
        case .windows: "/merchants/\(merchant.slug)/order"
        case .campaign(let campaign): "/merchants/\(merchant.slug)/campaigns/\(campaign.id.rawValue)"
        }
    }

    func title(_ t: Language) -> String {
        switch kind {
        case .windows: t("Commander pour retrait", "Order for collection") + " · " + merchant.name
        case .campaign(let campaign): campaign.title + " · " + merchant.name
        }
    }

    func body(_ t: Language) -> HTML {
        let fields = FormFields(errors: form.errors, t: t)
        var names = products.map { "q-\($0.product.id.rawValue)" } + ["lines", "window", "note"]
        if user == nil { names += ["email", "name"] }
        var errors = form.errors
        errors.order(names)
        return """
            <h1>\(title(t))</h1>
            \(intro(t))
            \(OrderViews.campaignLinks(campaigns, merchant: merchant, t))
            \(available(t) ? form(fields, errors: errors, t) : "\(errors.summary(t))<p class=\"empty\">\(closedText(t))</p>")
            <p><a href="/merchants/\(merchant.slug)">\(t("Retour à la page du commerce", "Back to the shop's page"))</a></p>
            """
    }

    private func intro(_ t: Language) -> HTML {
        switch kind {
        case .windows:
            return """
                <p>\(t("Choisissez vos produits et un créneau pour les retirer en boutique. Le commerce accepte ou refuse votre demande ; vous payez au retrait.",
                    "Choose your products and a time to collect them in the shop. The shop accepts or refuses your request; you pay on collection."))</p>
                """
        case .campaign(let campaign):
            let description: HTML =
                campaign.description.isEmpty ? "" : "<div class=\"body\">\(HTML.text(campaign.description))</div>"
            return """
                \(description)
                <ul class="order-facts">
                <li>\(t("Commandes jusqu'au", "Orders until")) \(Formats.dateTime(campaign.closesAt, t))</li>
                <li>\(t("Retrait", "Collection")) : \(OrderWording.span(campaign.collectFrom, campaign.collectUntil, t))</li>
                </ul>
                <p>\(t("Votre précommande réserve les produits dès qu'elle est envoyée ; vous payez au retrait.",
                    "Your pre-order keeps the products as soon as it is sent; you pay on collection."))</p>
                """
        }
    }

    private func available(_ t: Language) -> Bool {
        switch kind {
        case .windows(let windows): !windows.isEmpty && !products.isEmpty
        case .campaign: products.contains { ($0.left ?? 1) > 0 }
        }
    }

    private func closedText(_ t: Language) -> String {
        switch kind {
        case .windows:
            t(
                "Ce commerce ne propose pas de créneau de retrait libre pour l'instant.",
                "This shop offers no collection time with places left for now.")
        case .campaign:
            t("Tous les produits de cette campagne sont partis.", "Every product of this campaign is gone.")
        }
    }

    private func form(_ fields: FormFields, errors: FormErrors, _ t: Language) -> HTML {
        let who: HTML =
            if let user {
                "<p>\(t("Vous commandez en tant que", "You order as")) <strong>\(user.displayName.isEmpty ? user.email : user.displayName)</strong>.</p>"
            } else {
                """
                <p>\(t("Sans compte, donnez votre adresse e-mail : nous vous envoyons un lien pour confirmer la commande.",
                    "Without an account, give your email address: we send you a link to confirm the order.")) \
                <a href="/sign-in">\(t("Se connecter", "Sign in"))</a></p>
                \(fields.input("email", t("Adresse e-mail", "Email address"), value: form.email, type: "email", required: true, extra: " autocomplete=\"email\""))
                \(fields.input("name", t("Votre nom", "Your name"), value: form.name, required: true, extra: " autocomplete=\"name\" maxlength=\"80\""))
                """
            }
        return """
            \(errors.summary(t))
            <form method="post" action="\(action)" class="field-form order-form" novalidate>
            <fieldset id="lines"\(errors.describedBy("lines", id: "lines"))><legend>\(t("Produits et quantités", "Products and quantities"))</legend>
            \(errors.message("lines", id: "lines", t))
            \(products.map { line($0.product, left: $0.left, fields, t) })
            </fieldset>
            \(windowChoice(errors, t))
            \(fields.textArea("note", t("Message au commerçant (facultatif)", "Message to the shop (optional)"), value: form.note, extra: " maxlength=\"500\""))
            \(who)
            <div class="actions"><button type="submit">\(t("Envoyer la commande", "Send the order"))</button></div>
            </form>
            """
    }

    private func line(_ product: Product, left: Int?, _ fields: FormFields, _ t: Language) -> HTML {
        let name = "q-\(product.id.rawValue)"
        var label = "\(product.name) — \(ProductText.price(product.details, t))"
        if let left {
            label +=
                " — "
                + Wording.count(
                    left, t, fr: ("restante", "restantes"), en: ("left", "left"), none: ("épuisé", "sold out"))
        }
        let max = min(OrderRules.quantities.upperBound, left ?? OrderRules.quantities.upperBound)
        return fields.input(
            name, label, value: form.quantities[product.id] ?? "", type: "number",
            extra: " min=\"0\" max=\"\(max)\" inputmode=\"numeric\"\(left == 0 ? " disabled" : "")")
    }

    private func windowChoice(_ errors: FormErrors, _ t: Language) -> HTML {
        guard case .windows(let windows) = kind else { return "" }
        let options: [HTML] = windows.map { window in
            let id = window.id.rawValue
            let places = Wording.count(
                window.placesLeft, t, fr: ("place libre", "places libres"), en: ("place left", "places left"))
            return """
                <label class="check"><input type="radio" name="window" value="\(id)"\(form.window == String(id) ? " checked" : "")> \
                <span>\(OrderWording.window(window, t)) <span class="meta">(\(places))</span></span></label>
                """
        }
        return """
            <fieldset id="window"\(errors.describedBy("window", id: "window"))><legend>\(t("Créneau de retrait", "Collection time"))</legend>
            \(errors.message("window", id: "window", t))
            \(options)
            </fieldset>
            """
    }
}

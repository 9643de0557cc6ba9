import Catalogue
import Community
import Foundation
import Orders

/// A pre-order campaign as the merchant types it: title, presentation, closing and collection times (Paris time),
/// and the units offered per product of the catalogue (`p-<product>`, empty for not offered).
struct CampaignForm {
    var title = ""
    var description = ""
    var closesAt = ""
    var collectFrom = ""
    var collectUntil = ""
    var quantities: [Product.ID: String] = [:]
    var errors = FormErrors()

    init() {}

    init(_ form: FormBody, products: [Product]) {
        title = form["title"] ?? ""
        description = form.text("description")
        closesAt = form["closesAt"] ?? ""
        collectFrom = form["collectFrom"] ?? ""
        collectUntil = form["collectUntil"] ?? ""
        for product in products { quantities[product.id] = form["p-\(product.id.rawValue)"] ?? "" }
    }

    /// The campaign, or nil with every field that cannot be read filed (the core checks the rules after).
    mutating func details(products: [Product]) -> CampaignDetails? {
        var dates: [Date?] = []
        for (name, text) in [("closesAt", closesAt), ("collectFrom", collectFrom), ("collectUntil", collectUntil)] {
            let date = Formats.localDateTime(text)
            if date == nil {
                errors.add(OrderFormField.dateTime.invalid("expected a date and time like 2026-12-20T18:00"), to: name)
            }
            dates.append(date)
        }
        var offered: [(productID: Product.ID, quantity: Int)] = []
        for product in products {
            let text = quantities[product.id] ?? ""
            guard !text.isEmpty, text != "0" else { continue }
            guard let quantity = Int(text), OrderRules.campaignQuantities.contains(quantity) else {
                errors.add(
                    OrdersField.campaignProducts.invalid("quantity \(text) must be from 1 to 10000"),
                    to: "p-\(product.id.rawValue)")
                continue
            }
            offered.append((product.id, quantity))
        }
        if offered.isEmpty && !products.isEmpty && errors["products"] == nil
            && !quantities.keys.contains(where: { errors["p-\($0.rawValue)"] != nil })
        {
            errors.add(OrdersField.campaignProducts.invalid("offer at least one product"), to: "products")
        }
        guard errors.isEmpty, let closes = dates[0], let from = dates[1], let until = dates[2] else { return nil }
        return CampaignDetails(
            title: title, description: description, closesAt: closes, collectFrom: from, collectUntil: until,
            products: offered)
    }

    /// Files a refusal of the core beside its field.
    mutating func file(_ error: CommunityError) {
        switch error.code {
        case OrdersField.title.code: errors.add(error, to: "title")
        case OrdersField.description.code: errors.add(error, to: "description")
        case OrdersField.closesAt.code: errors.add(error, to: "closesAt")
        case OrdersField.collectFrom.code: errors.add(error, to: "collectFrom")
        case OrdersField.collectUntil.code: errors.add(error, to: "collectUntil")
        case OrdersField.campaignProducts.code: errors.add(error, to: "products")
        default: errors.add(error)
        }
    }
}

/// The form that opens a pre-order campaign.
struct CampaignFormPage {
    let merchant: Merchant
    let products: [Product]
    let form: CampaignForm

    func title(_ t: Language) -> String { t("Ouvrir une précommande", "Open a pre-order") }

    func body(_ t: Language) -> HTML {
        let fields = FormFields(errors: form.errors, t: t)
        var errors = form.errors
        errors.order(
            ["title", "description", "closesAt", "collectFrom", "collectUntil", "products"]
                + products.map { "p-\($0.id.rawValue)" })
        let lines: [HTML] = products.map { product in
            fields.input(
                "p-\(product.id.rawValue)", "\(product.name) — \(ProductText.price(product.details, t))",
                value: form.quantities[product.id] ?? "", type: "number",
                extra: " min=\"0\" max=\"10000\" inputmode=\"numeric\"")
        }
        let base = "/dashboard/merchants/\(merchant.slug)"
        let content: HTML =
            products.isEmpty
            ? "<p class=\"empty\">\(t("Ajoutez d'abord des produits à votre catalogue.", "First add products to your catalogue.")) <a href=\"\(base)/catalogue\">\(t("Catalogue", "Catalogue"))</a></p>"
            : """
            \(errors.summary(t))
            <form method="post" action="\(base)/campaigns" class="field-form campaign-form" novalidate>
            \(fields.input("title", t("Titre", "Title"), value: form.title, required: true, hint: t("Par exemple « Bûches de Noël ».", "For example “Yule logs”."), extra: " maxlength=\"120\""))
            \(fields.textArea("description", t("Présentation (facultative)", "Presentation (optional)"), value: form.description, extra: " maxlength=\"2000\""))
            \(fields.input("closesAt", t("Commandes jusqu'au (heure de Paris)", "Orders until (Paris time)"), value: form.closesAt, type: "datetime-local", required: true))
            \(fields.input("collectFrom", t("Retrait à partir du", "Collection from"), value: form.collectFrom, type: "datetime-local", required: true))
            \(fields.input("collectUntil", t("Retrait jusqu'au", "Collection until"), value: form.collectUntil, type: "datetime-local", required: true))
            <fieldset id="products"\(errors.describedBy("products", id: "products"))><legend>\(t("Unités proposées par produit (vide : pas dans la campagne)", "Units offered per product (empty: not in the campaign)"))</legend>
            \(errors.message("products", id: "products", t))
            \(lines)
            </fieldset>
            <div class="actions"><button type="submit">\(t("Ouvrir la précommande", "Open the pre-order"))</button> \
            <a href="\(base)/orders">\(t("Annuler", "Cancel"))</a></div>
            </form>
            """
        return "<h1>\(title(t)) · \(merchant.name)</h1>\(content)"
    }
}

/// The campaigns part of the orders dashboard: each campaign with its units promised and left, its public page
/// and a way to close it.
struct OrderCampaignsSection {
    let merchant: Merchant
    let campaigns: [PreOrderCampaign]
    var now = Date()

    func body(_ t: Language) -> HTML {
        let base = "/dashboard/merchants/\(merchant.slug)/campaigns"
        let items: [HTML] = campaigns.map { campaign in
            let products: [HTML] = campaign.products.map { product in
                "<li>\(product.name) : \(Wording.count(product.promised, t, fr: ("promise", "promises"), en: ("promised", "promised"))), \(Wording.count(product.left, t, fr: ("restante", "restantes"), en: ("left", "left"))) \(t("sur", "of")) \(product.quantity)</li>"
            }
            let open = campaign.isOpen(at: now)
            let close: HTML =
                open
                ? "<form method=\"post\" action=\"\(base)/\(campaign.id.rawValue)/close\" class=\"inline\"><button type=\"submit\" class=\"secondary\">\(t("Clore les commandes", "Close the orders"))</button></form>"
                : "<p class=\"meta\">\(t("Commandes closes", "Orders closed"))</p>"
            return """
                <li id="campagne-\(campaign.id.rawValue)"><h3><a href="/merchants/\(merchant.slug)/campaigns/\(campaign.id.rawValue)">\(campaign.title)</a></h3>
                <p class="meta">\(t("Commandes jusqu'au", "Orders until")) \(Formats.dateTime(campaign.closesAt, t)) · \
                \(t("retrait", "collection")) \(OrderWording.span(campaign.collectFrom, campaign.collectUntil, t))</p>
                <ul>\(products)</ul>\(close)</li>
                """
        }
        let list: HTML =
            campaigns.isEmpty
            ? "<p class=\"empty\">\(t("Aucune précommande.", "No pre-orders."))</p>"
            : "<ul class=\"campaign-list\">\(items)</ul>"
        return """
            <section class="order-campaigns" id="precommandes">
            <h2>\(t("Précommandes", "Pre-orders"))</h2>
            \(list)
            <p><a class="button" href="\(base)/new">\(t("Ouvrir une précommande", "Open a pre-order"))</a></p>
            </section>
            """
    }
}

import Catalogue
import Community
import Photos

/// The product editor: a new product or an existing one, with why it was refused.
struct ProductFormPage {
    let merchant: Merchant
    let form: ProductForm
    /// Where the form is sent.
    let action: String
    /// The categories the merchant already uses, offered as suggestions.
    let categories: [String]
    let error: CommunityError?
    /// An existing product's photos, managed below the form; nil for a new product (photos come once it is saved).
    var photos: ProductPhotosSection? = nil

    func title(_ t: Language) -> String { t("Produit", "Product") + " · " + merchant.name }

    func body(_ t: Language) -> HTML {
        let units: [HTML] = ProductUnit.allCases.map { unit in
            let selected: HTML = form.unit == unit.rawValue ? " selected" : ""
            return "<option value=\"\(unit.rawValue)\"\(selected)>\(ProductText.unit(unit, t))</option>"
        }
        let choices: [(String, String)] = [
            ("in-stock", t("En stock", "In stock")), ("to-order", t("Sur commande", "To order")),
            ("seasonal", t("De saison (entre deux dates)", "Seasonal (between two dates)")),
        ]
        let availabilities: [HTML] = choices.map { code, label in
            let checked: HTML = form.availability == code ? " checked" : ""
            return
                "<label class=\"check\"><input type=\"radio\" name=\"availability\" value=\"\(code)\"\(checked)> \(label)</label>"
        }
        let suggestions: [HTML] = categories.map { "<option value=\"\($0)\"></option>" }
        return """
            <h1>\(t("Produit", "Product")) · \(merchant.name)</h1>
            \(DashboardViews.problem(error, t))
            <form method="post" action="\(action)" class="stacked">
            <label for="name">\(t("Nom du produit", "Product name"))</label>
            <input id="name" name="name" required maxlength="120" value="\(form.name)">
            <label for="description">\(t("Description", "Description"))</label>
            <textarea id="description" name="description" rows="4" maxlength="2000">\(form.description)</textarea>
            <label for="price">\(t("Prix en euros", "Price in euros"))</label>
            <input id="price" name="price" required inputmode="decimal" value="\(form.price)" placeholder="12,50">
            <label for="unit">\(t("Unité", "Unit"))</label>
            <select id="unit" name="unit">\(units)</select>
            <fieldset><legend>\(t("Disponibilité", "Availability"))</legend>\(availabilities)</fieldset>
            <label for="seasonFrom">\(t("Début de la saison", "Season starts"))</label>
            <input id="seasonFrom" name="seasonFrom" type="date" value="\(form.seasonFrom)">
            <label for="seasonUntil">\(t("Fin de la saison", "Season ends"))</label>
            <input id="seasonUntil" name="seasonUntil" type="date" value="\(form.seasonUntil)">
            <label for="category">\(t("Catégorie (rayon de votre boutique, par exemple Fromages)", "Category (your shop's shelf, e.g. Cheese)"))</label>
            <input id="category" name="category" maxlength="60" list="categories" value="\(form.category)">
            <datalist id="categories">\(suggestions)</datalist>
            <button type="submit">\(t("Enregistrer", "Save"))</button>
            </form>
            \(photos?.body(t) ?? "")
            <p><a href="/dashboard/merchants/\(merchant.slug)/catalogue">\(t("Retour au catalogue", "Back to the catalogue"))</a></p>
            """
    }
}

/// Asks before a product leaves the catalogue.
struct ProductRemovalPage {
    let merchant: Merchant
    let product: Product

    func title(_ t: Language) -> String { t("Retirer un produit", "Remove a product") }

    func body(_ t: Language) -> HTML {
        let base = "/dashboard/merchants/\(merchant.slug)/catalogue"
        return """
            <h1>\(t("Retirer un produit", "Remove a product"))</h1>
            <p>\(t("Retirer « \(product.name) » du catalogue ? Il ne sera plus affiché sur la page du commerce.",
                "Remove “\(product.name)” from the catalogue? It will no longer show on the shop's page."))</p>
            <form method="post" action="\(base)/\(product.id.rawValue)/remove" class="inline">
            <button type="submit" class="danger">\(t("Retirer", "Remove"))</button>
            </form>
            <a href="\(base)">\(t("Annuler", "Cancel"))</a>
            """
    }
}

import Catalogue
import Community

/// A shop's catalogue in the merchant's dashboard: its products with their actions, the CSV import and export.
struct CataloguePage {
    let merchant: Merchant
    let products: [Product]
    /// What the last import found wrong, row by row (nothing was written).
    var importErrors: [CatalogueImport.RowError] = []
    /// A refusal of the whole file (unreadable, unknown column, over the limit).
    var error: CommunityError?
    /// How many products the last import added.
    var imported: Int?

    var base: String { "/dashboard/merchants/\(merchant.slug)/catalogue" }

    func title(_ t: Language) -> String { t("Catalogue", "Catalogue") + " · " + merchant.name }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(t("Catalogue", "Catalogue")) · \(merchant.name)</h1>
        \(notice(t))
        \(DashboardViews.problem(error, t))
        \(rowErrors(t))
        <p><a class="button" href="\(base)/new">\(t("Ajouter un produit", "Add a product"))</a> \
        <a href="/merchants/\(merchant.slug)#produits">\(t("Voir sur la page du commerce", "See on the shop's page"))</a></p>
        \(list(t))
        <section class="catalogue-files">
        <h2>\(t("Importer ou exporter un fichier CSV", "Import or export a CSV file"))</h2>
        <p>\(t("Une ligne par produit, sous un en-tête : name (ou nom), price (prix), unit (unité), et au choix description, availability (disponibilité : en stock, sur commande, de saison), seasonFrom et seasonUntil (début et fin de saison, comme 2026-12-01), category (catégorie). Les produits du fichier s'ajoutent au catalogue ; si une ligne est fausse, rien n'est importé et chaque ligne fausse est indiquée.",
            "One line per product, under a header: name, price, unit, and optionally description, availability (in stock, to order, seasonal), seasonFrom and seasonUntil (as 2026-12-01), category. The file's products are added to the catalogue; if a line is wrong, nothing is imported and every wrong line is listed."))</p>
        <form method="post" action="\(base)/import" enctype="multipart/form-data" class="stacked">
        <label for="file">\(t("Fichier CSV (UTF-8, 1 Mo au plus)", "CSV file (UTF-8, 1 MB at most)"))</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required>
        <button type="submit">\(t("Importer", "Import"))</button>
        </form>
        <p><a href="\(base).csv" download>\(t("Exporter le catalogue (CSV)", "Export the catalogue (CSV)"))</a></p>
        </section>
        """
    }

    private func notice(_ t: Language) -> HTML {
        guard let imported else { return "" }
        return
            "<p class=\"notice\" role=\"status\">\(Wording.count(imported, t, fr: (one: "produit importé", many: "produits importés"), en: (one: "product imported", many: "products imported")))</p>"
    }

    private func rowErrors(_ t: Language) -> HTML {
        guard !importErrors.isEmpty else { return "" }
        let items: [HTML] = importErrors.map { row in
            // In French, the field's sentence: the detail (which value) is written in English and stays out of the page.
            t == .fr
                ? "<li>Ligne \(row.line) : \(row.error.frenchMessage)</li>"
                : "<li>Line \(row.line): \(row.error.message)</li>"
        }
        return """
            <div class="error" role="alert"><p>\(t("Rien n'a été importé : corrigez ces lignes du fichier et importez-le de nouveau.",
                "Nothing was imported: fix these lines of the file and import it again."))</p>
            <ul class="import-errors">\(items)</ul></div>
            """
    }

    private func list(_ t: Language) -> HTML {
        guard !products.isEmpty else {
            return "<p class=\"empty\">\(t("Aucun produit pour l'instant.", "No products yet."))</p>"
        }
        let items: [HTML] = products.enumerated().map { index, product in
            let details = product.details
            let up: HTML = index == 0 ? "" : move(product, "up", t("Monter", "Move up"))
            let down: HTML = index == products.count - 1 ? "" : move(product, "down", t("Descendre", "Move down"))
            let category: HTML = details.category.isEmpty ? "" : " · \(details.category)"
            return """
                <li class="catalogue-item" id="produit-\(product.id.rawValue)">
                <strong>\(details.name)</strong>
                <span class="meta">\(ProductText.price(details, t)) · \(ProductText.availability(details.availability, t))\(category)</span>
                <span class="actions"><a href="\(base)/\(product.id.rawValue)/edit">\(t("Modifier", "Edit"))</a> \(up) \(down) \
                <a href="\(base)/\(product.id.rawValue)/remove">\(t("Retirer", "Remove"))</a></span>
                </li>
                """
        }
        return "<ul class=\"catalogue-list\">\(items)</ul>"
    }

    private func move(_ product: Product, _ direction: String, _ label: String) -> HTML {
        """
        <form method="post" action="\(base)/\(product.id.rawValue)/move" class="inline">\
        <input type="hidden" name="direction" value="\(direction)">\
        <button type="submit" class="secondary">\(label)</button></form>
        """
    }
}

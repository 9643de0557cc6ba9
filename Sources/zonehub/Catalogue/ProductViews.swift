import Catalogue
import Community
import Foundation

/// The products on a merchant's page, and a product's own page.
enum ProductViews {
    /// The "Produits" section of a merchant's page: nothing when the merchant lists none.
    static func section(_ products: [Product], merchant: Merchant, _ t: Language) -> HTML {
        guard !products.isEmpty else { return "" }
        let groups: [HTML] = ProductText.groups(products, t).map { group in
            let heading: HTML = group.title.map { "<h3>\($0)</h3>" } ?? ""
            return "\(heading)<ul class=\"product-list\">\(group.products.map { item($0, merchant: merchant, t) })</ul>"
        }
        return """
            <section class="products" id="produits" aria-labelledby="produits-titre">
            <h2 id="produits-titre">\(t("Produits", "Products"))</h2>
            \(groups)
            </section>
            """
    }

    static func item(_ product: Product, merchant: Merchant, _ t: Language) -> HTML {
        let details = product.details
        let summary =
            details.description.count > 160 ? String(details.description.prefix(159)) + "…" : details.description
        let description: HTML = summary.isEmpty ? "" : "<p class=\"product-description\">\(summary)</p>"
        return """
            <li class="product" id="produit-\(product.id.rawValue)">
            <a class="product-name" href="\(ProductText.path(product, merchant: merchant))">\(details.name)</a>
            <span class="product-price">\(ProductText.price(details, t))</span>
            <span class="product-availability">\(ProductText.availability(details.availability, t))</span>
            \(description)
            </li>
            """
    }

    /// A product's own page.
    static func page(_ product: Product, merchant: Merchant, _ t: Language) -> HTML {
        let details = product.details
        let category: HTML = details.category.isEmpty ? "" : "<p class=\"meta\">\(details.category)</p>"
        return """
            <article class="product-page">
            <h1>\(details.name)</h1>
            \(category)
            <p class="product-price">\(ProductText.price(details, t))</p>
            <p class="product-availability">\(ProductText.availability(details.availability, t))</p>
            <div class="body">\(HTML.text(details.description))</div>
            <p>\(t("Vendu par", "Sold by")) <a href="/merchants/\(merchant.slug)#produits">\(merchant.name)</a>, \
            \(merchant.profile.postcode) \(merchant.profile.commune)</p>
            </article>
            """
    }
}

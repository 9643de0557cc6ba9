import Catalogue
import Community
import Foundation
import Photos

/// The products on a merchant's page, and a product's own page.
enum ProductViews {
    /// The "Produits" section of a merchant's page, each product with its first photo as a thumbnail: nothing when
    /// the merchant lists none.
    static func section(
        _ products: [Product], merchant: Merchant, photos: [Product.ID: [PlacedPhoto]] = [:], _ t: Language
    ) -> HTML {
        guard !products.isEmpty else { return "" }
        let groups: [HTML] = ProductText.groups(products, t).map { group in
            let heading: HTML = group.title.map { "<h3>\($0)</h3>" } ?? ""
            let items = group.products.map { item($0, merchantSlug: merchant.slug, photo: photos[$0.id]?.first, t) }
            return "\(heading)<ul class=\"product-list\">\(items)</ul>"
        }
        return """
            <section class="products" id="produits" aria-labelledby="produits-titre">
            <h2 id="produits-titre">\(t("Produits", "Products"))</h2>
            <p><a class="button" href="/merchants/\(merchant.slug)/order">\(t("Commander pour retrait", "Order for collection"))</a></p>
            \(groups)
            </section>
            """
    }

    static func item(_ product: Product, merchantSlug: String, photo: PlacedPhoto? = nil, _ t: Language) -> HTML {
        let details = product.details
        let summary =
            details.description.count > 160 ? String(details.description.prefix(159)) + "…" : details.description
        let description: HTML = summary.isEmpty ? "" : "<p class=\"product-description\">\(summary)</p>"
        return """
            <li class="product" id="produit-\(product.id.rawValue)">
            \(photo.map { PhotoViews.image($0, sizes: "56px", className: "product-thumbnail") } ?? "")
            <a class="product-name" href="\(ProductText.path(product, merchantSlug: merchantSlug))">\(details.name)</a>
            <span class="product-price">\(ProductText.price(details, t))</span>
            <span class="product-availability">\(ProductText.availability(details.availability, t))</span>
            \(description)
            </li>
            """
    }

    /// A product's own page, with its photos.
    static func page(_ product: Product, merchant: Merchant, photos: [PlacedPhoto] = [], _ t: Language) -> HTML {
        let details = product.details
        let category: HTML = details.category.isEmpty ? "" : "<p class=\"meta\">\(details.category)</p>"
        return """
            <article class="product-page">
            <h1>\(details.name)</h1>
            \(category)
            <p class="product-price">\(ProductText.price(details, t))</p>
            <p class="product-availability">\(ProductText.availability(details.availability, t))</p>
            \(PhotoViews.gallery(photos, label: t("Photos du produit", "Photos of the product")))
            <div class="body">\(HTML.text(details.description))</div>
            <p><a class="button" href="/merchants/\(merchant.slug)/order?product=\(product.id.rawValue)">\
            \(t("Commander pour retrait", "Order for collection"))</a></p>
            <p>\(t("Vendu par", "Sold by")) <a href="/merchants/\(merchant.slug)#produits">\(merchant.name)</a>, \
            \(merchant.profile.postcode) \(merchant.profile.commune)</p>
            </article>
            """
    }
}

import Catalogue
import Community
import Photos

/// How a product shows in search results: its name linking to its page, the merchant that sells it, its price,
/// and its first photo when it has one.
enum ProductCard {
    static func card(_ product: Product, merchant: Merchant, photo: PlacedPhoto?, _ t: Language) -> HTML {
        let details = product.details
        let summary =
            details.description.count > 160 ? String(details.description.prefix(159)) + "…" : details.description
        return """
            <article class="merchant-card product-card">
            \(photo.map { PhotoViews.image($0, sizes: "64px", className: "product-thumbnail") } ?? "")
            <p class="meta"><span class="badge">\(t("Produit", "Product"))</span> \
            \(t("chez", "at")) <a href="/merchants/\(merchant.slug)">\(merchant.name)</a></p>
            <h3><a href="\(ProductText.path(product, merchant: merchant))">\(details.name)</a></h3>
            <p class="product-price">\(ProductText.price(details, t))</p>
            <p class="meta">\(ProductText.availability(details.availability, t)) · \
            \(merchant.profile.postcode) \(merchant.profile.commune)</p>
            \(summary.isEmpty ? "" : "<p class=\"product-description\">\(summary)</p>" as HTML)
            </article>
            """
    }
}

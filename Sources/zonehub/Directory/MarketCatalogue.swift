import Catalogue
import Community
import Directory
import Photos

/// A seasonal market's catalogue: the products of its stallholders, grouped by stallholder in the order they were
/// approved, a few of each with a link to the rest on the stallholder's page.
struct MarketCatalogue {
    /// Stallholders shown at most, and products of each.
    static let merchantLimit = 30
    static let productLimit = 6

    struct Stall {
        let merchantSlug: String
        let merchantName: String
        /// The first products, in the merchant's order.
        let products: [Product]
        /// Whether the merchant lists more than those.
        let hasMore: Bool
    }

    var stalls: [Stall] = []
    /// The products' photos: the first of each is its thumbnail.
    var photos: [Product.ID: [PlacedPhoto]] = [:]

    /// The catalogue of the `approved` applications' merchants.
    static func load(
        _ approved: [MarketApplication], catalogue: CatalogueService, photos: ProductPhotoService
    ) async throws -> MarketCatalogue {
        let shown = Array(approved.prefix(merchantLimit))
        // One more than shown tells whether a merchant lists more.
        let found = Dictionary(
            try await catalogue.products(of: shown.map(\.merchantID), perMerchant: productLimit + 1),
            uniquingKeysWith: { first, _ in first })
        let stalls = shown.compactMap { application -> Stall? in
            guard let products = found[application.merchantID], !products.isEmpty else { return nil }
            return Stall(
                merchantSlug: application.merchantSlug, merchantName: application.merchantName,
                products: Array(products.prefix(productLimit)), hasMore: products.count > productLimit)
        }
        return MarketCatalogue(
            stalls: stalls, photos: try await photos.photos(of: stalls.flatMap(\.products)))
    }

    /// The section of the market's page; nothing when no stallholder lists a product.
    func body(_ t: Language) -> HTML {
        guard !stalls.isEmpty else { return "" }
        let groups: [HTML] = stalls.map { stall in
            let items: [HTML] = stall.products.map {
                ProductViews.item($0, merchantSlug: stall.merchantSlug, photo: photos[$0.id]?.first, t)
            }
            let more: HTML =
                stall.hasMore
                ? "<p><a href=\"/merchants/\(stall.merchantSlug)#produits\">\(t("Tous les produits de \(stall.merchantName)", "All the products of \(stall.merchantName)"))</a></p>"
                : ""
            return """
                <h3><a href="/merchants/\(stall.merchantSlug)">\(stall.merchantName)</a></h3>
                <ul class="product-list">\(items)</ul>
                \(more)
                """
        }
        return """
            <section class="products market-catalogue" aria-labelledby="catalogue-titre">
            <h2 id="catalogue-titre">\(t("Les produits des exposants", "The stallholders' products"))</h2>
            \(groups)
            </section>
            """
    }
}

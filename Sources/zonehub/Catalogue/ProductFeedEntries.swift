import Catalogue
import Community
import Feeds
import Foundation
import Photos

/// A zone's new products as entries of its feeds: "Nouveau produit chez Épicerie du Marché : Bûche de Noël", linking
/// to the product's page, for the 30 days after it is listed.
enum ProductFeedEntries {
    /// How long a product stays new.
    static let window: TimeInterval = 30 * 24 * 3600
    /// Entries of products in one feed at most, and of one merchant's products.
    static let limit = 20
    static let perMerchant = 3

    /// The entries of `zone`'s new products at `now`, and when the oldest of them stops being new (the feed is
    /// rendered again then).
    static func load(zone: Zone.ID, catalogue: CatalogueService, photos: ProductPhotoService, now: Date, base: String)
        async throws -> (entries: [FeedEntry], staleAt: Date?)
    {
        let found = try await catalogue.newProducts(
            zone: zone, since: now.addingTimeInterval(-window), limit: limit, perMerchant: perMerchant)
        let pictures = try await photos.photos(of: found.map(\.product))
        let entries = found.map {
            entry($0.product, merchant: $0.merchant, photo: pictures[$0.product.id]?.first, base)
        }
        return (entries, found.map { $0.product.createdAt.addingTimeInterval(window) }.min())
    }

    /// One product's entry, in French like the feeds' other entries.
    static func entry(_ product: Product, merchant: Merchant, photo: PlacedPhoto?, _ base: String) -> FeedEntry {
        let details = product.details
        let url = base + ProductText.path(product, merchant: merchant)
        let facts = [ProductText.price(details, .fr), ProductText.availability(details.availability, .fr)]
        var html = ""
        if let photo {
            html += "<p><img src=\"\(PlainText.escape(PhotoViews.absoluteSource(photo, width: 640, base: base)))\" "
            html += "alt=\"\(PlainText.escape(photo.alt))\"></p>"
        }
        html += "<ul>" + facts.map { "<li>\(PlainText.escape($0))</li>" }.joined() + "</ul>"
        html += PlainText.html(details.description)
        let shop = base + "/merchants/\(merchant.slug)"
        html += "<p>— <a href=\"\(PlainText.escape(shop))\">\(PlainText.escape(merchant.name))</a></p>"
        let line = details.description.split(whereSeparator: \.isNewline).joined(separator: " ")
        let summary = ([facts[0]] + (line.isEmpty ? [] : [line])).joined(separator: " · ")
        return FeedEntry(
            url: url, title: "Nouveau produit chez \(merchant.name) : \(details.name)",
            summary: summary.count > 280 ? String(summary.prefix(279)) + "…" : summary, html: html,
            published: product.createdAt, updated: product.updatedAt, authorName: merchant.name, authorURL: shop,
            categoryTerm: "product", categoryLabel: "Nouveau produit")
    }
}

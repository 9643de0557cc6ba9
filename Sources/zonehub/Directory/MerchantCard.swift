import Community
import Foundation
import Photos

/// How a merchant shows in search results and directory lists.
enum MerchantCard {
    /// `logo` is the merchant's, when it has one.
    static func card(_ merchant: Merchant, _ t: Language, status: HTML = "", logo: PlacedPhoto? = nil) -> HTML {
        let profile = merchant.profile
        let links: [HTML] = ([profile.website].compactMap { $0 } + profile.links).prefix(4).map {
            "<li><a href=\"\($0)\" rel=\"noopener\">\(host(of: $0))</a></li>"
        }
        return """
            <article class="merchant-card">
            \(logo.map { PhotoViews.logo($0) } ?? "")
            <p class="meta"><span class="badge">\(t("Commerce", "Shop"))</span> \
            \(profile.categories.map { Formats.category($0, t) }.joined(separator: " · "))</p>
            <h3><a href="/merchants/\(merchant.slug)">\(merchant.name)</a></h3>
            <p class="meta">\(profile.postcode) \(profile.commune)</p>
            \(status)
            \(links.isEmpty ? "" : "<ul class=\"shop-links\">\(links)</ul>" as HTML)
            </article>
            """
    }

    /// "boutique.example.org" rather than a long address: the link says where it leads.
    static func host(of address: String) -> String {
        URLComponents(string: address)?.host.map { $0.hasPrefix("www.") ? String($0.dropFirst(4)) : $0 } ?? address
    }
}

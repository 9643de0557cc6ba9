import Catalogue
import Community
import Directory
import Foundation
import Orders
import Photos

/// A merchant's page: profile, contact facts, opening hours, online shops, current posts and feed.
struct MerchantPage {
    let merchant: Merchant
    let posts: [Post]
    let viewer: User?
    let listings: ListingService
    /// For "open now" in the opening hours.
    let now: Date
    let publicURL: String
    /// Its logo, beside its name, and the photos of the shop.
    var photos = MerchantPhotos()
    /// The merchant's catalogue, grouped by category under "Produits".
    var products: [Product] = []
    /// The products' photos: the first of each is its thumbnail in the list.
    var productPhotos: [Product.ID: [PlacedPhoto]] = [:]
    /// The merchant's pre-order campaigns open now ("Bûches de Noël").
    var campaigns: [PreOrderCampaign] = []

    var head: HTML {
        "\(FeedLinks.head("/merchants/\(merchant.slug)/feed", title: merchant.name))\n\(SEOHead.merchant(merchant, base: publicURL))\(ProductStructuredData.catalogue(products, merchant: merchant, base: publicURL))"
    }

    func body(_ t: Language) -> HTML {
        let profile = merchant.profile
        let links: [HTML] = profile.links.map {
            "<li><a href=\"\(ReachController.path(merchant, $0))\" rel=\"noopener nofollow\">\($0)</a></li>"
        }
        let shops: HTML = links.isEmpty ? "" : "<h2>\(t("Boutiques en ligne", "Online shops"))</h2><ul>\(links)</ul>"
        let list: HTML =
            posts.isEmpty
            ? "<p class=\"empty\">\(t("Aucune publication en cours.", "No current posts."))</p>"
            : "<div class=\"posts\">\(posts.map { PostCard.card($0, t) })</div>"
        return """
            \(photos.logo.map { PhotoViews.logo($0, eager: true) } ?? "")
            <h1>\(merchant.name)</h1>
            <p class="meta">\(profile.categories.map { Formats.category($0, t) }.joined(separator: " · "))</p>
            <div class="body">\(HTML.text(profile.description))</div>
            \(PhotoViews.gallery(photos.shop, label: t("Photos du commerce", "Photos of the shop")))
            <ul class="facts">\(facts(t))</ul>
            \(ListingViews.freshness(merchant, viewer: viewer, listings: listings, t))
            \(ClaimViews.invitation(merchant, viewer: viewer, t))
            \(shops)
            \(OrderViews.campaignLinks(campaigns, merchant: merchant, t))
            \(ProductViews.section(products, merchant: merchant, photos: productPhotos, t))
            <h2>\(t("Publications", "Posts"))</h2>
            \(list)
            \(FeedLinks.follow("/merchants/\(merchant.slug)/feed", t))
            """
    }

    private func facts(_ t: Language) -> [HTML] {
        let profile = merchant.profile
        var facts: [HTML] = [
            "<li>\(profile.address.isEmpty ? "" : profile.address + ", ")\(profile.postcode) \(profile.commune)</li>"
        ]
        if let phone = profile.phone {
            facts.append(
                "<li>\(t("Téléphone", "Phone")) : <a href=\"tel:\(phone.filter { !" .-".contains($0) })\">\(phone)</a></li>"
            )
        }
        if let email = profile.email { facts.append("<li><a href=\"mailto:\(email)\">\(email)</a></li>") }
        if let website = profile.website {
            facts.append(
                "<li><a href=\"\(ReachController.path(merchant, website))\" rel=\"noopener nofollow\">\(website)</a></li>"
            )
        }
        if let hours = profile.openingHours { facts.append(OpeningHoursText.fact(hours, at: now, t)) }
        if let siret = profile.siret { facts.append("<li>SIRET \(siret)</li>") }
        return facts
    }
}

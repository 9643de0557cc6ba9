import Community
import Directory
import Foundation
import Photos

/// A zone's page: its latest posts, by category, with its markets, directory, pop-ups and feeds.
struct ZonePage {
    let zone: Zone
    let category: Category?
    let posts: [Post]
    let markets: [Market]
    let publicURL: String
    /// The posts' photos: the first of each is its card's thumbnail.
    var photos: [Post.ID: [PlacedPhoto]] = [:]

    private var feed: String {
        category.map { "/zones/\(zone.slug)/categories/\($0.rawValue)/feed" } ?? "/zones/\(zone.slug)/feed"
    }

    var head: HTML {
        let feedTitle = category.map { "\(zone.name) · \($0.label)" } ?? zone.name
        let seo = SEOHead.tags(
            path: "/zones/\(zone.slug)", title: zone.name, description: zone.definition.description, base: publicURL)
        return "\(FeedLinks.head(feed, title: feedTitle))\n\(seo)"
    }

    func body(_ t: Language) -> HTML {
        let list: HTML =
            posts.isEmpty
            ? "<p class=\"empty\">\(t("Pas encore de publication ici.", "Nothing published here yet."))</p>"
            : "<div class=\"posts\">\(posts.map { PostCard.card($0, t, photo: photos[$0.id]?.first) })</div>"
        let communes = zone.definition.communes.map(\.name).joined(separator: ", ")
        let marketLinks: [HTML] = markets.map { "<a href=\"/markets/\($0.slug)\">\($0.draft.title)</a>" }
        return """
            <h1>\(zone.name)</h1>
            <p class="lead">\(zone.definition.description)</p>
            <p><a href="/zones/\(zone.slug)/directory">\(t("Annuaire des commerces de la zone", "The zone's shop directory"))</a></p>
            \(marketLinks.isEmpty ? "" : "<p class=\"markets\">\(t("Marchés de saison :", "Seasonal markets:")) \(marketLinks.joined(separator: ", "))</p>" as HTML)
            <nav class="filters" aria-label="\(t("Catégories", "Categories"))">\(filters(t))</nav>
            <h2>\(t("Dernières publications", "Latest posts"))</h2>
            \(list)
            <details><summary>\(t("Communes de la zone", "Communes in this zone"))</summary><p>\(communes)</p></details>
            \(FeedLinks.follow(feed, t))
            <p class="meta"><a href="/zones/\(zone.slug)/markets">\(t("Marchés de saison", "Seasonal markets"))</a></p>
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups">\(t("Boutiques éphémères", "Pop-up shops"))</a></p>
            <p class="meta"><a href="/zones/\(zone.slug)/transparency">\(t("Transparence de la modération", "Moderation transparency"))</a></p>
            """
    }

    /// "All" and one link per category, the current one marked.
    private func filters(_ t: Language) -> [HTML] {
        [
            "<a href=\"/zones/\(zone.slug)\"\(category == nil ? HTML(raw: " aria-current=\"page\"") : "")>\(t("Tout", "All"))</a>"
        ]
            + Category.allCases.map { item in
                let current: HTML = item == category ? " aria-current=\"page\"" : ""
                return
                    "<a href=\"/zones/\(zone.slug)?category=\(item.rawValue)\"\(current)>\(Formats.category(item, t))</a>"
            }
    }
}

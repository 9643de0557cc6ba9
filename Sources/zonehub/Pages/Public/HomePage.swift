import Community
import Foundation

/// The home page: the zones, the way to find one's own, and the hub's feeds.
struct HomePage {
    let zones: [Zone]

    var head: HTML { FeedLinks.head("/feed", title: "zonehub") }

    func title(_ t: Language) -> String { t("Accueil", "Home") }

    func body(_ t: Language) -> HTML {
        let cards: [HTML] = zones.map { zone in
            """
            <li class="zone-card"><a href="/zones/\(zone.slug)"><strong>\(zone.name)</strong></a>
            <span class="meta">\(t("Département", "Département")) \(zone.definition.departements.joined(separator: ", ")) · \
            \(zone.definition.communes.count) \(t("communes", "communes"))</span>
            <p>\(zone.definition.description)</p></li>
            """
        }
        return """
            <h1>\(t("Le commerce local de votre zone", "Local shops in your area"))</h1>
            <p class="lead">\(t("Offres, nouveautés et événements des commerçants près de chez vous.",
                "Offers, news and events from the shops near you."))</p>
            \(ZoneSearchPage.form(query: "", t))
            <p><a href="/directory">\(t("Annuaire des commerces", "Shop directory"))</a> · \
            <a href="/search">\(t("Rechercher un produit ou un commerce", "Search for a product or a shop"))</a></p>
            <h2>\(t("Les zones", "Zones"))</h2>
            <ul class="zones">\(cards)</ul>
            \(FeedLinks.follow("/feed", t))
            <p class="meta"><a href="/feeds.opml">\(t("Tous les flux des zones (OPML)", "Every zone's feeds (OPML)"))</a></p>
            """
    }
}

import Community
import Directory
import Foundation
import Photos
import PopUps

/// The home page: finding one's zone, the digest, the latest posts across zones, the coming markets and pop-up
/// shops, then the zones and the hub's feeds. Every list is short and read with a bound (see `HomeContent`).
struct HomePage {
    let hubName: String
    let zones: [Zone]
    let content: HomeContent

    var head: HTML { FeedLinks.head("/feed", title: hubName) }

    func title(_ t: Language) -> String { t("Accueil", "Home") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(hubName) · \(t("le commerce local de votre zone", "local shops in your area"))</h1>
        <p class="lead">\(t("Offres, nouveautés et événements des commerçants près de chez vous.",
            "Offers, news and events from the shops near you."))</p>
        \(ZoneSearchPage.form(query: "", t))
        <p><a href="/directory">\(t("Annuaire des commerces", "Shop directory"))</a> · \
        <a href="/search">\(t("Rechercher un produit ou un commerce", "Search for a product or a shop"))</a></p>
        <aside class="digest-call" aria-labelledby="digest-call"><h2 id="digest-call">\(t("Le résumé par courriel",
            "The digest by email"))</h2>
        <p>\(t("Chaque jour ou chaque semaine, les nouvelles annonces des commerçants de vos zones. Sans compte.",
            "Every day or every week, the new posts of your zones' shops. No account needed."))</p>
        <p><a class="button" href="/subscribe">\(t("Recevoir le résumé", "Get the digest"))</a></p></aside>
        <section class="home-section" aria-labelledby="latest"><h2 id="latest">\(t("Dernières publications",
            "Latest posts"))</h2>
        \(latest(t))</section>
        <section class="home-section" id="marches" aria-labelledby="markets-title"><h2 id="markets-title">\(t(
            "Marchés de saison", "Seasonal markets"))</h2>
        \(markets(t))</section>
        <section class="home-section" id="boutiques-ephemeres" aria-labelledby="pop-ups-title">\
        <h2 id="pop-ups-title">\(t("Boutiques éphémères", "Pop-up shops"))</h2>
        \(popUps(t))</section>
        <section class="home-section" aria-labelledby="zones-title"><h2 id="zones-title">\(t("Les zones", "Zones"))</h2>
        <ul class="zones">\(zones.map { Self.card($0, t) })</ul></section>
        \(FeedLinks.follow("/feed", t))
        <p class="meta"><a href="/feeds.opml">\(t("Tous les flux des zones (OPML)", "Every zone's feeds (OPML)"))</a></p>
        """
    }

    /// A zone as the home page and the "outside every zone" answer show it.
    static func card(_ zone: Zone, _ t: Language) -> HTML {
        """
        <li class="zone-card"><a href="/zones/\(zone.slug)"><strong>\(zone.name)</strong></a>
        <span class="meta">\(t("Département", "Département")) \(zone.definition.departements.joined(separator: ", ")) · \
        \(zone.definition.communes.count) \(t("communes", "communes"))</span>
        <p>\(zone.definition.description)</p></li>
        """
    }

    private func latest(_ t: Language) -> HTML {
        content.posts.isEmpty
            ? "<p class=\"empty\">\(t("Pas encore de publication.", "Nothing published yet."))</p>"
            : "<div class=\"posts\">\(content.posts.map { PostCard.card($0, t, photo: content.photos[$0.id]?.first) })</div>"
    }

    private func zoneName(_ id: Zone.ID) -> String { zones.first { $0.id == id }?.name ?? "" }

    private func markets(_ t: Language) -> HTML {
        guard !content.markets.isEmpty else {
            return "<p class=\"empty\">\(t("Aucun marché annoncé pour l'instant.", "No market announced yet."))</p>"
        }
        let items: [HTML] = content.markets.map { market in
            """
            <li\(PhotoViews.listThumb(content.marketPhotos[market.id.rawValue]))<a href="/markets/\(market.slug)"><strong>\(market.draft.title)</strong></a>
            <span class="meta">\(zoneName(market.zoneID)) · \(t("du", "from")) \(Formats.date(market.draft.startsAt, t)) \
            \(t("au", "to")) \(Formats.date(market.draft.endsAt, t))</span></li>
            """
        }
        return "<ul class=\"upcoming\">\(items)</ul>"
    }

    private func popUps(_ t: Language) -> HTML {
        guard !content.slots.isEmpty else {
            return "<p class=\"empty\">\(t("Aucun créneau à venir.", "No coming slot."))</p>"
        }
        let items: [HTML] = content.slots.map { slot in
            let venue = content.venues[slot.venueID]
            return """
                <li\(PhotoViews.listThumb(content.venuePhotos[slot.venueID.rawValue]))<a href="/pop-up-slots/\(slot.id.rawValue)"><strong>\(venue?.name ?? t("Boutique éphémère",
                    "Pop-up shop"))</strong></a>
                <span class="meta">\(venue.map { zoneName($0.zoneID) } ?? "") · \(PopUpViews.when(slot, t))</span>
                <span class="meta">\(PopUpViews.places(slot, t))</span></li>
                """
        }
        return "<ul class=\"upcoming\">\(items)</ul>"
    }
}

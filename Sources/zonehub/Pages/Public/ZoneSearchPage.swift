import Community
import Foundation

/// "Find my zone": the communes matching a postcode or a name, or, when the query cannot match (`matches` nil),
/// what to type instead.
struct ZoneSearchPage {
    let query: String
    let matches: [CommuneMatch]?
    /// The zones there are, shown when no commune matched.
    var zones: [Zone] = []
    /// Where to ask for a new zone.
    var contact: HubIdentity.Contact?

    func title(_ t: Language) -> String { t("Trouver ma zone", "Find my zone") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        \(Self.form(query: query, t))
        \(results(t))
        """
    }

    private func results(_ t: Language) -> HTML {
        guard let matches else {
            return """
                <p class="error" role="alert">\(t("Tapez un code postal (5 chiffres) ou le nom d'une commune.",
                    "Type a postcode (5 digits) or a commune name."))</p>
                """
        }
        let items: [HTML] = matches.map { match in
            """
            <li class="commune-match"><strong>\(match.commune)</strong> (\(match.postcode)) → \
            <a href="/zones/\(match.zoneSlug)">\(match.zoneName)</a></li>
            """
        }
        return items.isEmpty ? outside(t) : "<ul class=\"matches\">\(items)</ul>"
    }

    /// No zone covers the place: the zones there are, and how to ask for one.
    private func outside(_ t: Language) -> HTML {
        let ask: HTML =
            contact.map {
                """
                <p>\(t("Votre commune n'est dans aucune zone ? Demandez-en une : écrivez à",
                    "Is your commune in no zone? Ask for one: write to")) <a href="\($0.href)">\($0.text)</a> \(t(
                    "en nommant votre commune et quelques commerces qui aimeraient y être.",
                    "naming your commune and a few shops that would like to be on it."))</p>
                """
            } ?? ""
        return """
            <p class="empty" role="status">\(t("Aucune de nos zones ne couvre « \(query) » pour l'instant.",
                "None of our zones covers “\(query)” yet."))</p>
            \(ask)
            <h2>\(t("Les zones du hub", "The hub's zones"))</h2>
            <ul class="zones zones-outside">\(zones.map { HomePage.card($0, t) })</ul>
            """
    }

    /// The postcode or commune form, on this page and the home page.
    static func form(query: String, _ t: Language) -> HTML {
        """
        <form class="search" method="get" action="/zones/search" role="search">
        <label for="q">\(t("Code postal ou commune", "Postcode or commune"))</label>
        <input id="q" name="q" type="search" value="\(query)" required maxlength="80" placeholder="91100">
        <button type="submit">\(t("Trouver ma zone", "Find my zone"))</button>
        </form>
        """
    }
}

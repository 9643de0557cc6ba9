import Community
import Foundation

/// "Find my zone": the communes matching a postcode or a name, or, when the query cannot match (`matches` nil),
/// what to type instead.
struct ZoneSearchPage {
    let query: String
    let matches: [CommuneMatch]?

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
        return items.isEmpty
            ? "<p class=\"empty\">\(t("Aucune commune trouvée dans nos zones.", "No commune found in our zones."))</p>"
            : "<ul class=\"matches\">\(items)</ul>"
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

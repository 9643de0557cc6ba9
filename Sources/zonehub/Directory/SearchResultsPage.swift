import Catalogue
import Community
import Directory
import Foundation
import Photos

/// The search page (`/search`): the form with what was typed, then the merchants (with their logos), live posts and
/// products (with their first photos) found, or why the search was refused. Named apart from `Directory.SearchPage`, the page of results it shows.
struct SearchResultsPage {
    /// What the form shows as typed: the address's parameters, empty when absent.
    struct Entered {
        let text: String
        let zone: String
        let commune: String
        let category: String
        let kind: String
    }

    /// Where the search stands.
    enum Outcome {
        /// No words sent yet: the form alone.
        case blank
        /// The words or filters were refused.
        case refused(CommunityError)
        /// What `query` found; `hasMore` when further results follow.
        case found(SearchQuery, results: [SearchResult], hasMore: Bool)
    }

    let entered: Entered
    /// The zones the form offers.
    let zones: [Zone]
    let outcome: Outcome
    /// The page's own address, for the previous and next links.
    let address: String
    let listings: ListingService
    /// For "open now" on the merchants' cards.
    let now: Date
    var pictures = Pictures()

    /// The images of the results: merchants' logos, products' photos (the first of each shows).
    struct Pictures {
        var logos: [Merchant.ID: PlacedPhoto] = [:]
        var products: [Product.ID: [PlacedPhoto]] = [:]
    }

    func title(_ t: Language) -> String {
        guard case .found(let query, _, _) = outcome else { return t("Rechercher", "Search") }
        return t("Recherche", "Search") + " : " + query.text
    }

    /// Results are not for search engines.
    var head: HTML {
        guard case .found = outcome else { return "" }
        return "<meta name=\"robots\" content=\"noindex\">"
    }

    func body(_ t: Language) -> HTML {
        switch outcome {
        case .blank:
            return "<h1>\(t("Rechercher", "Search"))</h1>\(form(t))"
        case .refused(let error):
            return """
                <h1>\(t("Rechercher", "Search"))</h1>
                \(form(t))
                \(UserMessages.alert(error, t))
                """
        case .found(let query, let results, let hasMore):
            return """
                <h1>\(t("Rechercher", "Search"))</h1>
                \(form(t))
                <h2>\(t("Résultats pour", "Results for")) « \(query.text) »</h2>
                \(list(results, t))
                \(pager(query, hasMore: hasMore, t))
                """
        }
    }

    private func list(_ results: [SearchResult], _ t: Language) -> HTML {
        let items: [HTML] = results.map { result in
            switch result {
            case .merchant(let merchant):
                MerchantCard.card(
                    merchant, t, status: ListingViews.badges(merchant, at: now, listings: listings, t),
                    logo: pictures.logos[merchant.id])
            case .post(let post): PostCard.card(post, t)
            case .product(let product, let merchant):
                ProductCard.card(product, merchant: merchant, photo: pictures.products[product.id]?.first, t)
            }
        }
        return items.isEmpty
            ? "<p class=\"empty\">\(t("Aucun résultat. Essayez moins de mots ou un autre filtre.", "No results. Try fewer words or another filter."))</p>"
            : "<div class=\"posts results\">\(items)</div>"
    }

    private func form(_ t: Language) -> HTML {
        let zoneOptions: [HTML] = zones.map {
            "<option value=\"\($0.slug)\"\(selected($0.slug == entered.zone))>\($0.name)</option>"
        }
        let categoryOptions: [HTML] = Category.allCases.map {
            "<option value=\"\($0.rawValue)\"\(selected($0.rawValue == entered.category))>\(Formats.category($0, t))</option>"
        }
        let kinds: [(String, String)] = [
            ("merchant", t("Commerces", "Shops")), ("offer", t("Offres", "Offers")),
            ("news", t("Actualités", "News")), ("event", t("Événements", "Events")),
            ("product", t("Produits", "Products")),
        ]
        let kindOptions: [HTML] = kinds.map {
            "<option value=\"\($0.0)\"\(selected($0.0 == entered.kind))>\($0.1)</option>"
        }
        return """
            <form class="search stacked" method="get" action="/search" role="search">
            <label for="q">\(t("Que cherchez-vous ?", "What are you looking for?"))</label>
            <input id="q" name="q" type="search" value="\(entered.text)" maxlength="200" \
            placeholder="\(t("épicerie, pain, marché de Noël…", "grocery, bread, Christmas market…"))">
            <label for="zone">\(t("Zone", "Zone"))</label>
            <select id="zone" name="zone"><option value="">\(t("Toutes les zones", "All zones"))</option>\(zoneOptions)</select>
            <label for="commune">\(t("Commune", "Commune"))</label>
            <input id="commune" name="commune" value="\(entered.commune)" maxlength="80">
            <label for="category">\(t("Catégorie", "Category"))</label>
            <select id="category" name="category"><option value="">\(t("Toutes", "All"))</option>\(categoryOptions)</select>
            <label for="kind">\(t("Type", "Type"))</label>
            <select id="kind" name="kind"><option value="">\(t("Tout", "Everything"))</option>\(kindOptions)</select>
            <button type="submit">\(t("Rechercher", "Search"))</button>
            </form>
            """
    }

    private func selected(_ isSelected: Bool) -> HTML { isSelected ? " selected" : "" }

    /// Previous and next links keep every parameter but the offset.
    private func pager(_ query: SearchQuery, hasMore: Bool, _ t: Language) -> HTML {
        func link(_ offset: Int, _ label: String) -> HTML {
            var components = URLComponents(string: address) ?? URLComponents()
            components.queryItems =
                (components.queryItems ?? []).filter { $0.name != "offset" }
                + [URLQueryItem(name: "offset", value: String(offset))]
            return "<a href=\"\(components.url?.relativeString ?? "/search")\">\(label)</a>"
        }
        var links: [HTML] = []
        if query.offset > 0 { links.append(link(max(0, query.offset - query.limit), t("← Précédents", "← Previous"))) }
        if hasMore { links.append(link(query.offset + query.limit, t("Suivants →", "Next →"))) }
        return links.isEmpty ? "" : "<nav class=\"pager\">\(links.joined(separator: " "))</nav>"
    }
}

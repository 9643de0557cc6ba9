import Community
import Directory
import Foundation
import Hummingbird

/// The search page: merchants and live posts matching words, with filters.
struct SearchPagesController {
    let zones: ZoneService
    let search: SearchService
    let listings: ListingService
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/search", use: search)
    }

    func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let zones = try await zones.active()
        guard request.uri.queryParameters.get("q") != nil else {
            return PageRenderer.page(
                t("Rechercher", "Search"), "<h1>\(t("Rechercher", "Search"))</h1>\(form(request, zones, t))",
                context: context)
        }
        let page: SearchPage
        let query: SearchQuery
        do {
            query = try SearchRequest.query(request)
            page = try await search.run(query)
        } catch let error as CommunityError where error.category == .invalidInput {
            return PageRenderer.page(
                t("Rechercher", "Search"),
                """
                <h1>\(t("Rechercher", "Search"))</h1>
                \(form(request, zones, t))
                <p class="error" role="alert">\(UserMessages.text(error, t))</p>
                """, context: context, status: .badRequest)
        }
        let items: [HTML] = page.results.map { result in
            switch result {
            case .merchant(let merchant):
                MerchantCard.card(
                    merchant, t, status: ListingViews.badges(merchant, at: clock.now(), listings: listings, t))
            case .post(let post): PostCard.card(post, t)
            }
        }
        let list: HTML =
            items.isEmpty
            ? "<p class=\"empty\">\(t("Aucun résultat. Essayez moins de mots ou un autre filtre.", "No results. Try fewer words or another filter."))</p>"
            : "<div class=\"posts results\">\(items)</div>"
        return PageRenderer.page(
            t("Recherche", "Search") + " : " + query.text,
            """
            <h1>\(t("Rechercher", "Search"))</h1>
            \(form(request, zones, t))
            <h2>\(t("Résultats pour", "Results for")) « \(query.text) »</h2>
            \(list)
            \(pager(request, query: query, hasMore: page.hasMore, t))
            """, context: context, head: "<meta name=\"robots\" content=\"noindex\">")
    }

    private func form(_ request: Request, _ zones: [Zone], _ t: Language) -> HTML {
        let parameters = request.uri.queryParameters
        let zone = parameters.get("zone") ?? ""
        let category = parameters.get("category") ?? ""
        let kind = parameters.get("kind") ?? ""
        let zoneOptions: [HTML] = zones.map {
            "<option value=\"\($0.slug)\"\(selected($0.slug == zone))>\($0.name)</option>"
        }
        let categoryOptions: [HTML] = Category.allCases.map {
            "<option value=\"\($0.rawValue)\"\(selected($0.rawValue == category))>\(Formats.category($0, t))</option>"
        }
        let kinds: [(String, String)] = [
            ("merchant", t("Commerces", "Shops")), ("offer", t("Offres", "Offers")),
            ("news", t("Actualités", "News")), ("event", t("Événements", "Events")),
        ]
        let kindOptions: [HTML] = kinds.map { "<option value=\"\($0.0)\"\(selected($0.0 == kind))>\($0.1)</option>" }
        return """
            <form class="search stacked" method="get" action="/search" role="search">
            <label for="q">\(t("Que cherchez-vous ?", "What are you looking for?"))</label>
            <input id="q" name="q" type="search" value="\(parameters.get("q") ?? "")" maxlength="200" \
            placeholder="\(t("épicerie, pain, marché de Noël…", "grocery, bread, Christmas market…"))">
            <label for="zone">\(t("Zone", "Zone"))</label>
            <select id="zone" name="zone"><option value="">\(t("Toutes les zones", "All zones"))</option>\(zoneOptions)</select>
            <label for="commune">\(t("Commune", "Commune"))</label>
            <input id="commune" name="commune" value="\(parameters.get("commune") ?? "")" maxlength="80">
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
    private func pager(_ request: Request, query: SearchQuery, hasMore: Bool, _ t: Language) -> HTML {
        func link(_ offset: Int, _ label: String) -> HTML {
            var components = URLComponents(string: request.uri.description) ?? URLComponents()
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

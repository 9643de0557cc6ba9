import Community
import Directory
import Foundation
import Hummingbird
import Storage

/// The directory pages: the hub's and each zone's merchants by category and commune, with open now.
struct DirectoryPagesController {
    let zones: ZoneService
    let directory: DirectoryService
    let listings: ListingService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/directory", use: hubDirectory)
        router.get("/zones/:slug/directory", use: zoneDirectory)
    }

    func hubDirectory(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await directory(zone: nil, request, context: context)
    }

    func zoneDirectory(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await directory(
            zone: try await zones.zone(slug: context.parameters.require("slug")), request, context: context)
    }

    private func directory(zone: Zone?, _ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let parameters = request.uri.queryParameters
        let filters = DirectoryFilters(
            path: zone.map { "/zones/\($0.slug)/directory" } ?? "/directory",
            category: try parameters.get("category").flatMap { $0.isEmpty ? nil : try Category.parse($0) },
            commune: parameters.get("commune").flatMap { $0.isEmpty ? nil : $0 },
            openNow: parameters.get("open") == "1",
            page: try APIController.integer(parameters.get("page"), "page", in: 0...1000) ?? 0)
        let listing = try await directory.listing(
            zone: zone, category: filters.category, commune: filters.commune, openNow: filters.openNow,
            page: filters.page)
        let title = t("Annuaire des commerces", "Shop directory") + (zone.map { " · \($0.name)" } ?? "")
        let groups: [HTML] = listing.byCategory.map { group in
            """
            <section class="directory-group"><h2>\(Formats.category(group.category, t)) \
            <span class="meta">(\(group.merchants.count))</span></h2>
            <div class="posts">\(group.merchants.map { card($0, listing: listing, t) })</div></section>
            """
        }
        let empty: HTML =
            "<p class=\"empty\">\(t("Aucun commerce ne correspond à ces filtres.", "No shop matches these filters."))</p>"
        return PageRenderer.page(
            title,
            """
            <h1>\(title)</h1>
            <p class="lead">\(listing.counts.total) \(t("commerces", "shops")) · \
            <a href="/search">\(t("Rechercher un produit ou un commerce", "Search for a product or a shop"))</a></p>
            \(filters.navigation(listing.counts, t))
            \(groups.isEmpty ? empty : groups.joined())
            \(filters.pager(hasMore: listing.hasMore, t))
            """, context: context)
    }

    private func card(_ merchant: Merchant, listing: DirectoryListing, _ t: Language) -> HTML {
        MerchantCard.card(
            merchant, t, status: ListingViews.badges(merchant, at: listing.now, listings: listings, t))
    }
}

/// The directory's filters as read from the address, and the links that change one of them.
struct DirectoryFilters {
    let path: String
    let category: Category?
    let commune: String?
    let openNow: Bool
    let page: Int

    func link(category: Category?? = nil, commune: String?? = nil, openNow: Bool? = nil, page: Int = 0) -> String {
        var items: [URLQueryItem] = []
        if let category = category ?? self.category {
            items.append(URLQueryItem(name: "category", value: category.rawValue))
        }
        if let commune = commune ?? self.commune { items.append(URLQueryItem(name: "commune", value: commune)) }
        if openNow ?? self.openNow { items.append(URLQueryItem(name: "open", value: "1")) }
        if page > 0 { items.append(URLQueryItem(name: "page", value: String(page))) }
        var components = URLComponents()
        components.path = path
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }

    func navigation(_ counts: DirectoryCounts, _ t: Language) -> HTML {
        func current(_ flag: Bool) -> HTML { flag ? " aria-current=\"page\"" : "" }
        let categories: [HTML] =
            ["<a href=\"\(link(category: .some(nil)))\"\(current(category == nil))>\(t("Toutes", "All"))</a>"]
            + Category.allCases.compactMap { item in
                guard let count = counts.categories[item] else { return nil }
                return
                    "<a href=\"\(link(category: item))\"\(current(item == category))>\(Formats.category(item, t)) (\(count))</a>"
            }
        let communes: [HTML] =
            ["<a href=\"\(link(commune: .some(nil)))\"\(current(commune == nil))>\(t("Toutes", "All"))</a>"]
            + counts.communes.map { item in
                "<a href=\"\(link(commune: item.name))\"\(current(item.name.folded == commune?.folded))>\(item.name) (\(item.count))</a>"
            }
        let open: HTML =
            openNow
            ? "<a href=\"\(link(openNow: false))\" aria-current=\"page\">\(t("Ouverts maintenant", "Open now")) ✕</a>"
            : "<a href=\"\(link(openNow: true))\">\(t("Ouverts maintenant", "Open now"))</a>"
        return """
            <nav class="filters" aria-label="\(t("Catégories", "Categories"))">\(categories)</nav>
            <nav class="filters" aria-label="\(t("Communes", "Communes"))">\(communes)</nav>
            <nav class="filters" aria-label="\(t("Ouverture", "Opening"))">\(open)</nav>
            """
    }

    func pager(hasMore: Bool, _ t: Language) -> HTML {
        var links: [HTML] = []
        if page > 0 { links.append("<a href=\"\(link(page: page - 1))\">\(t("← Précédents", "← Previous"))</a>") }
        if hasMore { links.append("<a href=\"\(link(page: page + 1))\">\(t("Suivants →", "Next →"))</a>") }
        return links.isEmpty ? "" : "<nav class=\"pager\">\(links.joined(separator: " "))</nav>"
    }
}

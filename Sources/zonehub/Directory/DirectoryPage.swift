import Community
import Directory
import Foundation
import Photos
import Storage

/// The directory of the hub (`zone` nil) or of a zone: its merchants by category, the filters by category, commune
/// and open now, and the pages.
struct DirectoryPage {
    let zone: Zone?
    let filters: DirectoryFilters
    let listing: DirectoryListing
    let listings: ListingService
    /// The logos of the merchants listed.
    var logos: [Merchant.ID: PlacedPhoto] = [:]

    func title(_ t: Language) -> String {
        t("Annuaire des commerces", "Shop directory") + (zone.map { " · \($0.name)" } ?? "")
    }

    func body(_ t: Language) -> HTML {
        let groups: [HTML] = listing.byCategory.map { group in
            """
            <section class="directory-group"><h2>\(Formats.category(group.category, t)) \
            <span class="meta">(\(group.merchants.count))</span></h2>
            <div class="posts">\(group.merchants.map { card($0, t) })</div></section>
            """
        }
        let empty: HTML =
            "<p class=\"empty\">\(t("Aucun commerce ne correspond à ces filtres.", "No shop matches these filters."))</p>"
        return """
            <h1>\(title(t))</h1>
            <p class="lead">\(listing.counts.total) \(t("commerces", "shops")) · \
            <a href="/search">\(t("Rechercher un produit ou un commerce", "Search for a product or a shop"))</a></p>
            \(navigation(t))
            \(groups.isEmpty ? empty : groups.joined())
            \(pager(t))
            """
    }

    private func card(_ merchant: Merchant, _ t: Language) -> HTML {
        MerchantCard.card(
            merchant, t, status: ListingViews.badges(merchant, at: listing.now, listings: listings, t),
            logo: logos[merchant.id])
    }

    private func navigation(_ t: Language) -> HTML {
        func current(_ flag: Bool) -> HTML { flag ? " aria-current=\"page\"" : "" }
        let counts = listing.counts
        let categories: [HTML] =
            [
                "<a href=\"\(filters.link(category: .some(nil)))\"\(current(filters.category == nil))>\(t("Toutes", "All"))</a>"
            ]
            + Category.allCases.compactMap { item in
                guard let count = counts.categories[item] else { return nil }
                return
                    "<a href=\"\(filters.link(category: item))\"\(current(item == filters.category))>\(Formats.category(item, t)) (\(count))</a>"
            }
        let communes: [HTML] =
            [
                "<a href=\"\(filters.link(commune: .some(nil)))\"\(current(filters.commune == nil))>\(t("Toutes", "All"))</a>"
            ]
            + counts.communes.map { item in
                "<a href=\"\(filters.link(commune: item.name))\"\(current(item.name.folded == filters.commune?.folded))>\(item.name) (\(item.count))</a>"
            }
        let open: HTML =
            filters.openNow
            ? "<a href=\"\(filters.link(openNow: false))\" aria-current=\"page\">\(t("Ouverts maintenant", "Open now")) ✕</a>"
            : "<a href=\"\(filters.link(openNow: true))\">\(t("Ouverts maintenant", "Open now"))</a>"
        return """
            <nav class="filters" aria-label="\(t("Catégories", "Categories"))">\(categories)</nav>
            <nav class="filters" aria-label="\(t("Communes", "Communes"))">\(communes)</nav>
            <nav class="filters" aria-label="\(t("Ouverture", "Opening"))">\(open)</nav>
            """
    }

    private func pager(_ t: Language) -> HTML {
        let page = filters.page
        var links: [HTML] = []
        if page > 0 {
            links.append("<a href=\"\(filters.link(page: page - 1))\">\(t("← Précédents", "← Previous"))</a>")
        }
        if listing.hasMore {
            links.append("<a href=\"\(filters.link(page: page + 1))\">\(t("Suivants →", "Next →"))</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pager\">\(links.joined(separator: " "))</nav>"
    }
}

import Community

/// The way back from a page to its zone: "Accueil › Zone › … › this page", as links and as schema.org
/// `BreadcrumbList` data for search engines.
struct Breadcrumbs {
    /// One step between the zone and the page.
    struct Crumb: Sendable {
        let name: String
        let path: String

        /// The zone's directory, the step before a shop.
        static func directory(_ zone: ZoneLink, _ t: Language) -> Crumb {
            Crumb(name: t("Annuaire", "Directory"), path: "/zones/\(zone.slug)/directory")
        }

        static func markets(_ zone: ZoneLink, _ t: Language) -> Crumb {
            Crumb(name: t("Marchés", "Markets"), path: "/zones/\(zone.slug)/markets")
        }

        static func moderation(_ zone: ZoneLink, _ t: Language) -> Crumb {
            Crumb(name: t("Modération", "Moderation"), path: "/zones/\(zone.slug)/moderation")
        }

        static func popUps(_ zone: ZoneLink, _ t: Language) -> Crumb {
            Crumb(name: t("Boutiques éphémères", "Pop-up shops"), path: "/zones/\(zone.slug)/pop-ups")
        }
    }

    let zone: ZoneLink
    /// The steps between the zone and the page, in order.
    let trail: [Crumb]
    /// The page itself, last and not a link.
    let current: String

    private func steps(_ t: Language) -> [Crumb] {
        [Crumb(name: t("Accueil", "Home"), path: "/"), Crumb(name: zone.name, path: "/zones/\(zone.slug)")] + trail
    }

    func html(_ t: Language) -> HTML {
        let links: [HTML] = steps(t).map { "<li><a href=\"\($0.path)\">\($0.name)</a></li>" }
        return """
            <nav class="breadcrumbs" aria-label="\(t("Fil d'Ariane", "Breadcrumb"))"><ol>\(links)\
            <li aria-current="page">\(current)</li></ol></nav>
            """
    }

    /// The same steps as JSON-LD, with absolute addresses.
    func structuredData(base: String, _ t: Language) -> HTML {
        var items: [[String: Any]] = steps(t).enumerated().map { index, step in
            ["@type": "ListItem", "position": index + 1, "name": step.name, "item": base + step.path]
        }
        items.append(["@type": "ListItem", "position": items.count + 1, "name": current])
        return StructuredData.script([
            "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items,
        ])
    }
}

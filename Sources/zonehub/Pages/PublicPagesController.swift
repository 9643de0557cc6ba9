import Community
import Foundation
import Hummingbird

/// The pages anyone can read: home, postcode search, zones, posts and merchants.
struct PublicPagesController {
    let hub: Hub

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/", use: home)
        router.get("/zones/search", use: search)
        router.get("/zones/:slug", use: zone)
        router.get("/posts/:id", use: post)
        router.get("/merchants/:slug", use: merchant)
    }

    func home(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let zones = try await hub.zones.active()
        let cards: [HTML] = zones.map { zone in
            """
            <li class="zone-card"><a href="/zones/\(zone.slug)"><strong>\(zone.name)</strong></a>
            <span class="meta">\(t("Département", "Département")) \(zone.definition.departements.joined(separator: ", ")) · \
            \(zone.definition.communes.count) \(t("communes", "communes"))</span>
            <p>\(zone.definition.description)</p></li>
            """
        }
        return PageRenderer.page(
            t("Accueil", "Home"),
            """
            <h1>\(t("Le commerce local de votre zone", "Local shops in your area"))</h1>
            <p class="lead">\(t("Offres, nouveautés et événements des commerçants près de chez vous.",
                "Offers, news and events from the shops near you."))</p>
            \(searchForm(query: "", t))
            <p><a href="/directory">\(t("Annuaire des commerces", "Shop directory"))</a> · \
            <a href="/search">\(t("Rechercher un produit ou un commerce", "Search for a product or a shop"))</a></p>
            <h2>\(t("Les zones", "Zones"))</h2>
            <ul class="zones">\(cards)</ul>
            \(FeedLinks.follow("/feed", t))
            <p class="meta"><a href="/feeds.opml">\(t("Tous les flux des zones (OPML)", "Every zone's feeds (OPML)"))</a></p>
            """, context: context, head: FeedLinks.head("/feed", title: "zonehub"))
    }

    func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let query = request.uri.queryParameters.get("q") ?? ""
        let matches: [CommuneMatch]
        do {
            matches = try await hub.zones.find(query)
        } catch let error as CommunityError where error.category == .invalidInput {
            return PageRenderer.page(
                t("Trouver ma zone", "Find my zone"),
                """
                <h1>\(t("Trouver ma zone", "Find my zone"))</h1>
                \(searchForm(query: query, t))
                <p class="error" role="alert">\(t("Tapez un code postal (5 chiffres) ou le nom d'une commune.",
                    "Type a postcode (5 digits) or a commune name."))</p>
                """, context: context, status: .badRequest)
        }
        let items: [HTML] = matches.map { match in
            """
            <li class="commune-match"><strong>\(match.commune)</strong> (\(match.postcode)) → \
            <a href="/zones/\(match.zoneSlug)">\(match.zoneName)</a></li>
            """
        }
        let results: HTML =
            items.isEmpty
            ? "<p class=\"empty\">\(t("Aucune commune trouvée dans nos zones.", "No commune found in our zones."))</p>"
            : "<ul class=\"matches\">\(items)</ul>"
        return PageRenderer.page(
            t("Trouver ma zone", "Find my zone"),
            """
            <h1>\(t("Trouver ma zone", "Find my zone"))</h1>
            \(searchForm(query: query, t))
            \(results)
            """, context: context)
    }

    func zone(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let category = try request.uri.queryParameters.get("category").flatMap { $0.isEmpty ? nil : $0 }
            .map { try Category.parse($0) }
        let posts = try await hub.posts.live(zone: zone, category: category)
        let filters: [HTML] =
            [
                "<a href=\"/zones/\(zone.slug)\"\(category == nil ? HTML(raw: " aria-current=\"page\"") : "")>\(t("Tout", "All"))</a>"
            ]
            + Category.allCases.map { item in
                let current: HTML = item == category ? " aria-current=\"page\"" : ""
                return
                    "<a href=\"/zones/\(zone.slug)?category=\(item.rawValue)\"\(current)>\(Formats.category(item, t))</a>"
            }
        let list: HTML =
            posts.isEmpty
            ? "<p class=\"empty\">\(t("Pas encore de publication ici.", "Nothing published here yet."))</p>"
            : "<div class=\"posts\">\(posts.map { PostCard.card($0, t) })</div>"
        let communes = zone.definition.communes.map(\.name).joined(separator: ", ")
        let markets: [HTML] = try await hub.markets.current(zone: zone).map {
            "<a href=\"/markets/\($0.slug)\">\($0.draft.title)</a>"
        }
        let feed = category.map { "/zones/\(zone.slug)/categories/\($0.rawValue)/feed" } ?? "/zones/\(zone.slug)/feed"
        let feedTitle = category.map { "\(zone.name) · \($0.label)" } ?? zone.name
        return PageRenderer.page(
            zone.name,
            """
            <h1>\(zone.name)</h1>
            <p class="lead">\(zone.definition.description)</p>
            <p><a href="/zones/\(zone.slug)/directory">\(t("Annuaire des commerces de la zone", "The zone's shop directory"))</a></p>
            \(markets.isEmpty ? "" : "<p class=\"markets\">\(t("Marchés de saison :", "Seasonal markets:")) \(markets.joined(separator: ", "))</p>" as HTML)
            <nav class="filters" aria-label="\(t("Catégories", "Categories"))">\(filters)</nav>
            <h2>\(t("Dernières publications", "Latest posts"))</h2>
            \(list)
            <details><summary>\(t("Communes de la zone", "Communes in this zone"))</summary><p>\(communes)</p></details>
            \(FeedLinks.follow(feed, t))
            <p class="meta"><a href="/zones/\(zone.slug)/markets">\(t("Marchés de saison", "Seasonal markets"))</a></p>
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups">\(t("Boutiques éphémères", "Pop-up shops"))</a></p>
            <p class="meta"><a href="/zones/\(zone.slug)/transparency">\(t("Transparence de la modération", "Moderation transparency"))</a></p>
            """, context: context,
            head: "\(FeedLinks.head(feed, title: feedTitle))\n\(SEOHead.tags(path: "/zones/\(zone.slug)", title: zone.name, description: zone.definition.description, base: hub.settings.publicURL))")
    }

    func post(_ request: Request, context: HubRequestContext) async throws -> Response {
        let id = try PathID.post(context)
        let post = try await hub.posts.post(id, viewer: context.user)
        let t = context.language
        var admin: HTML = ""
        if let user = context.user, user.administers(post.zoneID), post.status == .published {
            admin = """
                <form method="post" action="/posts/\(post.id.rawValue)/remove" class="stacked remove">
                <h2>\(t("Modération", "Moderation"))</h2>
                <label for="reason">\(t("Motif du retrait", "Reason for removal"))</label>
                <select id="reason" name="reason">\(ModerationViews.reasonOptions(t))</select>
                <label for="note">\(t("Note (facultatif)", "Note (optional)"))</label>
                <input id="note" name="note" maxlength="1000">
                <button type="submit">\(t("Retirer la publication", "Remove the post"))</button></form>
                """
        }
        var report: HTML = ""
        if post.status == .published {
            if context.user != nil {
                let reasons: HTML = ReportReason.allCases.map {
                    "<option value=\"\($0.rawValue)\">\(ModerationViews.reportReason($0, t))</option>" as HTML
                }.joined()
                report = """
                    <details class="report"><summary>\(t("Signaler cette publication", "Report this post"))</summary>
                    <form method="post" action="/posts/\(post.id.rawValue)/report" class="stacked">
                    <label for="report-reason">\(t("Motif", "Reason"))</label>
                    <select id="report-reason" name="reason">\(reasons)</select>
                    <label for="report-note">\(t("Précisions (facultatif)", "Details (optional)"))</label>
                    <input id="report-note" name="note" maxlength="1000">
                    <button type="submit">\(t("Envoyer le signalement", "Send the report"))</button></form></details>
                    """
            } else {
                report =
                    "<p class=\"meta\"><a href=\"/sign-in\">\(t("Connectez-vous pour signaler cette publication", "Sign in to report this post"))</a></p>"
            }
        }
        let seller = try? await hub.merchants.merchant(slug: post.merchantSlug)
        return PageRenderer.page(
            post.content.title, "\(PostCard.page(post, t))\(report)\(admin)", context: context,
            head: SEOHead.post(post, merchant: seller, base: hub.settings.publicURL))
    }

    func merchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let merchant = try await hub.merchants.merchant(slug: context.parameters.require("slug"))
        let posts = try await hub.posts.live(zone: nil, merchant: merchant)
        let profile = merchant.profile
        var facts: [HTML] = [
            "<li>\(profile.address.isEmpty ? "" : profile.address + ", ")\(profile.postcode) \(profile.commune)</li>"
        ]
        if let phone = profile.phone {
            facts.append(
                "<li>\(t("Téléphone", "Phone")) : <a href=\"tel:\(phone.filter { !" .-".contains($0) })\">\(phone)</a></li>"
            )
        }
        if let email = profile.email { facts.append("<li><a href=\"mailto:\(email)\">\(email)</a></li>") }
        if let website = profile.website {
            facts.append("<li><a href=\"\(website)\" rel=\"noopener\">\(website)</a></li>")
        }
        if let hours = profile.openingHours { facts.append(OpeningHoursText.fact(hours, at: hub.clock.now(), t)) }
        if let siret = profile.siret { facts.append("<li>SIRET \(siret)</li>") }
        let links: [HTML] = profile.links.map { "<li><a href=\"\($0)\" rel=\"noopener\">\($0)</a></li>" }
        let shops: HTML = links.isEmpty ? "" : "<h2>\(t("Boutiques en ligne", "Online shops"))</h2><ul>\(links)</ul>"
        let list: HTML =
            posts.isEmpty
            ? "<p class=\"empty\">\(t("Aucune publication en cours.", "No current posts."))</p>"
            : "<div class=\"posts\">\(posts.map { PostCard.card($0, t) })</div>"
        return PageRenderer.page(
            merchant.name,
            """
            <h1>\(merchant.name)</h1>
            <p class="meta">\(profile.categories.map { Formats.category($0, t) }.joined(separator: " · "))</p>
            <div class="body">\(HTML.text(profile.description))</div>
            <ul class="facts">\(facts)</ul>
            \(ListingViews.freshness(merchant, viewer: context.user, listings: hub.listings, t))
            \(shops)
            <h2>\(t("Publications", "Posts"))</h2>
            \(list)
            \(FeedLinks.follow("/merchants/\(merchant.slug)/feed", t))
            """, context: context,
            head: "\(FeedLinks.head("/merchants/\(merchant.slug)/feed", title: merchant.name))\n\(SEOHead.merchant(merchant, base: hub.settings.publicURL))")
    }

    private func searchForm(query: String, _ t: Language) -> HTML {
        """
        <form class="search" method="get" action="/zones/search" role="search">
        <label for="q">\(t("Code postal ou commune", "Postcode or commune"))</label>
        <input id="q" name="q" type="search" value="\(query)" required maxlength="80" placeholder="91100">
        <button type="submit">\(t("Trouver ma zone", "Find my zone"))</button>
        </form>
        """
    }
}

/// Typed identifiers read from route parameters; a malformed one is a 404, as if no such thing existed.
enum PathID {
    static func post(_ context: HubRequestContext) throws -> Post.ID {
        guard let text = context.parameters.get("id"), let raw = Int64(text), raw > 0 else {
            throw CommunityError.notFound("post")
        }
        return Post.ID(raw)
    }
}

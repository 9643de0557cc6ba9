import Community
import Foundation
import HummingbirdTesting
import Testing

@testable import zonehub

/// The header every page carries: the ways around the hub, within the zone one is in, and an account menu that
/// offers each role its own pages; the breadcrumbs back to the zone; the answer to a postcode outside every zone.
@Suite struct SiteHeaderTests {
    /// The header's markup of the page at `path`, as `token`'s holder sees it.
    private func header(_ app: TestApp, _ path: String, token: String? = nil) async throws -> String {
        let page = try await app.test { try await $0.send(.get, path, token: token) }
        #expect(page.status == .ok, "\(path)")
        guard let start = page.body.range(of: "<header class=\"site\">"),
            let end = page.body.range(of: "</header>", range: start.upperBound..<page.body.endIndex)
        else {
            Issue.record("no header on \(path)")
            return ""
        }
        return String(page.body[start.lowerBound..<end.upperBound])
    }

    /// The `href`s of the header's account menu, in order.
    private func accountLinks(_ header: String) -> [String] {
        guard let start = header.range(of: "<nav class=\"account\"") else { return [] }
        let account = header[start.lowerBound...]
        let end = account.range(of: "</nav>")?.lowerBound ?? account.endIndex
        return account[..<end].components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func aVisitorGetsTheWaysAroundAndSignInOrSignUp() async throws {
        let app = try await TestApp()
        let home = try await header(app, "/")
        for link in ["/directory", "/search", "/#marches", "/#boutiques-ephemeres", "/subscribe"] {
            #expect(home.contains("<a href=\"\(link)\">"), "\(link)")
        }
        #expect(home.contains("<nav class=\"main\" aria-label=\"Navigation principale\">"))
        #expect(accountLinks(home) == ["/sign-in", "/sign-up"])
        #expect(home.contains("<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"))
        let page = try await app.test { try await $0.send(.get, "/") }
        #expect(page.body.contains("<a class=\"skip\" href=\"#contenu\">Aller au contenu</a>"))
        #expect(page.body.contains("<main id=\"contenu\" tabindex=\"-1\">"))
        // In a zone, the links stay in it, and the header names it.
        let zone = try await header(app, "/zones/dordogne")
        for link in [
            "/zones/dordogne/directory", "/zones/dordogne/markets", "/zones/dordogne/pop-ups",
            "/subscribe?zone=dordogne",
        ] {
            #expect(zone.contains("<a href=\"\(link)\">"), "\(link)")
        }
        #expect(zone.contains("<a class=\"here\" href=\"/zones/dordogne\">"))
        let english = try await header(app, "/?lang=en")
        #expect(english.contains(">Get the digest</a>") && english.contains(">Sign in</a>"))
        #expect(english.contains("aria-label=\"Main navigation\""))
    }

    @Test func eachRoleFindsItsOwnPagesInTheAccountMenu() async throws {
        let app = try await TestApp()
        let merchant = try await app.account("marchande@example.org", role: .merchant)
        #expect(accountLinks(try await header(app, "/", token: merchant.token)) == ["/dashboard", "/account/orders"])
        let admin = try await app.account("admin@example.org", role: .zoneAdmin, zones: ["oise"])
        #expect(
            accountLinks(try await header(app, "/", token: admin.token)) == [
                "/dashboard", "/account/orders", "/zones/oise/moderation",
            ])
        let operatorAccount = try await app.account("ops@example.org", role: .hubOperator)
        #expect(
            accountLinks(try await header(app, "/", token: operatorAccount.token)) == [
                "/dashboard", "/account/orders", "/console",
            ])
        let resident = try await app.account("organise@example.org", role: .resident)
        #expect(accountLinks(try await header(app, "/", token: resident.token)) == ["/dashboard", "/account/orders"])
        _ = try await app.hub.popUps.venues.grantOrganiser(
            email: "organise@example.org", zoneSlug: "dordogne", by: operatorAccount.user)
        let organiser = try await header(app, "/", token: resident.token)
        #expect(accountLinks(organiser) == ["/dashboard", "/account/orders", "/zones/dordogne/pop-ups"])
        #expect(organiser.contains(">Organiser · Dordogne</a>"))
        // Everyone signed in can sign out from the menu.
        #expect(organiser.contains("<form method=\"post\" action=\"/sign-out\" class=\"inline\">"))
        #expect(!(try await header(app, "/")).contains("/sign-out"))
    }

    @Test func pagesOfAZoneLeadBackToItWithBreadcrumbsAndStructuredData() async throws {
        let app = try await TestApp()
        let (_, slug) = try await app.merchant("cave@example.org")
        let page = try await app.test { try await $0.send(.get, "/merchants/\(slug)") }
        #expect(
            page.body.contains(
                """
                <nav class="breadcrumbs" aria-label="Fil d&#39;Ariane"><ol><li><a href="/">Accueil</a></li>\
                <li><a href="/zones/dordogne">Dordogne</a></li><li><a href="/zones/dordogne/directory">Annuaire</a></li>\
                <li aria-current="page">Boutique cave</li></ol></nav>
                """))
        let script = try #require(
            page.body.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
                .map { String($0.prefix { $0 != "<" }) }
                .first { $0.contains("BreadcrumbList") })
        let data = try #require(try JSONSerialization.jsonObject(with: Data(script.utf8)) as? [String: Any])
        let items = try #require(data["itemListElement"] as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["Accueil", "Dordogne", "Annuaire", "Boutique cave"])
        #expect(items[1]["item"] as? String == "http://127.0.0.1:8080/zones/dordogne")
        #expect(items[3]["item"] == nil)
        for path in ["/zones/dordogne/transparency", "/zones/dordogne/pop-ups", "/zones/dordogne/markets"] {
            let zonePage = try await app.test { try await $0.send(.get, path) }
            #expect(zonePage.body.contains("<li><a href=\"/zones/dordogne\">Dordogne</a></li>"), "\(path)")
        }
        // The zone's own page names the zone in the header, and needs no way back to itself.
        let zone = try await app.test { try await $0.send(.get, "/zones/dordogne") }
        #expect(!zone.body.contains("class=\"breadcrumbs\""))
    }

    @Test func aPostcodeOutsideEveryZoneListsTheZonesAndHowToAskForOne() async throws {
        let app = try await TestApp(environment: ["ZONEHUB_HUB_CONTACT": "bonjour@aimemazone.fr"])
        let page = try await app.test { try await $0.send(.get, "/zones/search?q=75001") }
        #expect(page.status == .ok)
        #expect(page.body.contains("Aucune de nos zones ne couvre « 75001 » pour l&#39;instant."))
        #expect(page.body.contains("<a href=\"mailto:bonjour@aimemazone.fr\">bonjour@aimemazone.fr</a>"))
        for zone in try await app.hub.zones.active() {
            let card = "<a href=\"/zones/\(zone.slug)\"><strong>\(HTML.escape(zone.name))</strong></a>"
            #expect(page.body.contains(card))
        }
        // A postcode inside a zone gets its communes, not the list.
        let inside = try await app.test { try await $0.send(.get, "/zones/search?q=24100") }
        #expect(inside.body.contains("<a href=\"/zones/dordogne\">Dordogne</a>"))
        #expect(!inside.body.contains("Les zones du hub"))
    }

    @Test func theHomeListsTheLatestPostsAndTheWayToTheDigest() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("cave@example.org")
        let created = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts", token: token,
                json: """
                    {"merchant": "\(slug)", "zone": "dordogne", "kind": "news", "title": "Nouvelle cuvée",
                     "body": "À goûter.", "category": "alimentation"}
                    """)
        }
        let id = try #require(try decodeJSON(created.body)["id"] as? Int)
        _ = try await app.test { try await $0.send(.post, "/api/v1/posts/\(id)/submit", token: token) }
        let home = try await app.test { try await $0.send(.get, "/") }
        #expect(home.body.contains("<a href=\"/posts/\(id)\">Nouvelle cuvée</a>"))
        #expect(home.body.contains("<a class=\"button\" href=\"/subscribe\">Recevoir le résumé</a>"))
        #expect(home.body.contains("id=\"marches\"") && home.body.contains("id=\"boutiques-ephemeres\""))
    }
}

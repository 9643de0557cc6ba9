import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

@Suite struct PagesTests {
    @Test func theHomePageListsTheFourZonesInFrench() async throws {
        let app = try await TestApp()
        let page = try await app.test { try await $0.send(.get, "/") }
        #expect(page.status == .ok)
        #expect(page.headers[.contentType] == "text/html; charset=utf-8")
        #expect(page.body.contains("<html lang=\"fr\">"))
        #expect(page.body.components(separatedBy: "class=\"zone-card\"").count - 1 == 4)
        for name in ["Centre-Essonne", "Oise", "Dordogne", "Bassin d&#39;Arcachon"] {
            #expect(page.body.contains(name))
        }
    }

    @Test func englishIsOfferedAndRemembered() async throws {
        let app = try await TestApp()
        let english = try await app.test { try await $0.send(.get, "/?lang=en") }
        #expect(english.body.contains("<html lang=\"en\">"))
        #expect(english.headers[.setCookie]?.contains("zonehub_lang=en") == true)
        let again = try await app.test { try await $0.send(.get, "/zones/oise", cookie: "zonehub_lang=en") }
        #expect(again.body.contains("Latest posts"))
    }

    @Test func thePostcodeSearchFindsCorbeilInCentreEssonne() async throws {
        let app = try await TestApp()
        let page = try await app.test { try await $0.send(.get, "/zones/search?q=91100") }
        #expect(page.status == .ok)
        #expect(
            page.body.contains(
                "<strong>Corbeil-Essonnes</strong> (91100) → <a href=\"/zones/centre-essonne\">Centre-Essonne</a>"))
        let byName = try await app.test { try await $0.send(.get, "/zones/search?q=corbeil%20essonnes") }
        #expect(byName.body.contains("Corbeil-Essonnes"))
        let bad = try await app.test { try await $0.send(.get, "/zones/search?q=x") }
        #expect(bad.status == .badRequest)
        #expect(bad.body.contains("Tapez un code postal"))
    }

    @Test func anErrorPageKeepsTheVisitorsLanguageAndSession() async throws {
        let app = try await TestApp()
        let (token, _) = try await app.merchant("lost@example.org")
        let page = try await app.test {
            try await $0.send(.get, "/posts/999", cookie: "zonehub_session=\(token); zonehub_lang=en")
        }
        #expect(page.status == .notFound)
        #expect(page.body.contains("Page not found"))
        #expect(page.body.contains("Sign out"))
    }

    @Test func unknownPagesAnswer404InFrenchWithoutDetails() async throws {
        let app = try await TestApp()
        for uri in ["/zones/atlantide", "/merchants/personne", "/posts/999", "/posts/abc", "/nulle-part"] {
            let page = try await app.test { try await $0.send(.get, uri) }
            #expect(page.status == .notFound, "\(uri)")
            #expect(page.body.contains("Page introuvable"), "\(uri)")
        }
    }

    @Test func userTextIsEscapedAndLinksAreMadeClickable() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("xss@example.org")
        let json = """
            {"merchant": "\(slug)", "zone": "dordogne", "kind": "news", "category": "alimentation", "submit": true,
             "title": "<script>alert(1)</script> & \\"Co\\"", "body": "Voir https://example.org/a?b=1&c=2 <b>gras</b>"}
            """
        let created = try await app.test { try await $0.send(.post, "/api/v1/posts", token: token, json: json) }
        #expect(created.status == .created)
        let id = try #require(try decodeJSON(created.body)["id"] as? Int)
        let page = try await app.test { try await $0.send(.get, "/posts/\(id)") }
        #expect(!page.body.contains("<script>alert(1)</script>"))
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;"))
        #expect(page.body.contains("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener ugc\">"))
        #expect(page.body.contains("&lt;b&gt;gras&lt;/b&gt;"))
        let zone = try await app.test { try await $0.send(.get, "/zones/dordogne") }
        #expect(!zone.body.contains("<script>alert(1)</script>"))
    }

    @Test func signingInSetsAnHttpOnlySameSiteCookieAndOpensTheDashboard() async throws {
        let app = try await TestApp()
        _ = try await app.hub.accounts.add(
            email: "page@example.org", displayName: "Marchande", role: .merchant, zoneSlugs: [],
            password: "correct-horse-battery", by: nil)
        let wrong = try await app.test {
            try await $0.send(
                .post, "/sign-in", json: "email=page%40example.org&password=nope",
                contentType: "application/x-www-form-urlencoded")
        }
        #expect(wrong.status == .unauthorized)
        #expect(
            wrong.headers[.wwwAuthenticate]
                == #"Cookie realm="zonehub", form-action="/sign-in", cookie-name="zonehub_session""#)
        #expect(wrong.body.contains("mot de passe incorrect"))
        #expect(wrong.headers[.setCookie] == nil)
        let signIn = try await app.test {
            try await $0.send(
                .post, "/sign-in", json: "email=page%40example.org&password=correct-horse-battery",
                contentType: "application/x-www-form-urlencoded")
        }
        #expect(signIn.status == .seeOther)
        #expect(signIn.headers[.location] == "/dashboard")
        let cookie = try #require(signIn.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
        let session = try #require(cookie.split(separator: ";").first.map(String.init))
        let dashboard = try await app.test { try await $0.send(.get, "/dashboard", cookie: session) }
        #expect(dashboard.status == .ok)
        #expect(dashboard.body.contains("Bonjour Marchande"))
        let form = "application/x-www-form-urlencoded"
        let wrongCurrent = try await app.test {
            try await $0.send(
                .post, "/dashboard/password", json: "current=nope&new=nouveau-secret-1&confirm=nouveau-secret-1",
                contentType: form, cookie: session)
        }
        #expect(wrongCurrent.status == .badRequest)
        #expect(wrongCurrent.body.contains("Le mot de passe actuel est incorrect."))
        let changed = try await app.test {
            try await $0.send(
                .post, "/dashboard/password",
                json: "current=correct-horse-battery&new=nouveau-secret-1&confirm=nouveau-secret-1", contentType: form,
                cookie: session)
        }
        #expect(changed.status == .seeOther)
        let stale = try await app.test { try await $0.send(.get, "/dashboard", cookie: session) }
        #expect(stale.status == .unauthorized)
        #expect(stale.headers[.wwwAuthenticate]?.hasPrefix("Cookie realm=") == true)  // a page's 401 thrown, not returned
        let renewed = try #require(changed.headers[.setCookie]?.split(separator: ";").first.map(String.init))
        #expect(
            try await app.hub.accounts.signIn(email: "page@example.org", password: "nouveau-secret-1").user.displayName
                == "Marchande")
        let signOut = try await app.test { try await $0.send(.post, "/sign-out", cookie: renewed) }
        #expect(signOut.status == .seeOther)
        let after = try await app.test { try await $0.send(.get, "/dashboard", cookie: renewed) }
        #expect(after.status == .unauthorized)
    }

    @Test func aMerchantWritesAndSubmitsAnOfferThroughTheForms() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("form@example.org", zone: "centre-essonne")
        let cookie = "zonehub_session=\(token)"
        let form =
            "merchant=\(slug)&zone=centre-essonne&kind=offer&category=alimentation&title=Panier+garni"
            + "&body=Ligne+1%0D%0ALigne+2&price=12%2C50&validUntil=2099-01-01T18%3A00&action=submit"
        let created = try await app.test {
            try await $0.send(
                .post, "/dashboard/posts", json: form, contentType: "application/x-www-form-urlencoded",
                cookie: cookie)
        }
        #expect(created.status == .seeOther)
        let posts = try await app.hub.posts.dashboard(
            merchantSlug: slug, by: try #require(try await app.hub.accounts.user(token: token)))
        let post = try #require(posts.first)
        #expect(post.status == .held)
        #expect(post.content.priceCents == 1250)
        #expect(post.content.body == "Ligne 1\nLigne 2")
        let dashboard = try await app.test { try await $0.send(.get, "/dashboard", cookie: cookie) }
        #expect(dashboard.body.contains("data-status=\"held\""))
        #expect(dashboard.body.contains("En attente de validation"))
    }

    @Test func theMerchantSeesWhyTheirPostWasSentBackOrRefused() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("retour@example.org", zone: "oise")
        let admin = try await app.account("admin-oise@example.org", role: .zoneAdmin, zones: ["oise"])
        var ids: [Post.ID] = []
        for title in ["Premier essai", "Second essai"] {
            let body =
                #"{"merchant": "\#(slug)", "zone": "oise", "kind": "news", "title": "\#(title)", "body": "", "category": "livres", "submit": true}"#
            let answer = try await app.test { try await $0.send(.post, "/api/v1/posts", token: token, json: body) }
            ids.append(Post.ID(Int64(try #require(try decodeJSON(answer.body)["id"] as? Int))))
        }
        try await app.hub.moderation.decide(ids[0], action: .requestChanges, note: "Ajoutez le prix", by: admin.user)
        try await app.hub.moderation.decide(ids[1], action: .reject, reason: .duplicate, by: admin.user)
        let dashboard = try await app.test { try await $0.send(.get, "/dashboard", cookie: "zonehub_session=\(token)") }
        #expect(dashboard.body.contains("Modifications demandées : « Ajoutez le prix »"))
        #expect(dashboard.body.contains("Refusée — Doublon"))
        let queue = try await app.test {
            try await $0.send(.get, "/dashboard", cookie: "zonehub_session=\(admin.token)")
        }
        #expect(queue.body.contains("href=\"/zones/oise/moderation\""))
    }

    @Test func aFormWithAMistakeComesBackFilledInWithTheProblem() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("oops@example.org")
        let form = "merchant=\(slug)&zone=dordogne&kind=offer&category=alimentation&title=Bon+titre&price=douze"
        let page = try await app.test {
            try await $0.send(
                .post, "/dashboard/posts", json: form, contentType: "application/x-www-form-urlencoded",
                cookie: "zonehub_session=\(token)")
        }
        #expect(page.status == .badRequest)
        #expect(page.body.contains("<p class=\"field-error\" id=\"price-error\">Le prix s&#39;écrit en euros, par exemple 12,50.</p>"))
        #expect(page.body.contains("value=\"Bon titre\""))
        let english = try await app.test {
            try await $0.send(
                .post, "/dashboard/posts", json: form, contentType: "application/x-www-form-urlencoded",
                cookie: "zonehub_session=\(token); zonehub_lang=en")
        }
        #expect(english.body.contains("1 field needs correcting:"))
        #expect(english.body.contains("\"price-error\">price: &#39;douze&#39; is not a price in euros"))
        let broken = try await app.test {
            try await $0.send(
                .post, "/dashboard/posts", bytes: Array("title=%FF%FE".utf8),
                contentType: "application/x-www-form-urlencoded", cookie: "zonehub_session=\(token)")
        }
        #expect(broken.status == .badRequest)
        #expect(try await app.hub.posts.live(zone: nil).isEmpty)
    }
}

import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The merchant's post form: every error at once beside its field, a message after each success, nothing written
/// when a submission is refused, and a confirmation before withdrawing.
@Suite struct PostFormPagesTests {
    static let form = "application/x-www-form-urlencoded"

    static func count(_ app: TestApp) async throws -> Int {
        try await app.database.read { db in try await db.value("SELECT count(*) FROM post") } ?? -1
    }

    static func post(_ app: TestApp, _ path: String, _ body: String, cookie: String) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await app.test { try await $0.send(.post, path, json: body, contentType: Self.form, cookie: cookie) }
    }

    @Test func everyPostErrorShowsBesideItsFieldAtOnceWithTheValuesKept() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("erreurs@example.org")
        let cookie = "zonehub_session=\(token)"
        let body =
            "merchant=\(slug)&zone=dordogne&kind=event&category=alimentation&title=&body=Un+texte+gard%C3%A9"
            + "&price=douze&validFrom=2099-02-01T10%3A00&validUntil=2099-01-01T10%3A00&action=submit"
        for action in ["save", "submit"] {
            let page = try await Self.post(
                app, "/dashboard/posts", body.replacingOccurrences(of: "action=submit", with: "action=\(action)"),
                cookie: cookie)
            #expect(page.status == .badRequest)
            for (field, message) in [
                ("title", "Le titre est obligatoire (200 caractères au plus, sans caractères de contrôle)."),
                ("price", "Le prix s&#39;écrit en euros, par exemple 12,50."),
                ("validUntil", "La fin de validité doit venir après le début, et ne pas être déjà passée."),
                ("eventAt", "Un événement a besoin de sa date."),
            ] {
                #expect(page.body.contains("<p class=\"field-error\" id=\"\(field)-error\">\(message)</p>"), "\(field)")
                #expect(page.body.contains("aria-invalid=\"true\" aria-describedby=\"\(field)-error\""), "\(field)")
                #expect(page.body.contains("<li><a href=\"#\(field)\">\(message)</a></li>"), "\(field)")
            }
            #expect(page.body.contains("4 champs sont à corriger"))
            #expect(page.body.contains(">Un texte gardé</textarea>"))
            #expect(page.body.contains("value=\"douze\""))
            #expect(page.body.contains("value=\"2099-02-01T10:00\""))
            #expect(page.body.contains("<option value=\"event\" selected>"))
        }
        let english = try await Self.post(app, "/dashboard/posts", body, cookie: cookie + "; zonehub_lang=en")
        #expect(english.body.contains("4 fields need correcting"))
        #expect(english.body.contains("price: &#39;douze&#39; is not a price in euros"))
        #expect(try await Self.count(app) == 0)
    }

    @Test func aSubmissionRefusedByTheZonesLimitLeavesNoDraftBehind() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("limite@example.org")
        let admin = try await app.account("admin-limite@example.org", role: .zoneAdmin, zones: ["dordogne"])
        let dordogne = try await app.hub.zones.zone(slug: "dordogne")
        var rules = try await app.hub.moderation.rules(dordogne, by: admin.user)
        rules.weeklyQuota = 1
        try await app.hub.moderation.setRules(rules, zone: dordogne, by: admin.user)
        let cookie = "zonehub_session=\(token)"
        func submit(_ title: String) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
            try await Self.post(
                app, "/dashboard/posts",
                "merchant=\(slug)&zone=dordogne&kind=news&category=alimentation&title=\(title)&body=&action=submit",
                cookie: cookie)
        }
        let first = try await submit("Premier")
        #expect(first.status == .seeOther)
        let location = try #require(first.headers[.location])
        #expect(location.hasPrefix("/dashboard?ok=post-published#post-"))
        #expect(try await Self.count(app) == 1)
        for _ in 1...3 {
            let refused = try await submit("Second+essai")
            #expect(refused.status == .badRequest)
            #expect(refused.body.contains("Limite atteinte : 1 publication par semaine dans cette zone."))
            #expect(refused.body.contains("value=\"Second essai\""))
        }
        #expect(try await Self.count(app) == 1)
        // Saving as a draft is still possible, and "Soumettre" on that draft refused keeps its earlier text.
        let saved = try await Self.post(
            app, "/dashboard/posts",
            "merchant=\(slug)&zone=dordogne&kind=news&category=alimentation&title=Brouillon&body=&action=save",
            cookie: cookie)
        #expect(saved.headers[.location]?.hasPrefix("/dashboard?ok=post-saved#post-") == true)
        let draftID = try #require(saved.headers[.location]?.split(separator: "-").last.map(String.init))
        let retry = try await Self.post(
            app, "/dashboard/posts/\(draftID)",
            "merchant=\(slug)&zone=dordogne&kind=news&category=alimentation&title=Chang%C3%A9&body=&action=submit",
            cookie: cookie)
        #expect(retry.status == .badRequest)
        #expect(retry.body.contains("value=\"Changé\""))
        let draft = try #require(try await app.hub.posts.post(Post.ID(Int64(draftID)!), viewer: admin.user))
        #expect(draft.status == .draft && draft.content.title == "Brouillon")
        #expect(try await Self.count(app) == 2)
    }

    @Test func eachSuccessIsToldOnceOnTheDashboard() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("succes@example.org", zone: "oise")
        let cookie = "zonehub_session=\(token)"
        let saved = try await Self.post(
            app, "/dashboard/posts",
            "merchant=\(slug)&zone=oise&kind=news&category=alimentation&title=Nouvelle&body=&action=save",
            cookie: cookie)
        let location = try #require(saved.headers[.location])
        let id = try #require(location.split(separator: "-").last.map(String.init))
        #expect(location == "/dashboard?ok=post-saved#post-\(id)")
        let dashboard = try await app.test { try await $0.send(.get, location, cookie: cookie) }
        #expect(
            dashboard.body.contains(
                "<p class=\"notice\" role=\"status\">La publication est enregistrée comme brouillon"))
        let submitted = try await app.test {
            try await $0.send(.post, "/dashboard/posts/\(id)/submit", cookie: cookie)
        }
        #expect(submitted.headers[.location] == "/dashboard?ok=post-held#post-\(id)")
        let held = try await app.test { try await $0.send(.get, submitted.headers[.location]!, cookie: cookie) }
        #expect(held.body.contains("La publication est soumise : les modérateurs de la zone la relisent"))
        let english = try await app.test {
            try await $0.send(.get, submitted.headers[.location]!, cookie: cookie + "; zonehub_lang=en")
        }
        #expect(english.body.contains("The post is submitted: the zone&#39;s moderators review it"))
        let plain = try await app.test { try await $0.send(.get, "/dashboard", cookie: cookie) }
        #expect(!plain.body.contains("class=\"notice\""))
        let forged = try await app.test { try await $0.send(.get, "/dashboard?ok=%3Cb%3Ehi", cookie: cookie) }
        #expect(!forged.body.contains("class=\"notice\"") && !forged.body.contains("&lt;b&gt;hi"))
    }

    @Test func withdrawingAPostAsksFirstAndSaysItCannotBeUndone() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("retrait@example.org")
        let cookie = "zonehub_session=\(token)"
        let created = try await Self.post(
            app, "/dashboard/posts",
            "merchant=\(slug)&zone=dordogne&kind=news&category=alimentation&title=En+ligne&body=&action=submit",
            cookie: cookie)
        let id = try #require(created.headers[.location]?.split(separator: "-").last.map(String.init))
        let path = "/dashboard/posts/\(id)/withdraw"
        let dashboard = try await app.test { try await $0.send(.get, "/dashboard", cookie: cookie) }
        #expect(dashboard.body.contains("<a href=\"\(path)\">Retirer…</a>"))
        #expect(!dashboard.body.contains("action=\"\(path)\""))
        let confirmation = try await app.test { try await $0.send(.get, path, cookie: cookie) }
        #expect(confirmation.status == .ok)
        #expect(confirmation.body.contains("<h1>Retirer la publication ?</h1>\n<p><strong>« En ligne »</strong> disparaîtra du site"))
        #expect(confirmation.body.contains("C&#39;est définitif"))
        #expect(confirmation.body.contains("<input type=\"hidden\" name=\"confirm\" value=\"1\">"))
        // A post without the confirmation field (an old page, a forged form) only shows the confirmation again.
        let unconfirmed = try await app.test { try await $0.send(.post, path, cookie: cookie) }
        #expect(unconfirmed.status == .ok && unconfirmed.body.contains("Retirer définitivement"))
        let postID = Post.ID(Int64(id)!)
        let user = try #require(try await app.hub.accounts.user(token: token))
        #expect(try await app.hub.posts.post(postID, viewer: user).status == .published)
        let other = try await app.merchant("autre@example.org")
        let foreign = try await app.test { try await $0.send(.get, path, cookie: "zonehub_session=\(other.token)") }
        #expect(foreign.status == .notFound || foreign.status == .forbidden)
        let withdrawn = try await Self.post(app, path, "confirm=1", cookie: cookie)
        #expect(withdrawn.headers[.location] == "/dashboard?ok=post-withdrawn#post-\(id)")
        #expect(try await app.hub.posts.post(postID, viewer: user).status == .withdrawn)
        let after = try await app.test { try await $0.send(.get, withdrawn.headers[.location]!, cookie: cookie) }
        #expect(after.body.contains("La publication est retirée : elle n&#39;est plus visible."))
    }
}

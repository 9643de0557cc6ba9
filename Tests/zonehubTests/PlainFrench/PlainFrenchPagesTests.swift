import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Moderation
import Testing

@testable import zonehub

/// The queue, the transparency page and the audit log as people read them: words and sentences, never codes.
@Suite struct PlainFrenchPagesTests {
    /// Every stored name a page could leak: audit actions and screening reasons.
    static let codes: [String] =
        AuditActionText.all.map(\.name) + HoldReason.examples.map(\.stored) + ["zone_policy_review", "new_merchant"]

    /// The text a person sees in `<main>`: markup and attributes dropped, entities left as they are.
    static func visibleText(_ html: String) -> String {
        let main = html.range(of: "<main").flatMap { start in
            html.range(of: "</main>", range: start.upperBound..<html.endIndex).map {
                html[start.lowerBound..<$0.upperBound]
            }
        }
        return String(main ?? Substring(html)).replacingOccurrences(
            of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    func expectNoCode(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = Self.visibleText(html)
        for code in Self.codes where text.contains(code) {
            Issue.record("the page shows \(code)", sourceLocation: sourceLocation)
        }
        #expect(text.range(of: #"\b20\d\d-\d\d\b"#, options: .regularExpression) == nil, sourceLocation: sourceLocation)
        #expect(!text.contains("(s)"), sourceLocation: sourceLocation)
    }

    /// Camille administers the Oise (which reviews new merchants' posts); a shop there writes two posts.
    func oiseWithTwoPosts(_ app: TestApp) async throws -> (admin: User, cookie: String, slug: String, posts: [Post.ID])
    {
        let password = "mot-de-passe-camille"
        _ = try await app.hub.accounts.add(
            email: "camille@example.org", displayName: "Camille", role: .zoneAdmin, zoneSlugs: ["oise"],
            password: password, by: nil)
        let session = try await app.hub.accounts.signIn(email: "camille@example.org", password: password)
        let (token, slug) = try await app.merchant("epicerie@example.org", zone: "oise")
        var ids: [Post.ID] = []
        for title in ["Soupe du jour", "Soupe du jour bis"] {
            let body =
                #"{"merchant": "\#(slug)", "zone": "oise", "kind": "news", "title": "\#(title)", "body": "", "category": "alimentation", "submit": true}"#
            let answer = try await app.test { try await $0.send(.post, "/api/v1/posts", token: token, json: body) }
            ids.append(Post.ID(Int64(try #require(try decodeJSON(answer.body)["id"] as? Int))))
        }
        return (session.user, "zonehub_session=\(session.token)", slug, ids)
    }

    @Test func theQueueSaysWhyEachPostWaitsInWords() async throws {
        let app = try await TestApp()
        let (_, cookie, _, _) = try await oiseWithTwoPosts(app)
        let queue = try await app.test { try await $0.send(.get, "/zones/oise/moderation", cookie: cookie) }
        #expect(queue.status == .ok)
        #expect(queue.body.contains("<li>Nouveau commerce : ses premières publications sont relues</li>"))
        #expect(queue.body.contains("2 publications en attente"))
        #expect(queue.body.contains("0 approuvée, 0 refusée, 0 retirée"))
        expectNoCode(queue.body)
        let english = try await app.test {
            try await $0.send(.get, "/zones/oise/moderation", cookie: cookie + "; zonehub_lang=en")
        }
        #expect(english.body.contains("<li>New merchant: its first posts are reviewed</li>"))
        #expect(english.body.contains("2 posts waiting"))
    }

    @Test func theAuditLogReadsAsSentencesWithLinks() async throws {
        let app = try await TestApp()
        let (admin, cookie, slug, ids) = try await oiseWithTwoPosts(app)
        let oise = try await app.hub.zones.zone(slug: "oise")
        _ = try await app.hub.moderation.decide(ids[0], action: .approve, by: admin)
        _ = try await app.hub.moderation.decide(ids[1], action: .reject, reason: .duplicate, by: admin)
        try await app.hub.moderation.setTrust(.granted, merchantSlug: slug, zone: oise, by: admin)

        let log = try await app.test { try await $0.send(.get, "/zones/oise/moderation/audit", cookie: cookie) }
        #expect(log.status == .ok)
        #expect(
            log.body.contains(
                "<strong>Camille</strong> a approuvé « <a href=\"/posts/\(ids[0].rawValue)\">Soupe du jour</a> » de "
                    + "Boutique epicerie."))
        #expect(
            log.body.contains(
                "<strong>Camille</strong> a accordé la confiance à <a href=\"/merchants/\(slug)\">Boutique epicerie</a>."
            ))
        #expect(log.body.contains("motif : Doublon"))
        #expect(
            log.body.range(of: #"le \d{1,2}(er)? [a-zéû]+ 20\d\d à \d{1,2} h \d\d"#, options: .regularExpression) != nil
        )
        #expect(!log.body.contains("{"))
        expectNoCode(log.body)

        let english = try await app.test {
            try await $0.send(.get, "/zones/oise/moderation/audit", cookie: cookie + "; zonehub_lang=en")
        }
        #expect(
            english.body.contains(
                "<strong>Camille</strong> approved “<a href=\"/posts/\(ids[0].rawValue)\">Soupe du jour</a>” by "
                    + "Boutique epicerie."))
        #expect(english.body.contains("<strong>Camille</strong> trusted <a href=\"/merchants/\(slug)\">"))
        expectNoCode(english.body)
    }

    @Test func theTransparencyPageNamesMonthsReasonsAndRules() async throws {
        let app = try await TestApp()
        let (admin, _, _, ids) = try await oiseWithTwoPosts(app)
        _ = try await app.hub.moderation.decide(ids[1], action: .reject, reason: .duplicate, by: admin)
        let page = try await app.test { try await $0.send(.get, "/zones/oise/transparency") }
        #expect(page.status == .ok)
        let month = DateText.format(Date(), locale: "en_US_POSIX", timeZone: Formats.paris, pattern: "yyyy-MM")
        let name = Wording.month(month, .fr)
        #expect(page.body.contains("<h3>" + name.prefix(1).uppercased() + name.dropFirst() + "</h3>"))
        #expect(page.body.contains("Refusées : Doublon : 1"))
        #expect(page.body.contains("(retenue par : nouveau commerce : ses premières publications sont relues)"))
        #expect(!page.body.contains("Camille"))
        expectNoCode(page.body)
    }

    @Test func errorsSpeakThePersonsLanguage() async throws {
        let app = try await TestApp()
        // An unknown path is answered before the session is read: it still follows the language chosen.
        let english = try await app.test { try await $0.send(.get, "/nowhere-at-all", cookie: "zonehub_lang=en") }
        #expect(english.status == .notFound)
        #expect(english.body.contains("Page not found"))
        #expect(!english.body.contains("introuvable"))
        let french = try await app.test { try await $0.send(.get, "/nowhere-at-all") }
        #expect(french.body.contains("Page introuvable") && french.body.contains("Cette page n&#39;existe pas."))
        #expect(!french.body.contains("no such page"))

        // The API keeps English for developers, and answers in French to a client that asks for it.
        func apiMessage(_ language: String?) async throws -> String {
            var fields = HTTPFields()
            if let language { fields[.acceptLanguage] = language }
            let headers = fields
            let body = try await app.test {
                try await $0.execute(uri: "/api/v1/zones/atlantide", method: .get, headers: headers, body: nil) {
                    String(buffer: $0.body)
                }
            }
            return try #require(try decodeJSON(body)["message"] as? String)
        }
        #expect(try await apiMessage(nil) == "zone not found")
        #expect(try await apiMessage("fr-FR,fr;q=0.9,en;q=0.8") == "Cette zone n'existe pas.")
        #expect(try await apiMessage("en-GB,en;q=0.9,fr;q=0.5") == "zone not found")
        #expect(try await apiMessage("de-DE") == "zone not found")
    }

    @Test func aMerchantPastTheWeeklyLimitIsToldInFrench() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("quota@example.org", zone: "dordogne")
        let admin = try await app.account("admin-dordogne@example.org", role: .zoneAdmin, zones: ["dordogne"])
        let dordogne = try await app.hub.zones.zone(slug: "dordogne")
        var rules = try await app.hub.moderation.rules(dordogne, by: admin.user)
        rules.weeklyQuota = 1
        try await app.hub.moderation.setRules(rules, zone: dordogne, by: admin.user)
        func submit(_ title: String, language: String = "") async throws -> (status: HTTPResponse.Status, body: String)
        {
            let form =
                "merchant=\(slug)&zone=dordogne&kind=news&category=alimentation&title=\(title)&body=&action=submit"
            let answer = try await app.test {
                try await $0.send(
                    .post, "/dashboard/posts", json: form, contentType: "application/x-www-form-urlencoded",
                    cookie: "zonehub_session=\(token)" + language)
            }
            return (answer.status, answer.body)
        }
        #expect(try await submit("Premier").status == .seeOther)
        let refused = try await submit("Second")
        #expect(refused.body.contains("<p>Limite atteinte : 1 publication par semaine dans cette zone."))
        #expect(!refused.body.contains("weekly quota"))
        let english = try await submit("Third", language: "; zonehub_lang=en")
        #expect(english.body.contains("weekly quota reached: 1 post per week in this zone"))
    }

    @Test func acceptLanguageIsReadByQuality() {
        #expect(ErrorMiddleware.prefersFrench("fr"))
        #expect(ErrorMiddleware.prefersFrench("en;q=0.4, fr-CA;q=0.8"))
        #expect(!ErrorMiddleware.prefersFrench("en-US,en;q=0.9,fr;q=0.8"))
        #expect(!ErrorMiddleware.prefersFrench(nil))
        #expect(!ErrorMiddleware.prefersFrench("*"))
    }
}

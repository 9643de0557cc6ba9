import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Notices
import Testing

@testable import zonehub

/// The notice preference page from the link in a notice: a GET shows, a POST changes, a bad link changes nothing.
// Unchecked: the router is only used by one test at a time.
@Suite struct NoticePagesTests: @unchecked Sendable {
    let clock = FixedClock()
    let app: TestApp
    let admin: User

    init() async throws {
        app = try await TestApp(clock: clock)
        admin = try await app.account("admin@example.org", role: .zoneAdmin, zones: ["oise"]).user
        let (user, _) = try await app.account("marchand@example.org", role: .merchant)
        let shop = try await app.hub.merchants.create(
            MerchantProfile(
                name: "Épicerie", categories: [.alimentation], commune: "Beauvais", postcode: "60000",
                zones: ["oise"]),
            owner: user)
        let draft = try await app.hub.posts.create(
            Samples.offer("Panier"), merchantSlug: shop.slug, zoneSlug: "oise", by: user)
        #expect(try await app.hub.posts.submit(draft.id, by: user).status == .held)
        try await app.hub.notices.sweep()
    }

    func post(_ form: String, client: any TestClientProtocol) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, "/notices/preferences", bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded")
    }

    func heldPostDelivery() async throws -> NoticeDelivery? {
        try await app.hub.notices.preferences(user: admin.id).deliveries.first { $0.kind == .heldPost }?.delivery
    }

    @Test func theLinkInTheNoticeShowsTheChoicesAndOnlyAPostChangesOne() async throws {
        let link = try await app.mailedLink(to: "admin@example.org", containing: "/notices/preferences?token=")
        let token = String(try #require(link.split(separator: "=").last))
        try await app.test { client in
            let page = try await client.send(.get, link)
            #expect(page.status == .ok)
            #expect(page.body.contains("Mes avis par e-mail") && page.body.contains("Résumé quotidien"))
            #expect(page.body.contains("toujours tout de suite"))
            #expect(try await heldPostDelivery() == .immediate)
            let changed = try await post("token=\(token)&kind=annonce-retenue&delivery=daily", client: client)
            #expect(changed.status == .ok && changed.body.contains("Préférence enregistrée"))
            #expect(try await heldPostDelivery() == .daily)
        }
    }

    @Test func anAlteredLinkOrBadChoiceIsAnsweredInFrenchAndChangesNothing() async throws {
        let link = try await app.mailedLink(to: "admin@example.org", containing: "/notices/preferences?token=")
        let token = String(try #require(link.split(separator: "=").last))
        let altered = String(token.dropLast()) + (token.last == "A" ? "B" : "A")
        try await app.test { client in
            let page = try await client.send(.get, "/notices/preferences?token=\(altered)")
            #expect(page.status == .notFound && page.body.contains("Ce lien de préférences n&#39;est pas valide"))
            let forged = try await post("token=\(altered)&kind=annonce-retenue&delivery=off", client: client)
            #expect(forged.status == .notFound && forged.body.contains("Ce lien de préférences n&#39;est pas valide"))
            let bad = try await post("token=\(token)&kind=annonce-retenue&delivery=parfois", client: client)
            #expect(bad.status == .badRequest && bad.body.contains("Choisissez « tout de suite »"))
            let fixed = try await post("token=\(token)&kind=annonce-masquee&delivery=off", client: client)
            #expect(fixed.status == .badRequest && fixed.body.contains("ne peut pas être changé"))
            let signedOut = try await post("kind=annonce-retenue&delivery=off", client: client)
            #expect(signedOut.status == .unauthorized || signedOut.status == .seeOther)
        }
        #expect(try await heldPostDelivery() == .immediate)
    }

    @Test func aSignedInPersonFindsTheSamePageFromTheDashboardInEnglishToo() async throws {
        let (_, token) = try await app.account("orga@example.org", role: .zoneAdmin, zones: ["dordogne"])
        try await app.test { client in
            let dashboard = try await client.send(.get, "/dashboard", cookie: "zonehub_session=\(token)")
            #expect(dashboard.body.contains("href=\"/notices/preferences\""))
            let page = try await client.send(
                .get, "/notices/preferences", cookie: "zonehub_session=\(token); zonehub_lang=en")
            #expect(page.status == .ok && page.body.contains("My email notices") && page.body.contains("Daily summary"))
            let signedOut = try await client.send(.get, "/notices/preferences")
            #expect(signedOut.status != .ok)
        }
    }
}

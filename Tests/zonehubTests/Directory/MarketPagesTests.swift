import Community
import Directory
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// Seasonal markets through their web forms, on a fixed clock (14 March 2026, 10:00 UTC, 11:00 in Paris).
@Suite struct MarketPagesTests {
    static let form = "application/x-www-form-urlencoded"
    let clock = FixedClock()
    let app: TestApp
    let admin: String
    let adminUser: User
    let merchant: (token: String, slug: String)
    let offerID: Int64
    let day: TimeInterval = 86_400

    init() async throws {
        app = try await TestApp(clock: clock)
        let account = try await app.account("admin@example.org", role: .zoneAdmin, zones: ["dordogne"])
        admin = "zonehub_session=\(account.token)"
        adminUser = account.user
        merchant = try await app.merchant("noel@example.org")
        let created = try await app.test { [merchant] in
            try await $0.send(
                .post, "/api/v1/posts", token: merchant.token,
                json: """
                    {"merchant": "\(merchant.slug)", "zone": "dordogne", "kind": "offer", "title": "Coffret de Noël",
                     "body": "Foie gras et confiture.", "category": "alimentation", "priceCents": 2900, "submit": true}
                    """)
        }
        offerID = try #require(try decodeJSON(created.body)["id"] as? Int64)
    }

    var cookie: String { "zonehub_session=\(merchant.token)" }

    static let creation =
        "title=March%C3%A9+de+No%C3%ABl+2026&description=Les+commer%C3%A7ants+de+la+zone.&applicationsOpenAt=2026-03-14"
        + "&applicationsCloseAt=2026-03-21&startsAt=2026-03-24&endsAt=2026-04-03"

    func post(_ uri: String, _ body: String, cookie: String) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await app.test { try await $0.send(.post, uri, json: body, contentType: Self.form, cookie: cookie) }
    }

    /// The market's only application, as its admins see it.
    func onlyApplication() async throws -> MarketApplication {
        let market = try await app.hub.markets.market("dordogne-marche-de-noel-2026")
        return try #require(try await app.hub.markets.applications(market, by: adminUser).first)
    }

    func get(_ uri: String, cookie: String? = nil) async throws -> String {
        try await app.test { try await $0.send(.get, uri, cookie: cookie) }.body
    }

    @Test func anAdminCreatesAMarketWholeDaysInParisTimeAndOthersDoNotGetTheForm() async throws {
        #expect(try await get("/zones/dordogne/markets", cookie: admin).contains("Nouveau marché de saison"))
        #expect(!(try await get("/zones/dordogne/markets", cookie: cookie)).contains("Nouveau marché de saison"))
        let created = try await post("/zones/dordogne/markets", Self.creation, cookie: admin)
        #expect(created.status == .seeOther)
        #expect(created.headers[.location] == "/markets/dordogne-marche-de-noel-2026")
        let market = try await app.hub.markets.market("dordogne-marche-de-noel-2026")
        // Midnight in Paris (UTC+1 in March, UTC+2 from 29 March), the last days included.
        #expect(StructuredData.machineDate(market.draft.startsAt) == "2026-03-23T23:00:00Z")
        #expect(StructuredData.machineDate(market.draft.endsAt) == "2026-04-03T22:00:00Z")
        #expect(StructuredData.machineDate(market.draft.applicationsCloseAt) == "2026-03-21T23:00:00Z")
        let page = try await get("/markets/dordogne-marche-de-noel-2026")
        #expect(page.contains("Du 24 mars 2026 au 3 avril 2026"))
        #expect(page.contains("Inscriptions ouvertes jusqu&#39;au 21 mars 2026"))
        let zone = try await get("/zones/dordogne")
        #expect(zone.contains("<a href=\"/markets/dordogne-marche-de-noel-2026\">Marché de Noël 2026</a>"))
        #expect(try await get("/zones/dordogne/markets").contains("/markets/dordogne-marche-de-noel-2026"))
    }

    @Test(arguments: [
        ("endsAt=2026-04-03", "endsAt=2026-03-20", "Le dernier jour du marché vient après le premier"),
        ("startsAt=2026-03-24", "startsAt=24%2F03%2F2026", "Le premier jour du marché s&#39;écrit comme 2026-12-01."),
        ("title=March%C3%A9+de+No%C3%ABl+2026", "title=", "Le titre du marché est obligatoire"),
    ])
    func aBadFormIsShownBackWithItsErrorAndCreatesNothing(field: String, bad: String, message: String) async throws {
        let answer = try await post(
            "/zones/dordogne/markets", Self.creation.replacingOccurrences(of: field, with: bad), cookie: admin)
        #expect(answer.status == .badRequest)
        #expect(answer.body.contains(message))
        #expect(answer.body.contains("value=\"2026-03-14\""))
        #expect(try await app.hub.markets.current(zone: try await app.hub.zones.zone(slug: "dordogne")).isEmpty)
    }

    @Test func aMerchantCannotCreateAMarketWithTheForm() async throws {
        #expect(try await post("/zones/dordogne/markets", Self.creation, cookie: cookie).status == .forbidden)
        #expect(try await post("/zones/dordogne/markets", Self.creation, cookie: "").status == .unauthorized)
    }

    @Test func aMerchantAppliesWithTheFormAndTheAdminApprovesFromTheMarketPage() async throws {
        _ = try await post("/zones/dordogne/markets", Self.creation, cookie: admin)
        let path = "/markets/dordogne-marche-de-noel-2026"
        let form = try await get(path, cookie: cookie)
        #expect(form.contains("name=\"post\" value=\"\(offerID)\"> Coffret de Noël"))
        #expect(!(try await get(path)).contains("S&#39;inscrire au marché"))
        let none = try await post(path + "/apply", "merchant=\(merchant.slug)", cookie: cookie)
        #expect(none.status == .badRequest && none.body.contains("Choisissez de une à vingt"))
        let applied = try await post(path + "/apply", "merchant=\(merchant.slug)&post=\(offerID)", cookie: cookie)
        #expect(applied.status == .seeOther && applied.headers[.location] == path)
        #expect(try await get(path, cookie: cookie).contains("candidature en attente de réponse"))
        let twice = try await post(path + "/apply", "merchant=\(merchant.slug)&post=\(offerID)", cookie: cookie)
        #expect(twice.status == .conflict && twice.body.contains("Ce commerce s&#39;est déjà inscrit à ce marché."))

        let table = try await get(path, cookie: admin)
        let application = try await onlyApplication()
        #expect(table.contains("action=\"\(path)/applications/\(application.id.rawValue)/approve\""))
        let refused = try await post(path + "/applications/\(application.id.rawValue)/approve", "", cookie: cookie)
        #expect(refused.status == .forbidden)
        let approved = try await post(path + "/applications/\(application.id.rawValue)/approve", "", cookie: admin)
        #expect(approved.status == .seeOther)
        let shown = try await get(path)
        #expect(shown.contains("href=\"/merchants/\(merchant.slug)\""))
        #expect(shown.contains("Coffret de Noël"))
        let again = try await post(
            path + "/applications/\(application.id.rawValue)/reject", "reason=Trop+tard", cookie: admin)
        #expect(again.status == .conflict && again.body.contains("Cette candidature a déjà été traitée"))
    }

    @Test func theAdminRefusesAnApplicationWithAReasonTheMerchantReads() async throws {
        _ = try await post("/zones/dordogne/markets", Self.creation, cookie: admin)
        let path = "/markets/dordogne-marche-de-noel-2026"
        _ = try await post(path + "/apply", "merchant=\(merchant.slug)&post=\(offerID)", cookie: cookie)
        let application = try await onlyApplication()
        let reject = path + "/applications/\(application.id.rawValue)/reject"
        #expect(try await get(path, cookie: admin).contains("<textarea id=\"reason-\(application.id.rawValue)\""))
        let unsaid = try await post(reject, "reason=+++", cookie: admin)
        #expect(unsaid.status == .badRequest && unsaid.body.contains("Dites au commerce pourquoi"))
        #expect(try await onlyApplication().status == .pending)
        let long = try await post(reject, "reason=" + String(repeating: "a", count: 501), cookie: admin)
        #expect(long.status == .badRequest && long.body.contains("500 caractères au plus"))
        let refused = try await post(reject, "reason=R%C3%A9serv%C3%A9+aux+producteurs.", cookie: admin)
        #expect(refused.status == .seeOther)
        #expect(try await onlyApplication().reason == "Réservé aux producteurs.")
        let seen = try await get(path, cookie: cookie)
        #expect(seen.contains("candidature refusée — « Réservé aux producteurs. »"))
    }

    @Test func theMarketFeedIsCachedRenewedWhenAnApplicationIsApprovedAndEmptiedWhenTheMarketEnds() async throws {
        _ = try await post("/zones/dordogne/markets", Self.creation, cookie: admin)
        let path = "/markets/dordogne-marche-de-noel-2026"
        let feed = { try await app.test { try await $0.send(.get, path + "/feed.atom") } }
        let empty = try await feed()
        #expect(try FeedEntries.titles(empty.body).isEmpty)
        #expect(try await feed().headers[.eTag] == empty.headers[.eTag])
        _ = try await post(path + "/apply", "merchant=\(merchant.slug)&post=\(offerID)", cookie: cookie)
        let application = try await onlyApplication()
        _ = try await post(path + "/applications/\(application.id.rawValue)/approve", "", cookie: admin)
        let filled = try await feed()
        #expect(filled.headers[.eTag] != empty.headers[.eTag])
        #expect(try FeedEntries.titles(filled.body) == ["Coffret de Noël"])
        clock.advance(by: 21 * day)
        #expect(try FeedEntries.titles(try await feed().body).isEmpty)
    }
}

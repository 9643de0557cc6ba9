import Community
import Foundation
import Testing

@testable import zonehub

/// The search page and `GET /api/v1/search` through the HTTP stack.
@Suite struct SearchHTTPTests {
    let app: TestApp

    init() async throws {
        app = try await TestApp()
        let (user, _) = try await app.account("epicier@example.org", role: .merchant)
        _ = try await app.hub.merchants.create(
            MerchantProfile(
                name: "Épicerie du Marché", description: "Produits du Périgord.", categories: [.alimentation],
                commune: "Bergerac", postcode: "24100", links: ["https://www.example.org/boutiques/epicerie"],
                zones: ["dordogne"]),
            owner: user)
    }

    @Test func theAPIFindsAMerchantWithoutItsAccents() async throws {
        let answer = try await app.test { try await $0.send(.get, "/api/v1/search?q=epicerie&zone=dordogne") }
        #expect(answer.status == .ok)
        let json = try decodeJSON(answer.body)
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items.first?["type"] as? String == "merchant")
        #expect((items.first?["merchant"] as? [String: Any])?["slug"] as? String == "epicerie-du-marche")
        #expect(json["terms"] as? [String] == ["epicerie"])
        #expect(json["next"] is NSNull || json["next"] == nil)
    }

    @Test(arguments: [
        ("/api/v1/search", 400, "invalid_search"), ("/api/v1/search?q=%20-%20", 400, "invalid_search"),
        ("/api/v1/search?q=pain&kind=shop", 400, "invalid_kind"),
        ("/api/v1/search?q=pain&category=bakery", 400, "invalid_category"),
        ("/api/v1/search?q=pain&limit=500", 400, "invalid_limit"),
        ("/api/v1/search?q=pain&offset=-1", 400, "invalid_offset"),
        ("/api/v1/search?q=pain&offset=200", 400, "invalid_offset"),
        ("/api/v1/search?q=pain&zone=nowhere", 404, "zone_not_found"),
    ])
    func badSearchesAreRefusedWithTheirCode(uri: String, status: Int, code: String) async throws {
        let answer = try await app.test { try await $0.send(.get, uri) }
        #expect(answer.status.code == status)
        #expect(try decodeJSON(answer.body)["error"] as? String == code)
    }

    @Test func thePageShowsResultsWithLinksToTheShopsOwnSites() async throws {
        let answer = try await app.test { try await $0.send(.get, "/search?q=PERIGORD&zone=&kind=") }
        #expect(answer.status == .ok)
        #expect(answer.body.contains("href=\"/merchants/epicerie-du-marche\""))
        #expect(answer.body.contains("href=\"https://www.example.org/boutiques/epicerie\""))
        #expect(answer.body.contains("<meta name=\"robots\" content=\"noindex\">"))
    }

    /// Browsers send a search box's spaces as `+`: the words are read apart, and shown back as typed.
    @Test func aSearchTypedInTheFormReadsPlusAsASpace() async throws {
        let answer = try await app.test { try await $0.send(.get, "/search?q=epicerie+perigord&zone=&kind=") }
        #expect(answer.status == .ok)
        #expect(answer.body.contains("value=\"epicerie perigord\""))
        #expect(!answer.body.contains("epicerie+perigord"))
        #expect(answer.body.contains("href=\"/merchants/epicerie-du-marche\""))
        let plus = try await app.test { try await $0.send(.get, "/search?q=epicerie%2Bperigord") }
        #expect(plus.body.contains("value=\"epicerie+perigord\""))
        let broken = try await app.test { try await $0.send(.get, "/search?q=%E9") }
        #expect(broken.status == .badRequest)
    }

    @Test func thePageExplainsABadSearchInFrench() async throws {
        let empty = try await app.test { try await $0.send(.get, "/search") }
        #expect(empty.status == .ok && empty.body.contains("name=\"q\""))
        let bad = try await app.test { try await $0.send(.get, "/search?q=%27") }
        #expect(bad.status == .badRequest)
        #expect(bad.body.contains("Tapez au moins un mot de deux lettres."))
    }
}

import Community
import Foundation
import HubTestSupport
import Testing

@testable import zonehub
import Storage

/// Directory pages: merchants by category and commune, their shop links, open now on a fixed clock.
@Suite struct DirectoryPagesTests {
    let app: TestApp

    init() async throws {
        app = try await TestApp(clock: FixedClock())  // Saturday 14 March 2026, 11:00 in Paris
        let (user, _) = try await app.account("annuaire@example.org", role: .merchant)
        let shops: [(String, [Category], String, String, String?)] = [
            ("Boulangerie Sarlat", [.alimentation], "Sarlat-la-Canéda", "24200", "Tu-Sa 07:00-13:00"),
            ("Cave de Bergerac", [.alimentation, .restauration], "Bergerac", "24100", "Mo-Fr 09:00-18:00"),
            ("Atelier du Cuir", [.mode], "Bergerac", "24100", nil),
        ]
        for (name, categories, commune, postcode, hours) in shops {
            _ = try await app.hub.merchants.create(
                MerchantProfile(
                    name: name, categories: categories, commune: commune, postcode: postcode,
                    links: ["https://www.\(name.slugified).example.org/boutique"], openingHours: hours,
                    zones: ["dordogne"]),
                owner: user)
        }
    }

    func page(_ uri: String) async throws -> (status: Int, body: String) {
        let answer = try await app.test { try await $0.send(.get, uri) }
        return (Int(answer.status.code), answer.body)
    }

    func sections(_ body: String) -> [String] {
        body.matches(of: #/<section class="directory-group"><h2>([^<]+) /#).map { String($0.1) }
    }

    @Test func aZoneDirectoryGroupsItsMerchantsByCategoryWithLinksAndOpenNow() async throws {
        let (status, body) = try await page("/zones/dordogne/directory")
        #expect(status == 200)
        #expect(sections(body) == ["Alimentation", "Mode", "Restauration"])
        #expect(body.contains("href=\"https://www.boulangerie-sarlat.example.org/boutique\""))
        #expect(body.contains("Ouvert · ferme à 13 h"))
        #expect(body.contains("Fermé en ce moment"))
        #expect(body.contains("Bergerac (2)") && body.contains("Sarlat-la-Canéda (1)"))
        #expect(body.contains("Alimentation (2)"))
    }

    @Test func filtersNarrowByCommuneCategoryAndOpenNow() async throws {
        let bergerac = try await page("/zones/dordogne/directory?commune=bergerac")
        #expect(!bergerac.body.contains("Boulangerie Sarlat") && bergerac.body.contains("Atelier du Cuir"))
        let fashion = try await page("/directory?category=mode")
        #expect(sections(fashion.body) == ["Mode"])
        let open = try await page("/zones/dordogne/directory?open=1")
        #expect(open.body.contains("Boulangerie Sarlat") && !open.body.contains("Cave de Bergerac"))
        #expect(open.body.contains("href=\"/zones/dordogne/directory?category=mode&amp;open=1\""))
    }

    @Test func otherZonesAndBadFiltersAnswerClearly() async throws {
        #expect(try await page("/zones/oise/directory").body.contains("Aucun commerce ne correspond"))
        #expect(try await page("/zones/nowhere/directory").status == 404)
        #expect(try await page("/directory?category=bakery").status == 400)
        #expect(try await page("/directory?page=-1").status == 400)
    }
}

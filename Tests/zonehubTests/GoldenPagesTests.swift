import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import HubTestSupport
import Testing

@testable import zonehub

/// Key pages rendered from fixed inputs (fixed clock, fresh database, sequential ids) and compared with the files
/// in `Golden/`, so every change to what residents see shows in review. Re-record with
/// `ZONEHUB_RECORD_GOLDEN=1 swift test --filter GoldenPagesTests`.
@Suite struct GoldenPagesTests {
    struct Clock: HubClock {
        func now() -> Date { Date(timeIntervalSince1970: 1_773_482_400) }  // samedi 14 mars 2026, 11:00 à Paris
    }

    @Test(arguments: ["/", "/zones/dordogne", "/posts/1", "/merchants/cave-de-bergerac"])
    func aKeyPageMatchesItsGoldenFile(path: String) async throws {
        let app = try await TestApp(clock: Clock())
        let owner = try await app.hub.accounts.add(
            email: "cave@example.org", displayName: "Cave", role: .merchant, zoneSlugs: [], password: "mot-de-passe-1",
            by: nil)
        let merchant = try await app.hub.merchants.create(
            MerchantProfile(
                name: "Cave de Bergerac", description: "Vins du Bergeracois.\n\nDégustation le samedi.",
                categories: [.alimentation], commune: "Bergerac", postcode: "24100", address: "2 place Gambetta",
                phone: "05 53 00 00 00", website: "https://cave.example.org", links: ["https://shop.example.org/cave"],
                openingHours: "Tu-Sa 09:00-19:00", zones: ["dordogne"]),
            owner: owner)
        let content = PostContent(
            kind: .offer, title: "Monbazillac 2020 <à prix doux>",
            body: "La septième offerte.\nVoir https://cave.example.org",
            category: .alimentation, priceCents: 1490, validUntil: Clock().now().addingTimeInterval(7 * 86400))
        let draft = try await app.hub.posts.create(
            content, merchantSlug: merchant.slug, zoneSlug: "dordogne", by: owner)
        _ = try await app.hub.posts.submit(draft.id, by: owner)

        let page = try await app.test { try await $0.send(.get, path) }
        #expect(page.status == .ok)
        let name = path == "/" ? "home" : path.dropFirst().replacingOccurrences(of: "/", with: "-")
        #expect(page.body == (try Golden.recorded(page.body, as: "\(name).html")))
    }
}

import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import PopUps
import Testing

@testable import zonehub

/// The pop-up pages a visitor sees, from fixed inputs (fixed clock, fresh database, sequential ids), compared with
/// `Golden/`. Re-record with `ZONEHUB_RECORD_GOLDEN=1 swift test --filter PopUpGoldenPagesTests`.
@Suite struct PopUpGoldenPagesTests {
    @Test(arguments: ["/zones/dordogne/pop-ups", "/pop-up-venues/1", "/pop-up-slots/1"])
    func aPopUpPageMatchesItsGoldenFile(path: String) async throws {
        let setup = try await PopUpSetup(capacity: 1)
        let hub = setup.app.hub
        let organiser = setup.organiser.user
        var details = setup.venue.details
        details.description = "Ancienne boulangerie <rue Neuve>, vitrine de 6 m."
        details.houseRules = "Pas de musique amplifiée.\nRangement avant 19 h."
        details.quota = 2
        _ = try await hub.popUps.venues.updateVenue(setup.venue.id, details: details, by: organiser)
        _ = try await hub.popUps.venues.createSeries(
            venue: setup.venue.id,
            PopUpSeriesRule(
                weekdays: [7], startTime: "10:00", endTime: "13:00", firstDay: LocalDay("2026-03-22")!,
                lastDay: LocalDay("2026-04-05")!, blackouts: [LocalDay("2026-03-29")!], priceCents: 1500),
            by: organiser)
        let merchant = try await setup.app.merchant("cave@example.org")
        let other = try await setup.app.merchant("fromagerie@example.org")
        try await setup.app.test { client in
            for shop in [merchant, other] {
                _ = try await client.send(
                    .post, "/api/v1/pop-up-slots/1/bookings", token: shop.token, json: #"{"merchant": "\#(shop.slug)"}"#
                )
            }
        }
        let page = try await setup.app.test { try await $0.send(.get, path) }
        #expect(page.status == .ok)
        let name = path.dropFirst().replacingOccurrences(of: "/", with: "-")
        #expect(page.body == (try Golden.recorded(page.body, as: "\(name).html")))
    }
}

import Community
import Directory
import Foundation
import HubTestSupport
import Testing

/// Listing confirmation and reminders on real SQLite with a fixed clock.
@Suite struct ListingFreshnessTests {
    let hub: TestHub
    let owner: User
    let shop: Merchant
    let day: TimeInterval = 86_400

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("marchand@example.org", role: .merchant)
        shop = try await hub.merchant("Fromagerie", owner: owner)
    }

    var listings: ListingService {
        ListingService(
            directory: hub.directoryStore, merchants: hub.merchantStore,
            freshness: ListingFreshness(confirmAfterDays: 90), clock: hub.clock)
    }

    @Test func aListingIsDueAfterThePeriodAndStaleThirtyDaysLater() async throws {
        let freshness = ListingFreshness(confirmAfterDays: 90)
        let start = hub.clock.now()
        #expect(shop.confirmedAt == start)
        #expect(!freshness.needsReminder(shop, at: start.addingTimeInterval(89 * day)))
        #expect(freshness.needsReminder(shop, at: start.addingTimeInterval(90 * day)))
        #expect(!freshness.isStale(shop, at: start.addingTimeInterval(119 * day)))
        #expect(freshness.isStale(shop, at: start.addingTimeInterval(120 * day)))
    }

    @Test func remindersGoOncePerConfirmation() async throws {
        #expect(try await listings.dueReminders().isEmpty)
        hub.clock.advance(by: 91 * day)
        #expect(try await listings.dueReminders().map(\.id) == [shop.id])
        try await listings.reminded(shop)
        #expect(try await listings.dueReminders().isEmpty)
        let confirmed = try await listings.confirm(shop.slug, by: owner)
        #expect(confirmed.confirmedAt == hub.clock.now())
        #expect(!listings.isStale(confirmed))
        hub.clock.advance(by: 91 * day)
        #expect(try await listings.dueReminders().map(\.id) == [shop.id])
    }

    @Test func onlyTheOwnerConfirmsAndTheConfirmationIsAudited() async throws {
        let other = try await hub.user("autre@example.org", role: .merchant)
        let operatorUser = try await hub.user("ops@example.org", role: .hubOperator)
        hub.clock.advance(by: day)
        for intruder in [other, operatorUser] {
            await #expect(throws: CommunityError.forbidden("only the merchant who keeps this listing can confirm it")) {
                try await listings.confirm(shop.slug, by: intruder)
            }
        }
        #expect(try await hub.merchantStore.merchant(id: shop.id)?.confirmedAt == shop.confirmedAt)
        _ = try await listings.confirm(shop.slug, by: owner)
        let entries = try await hub.audit.entries(zoneID: nil, limit: 10)
        #expect(entries.contains { $0.action == "merchant.confirm" && $0.actorID == owner.id })
        await #expect(throws: CommunityNotFound.merchant.notFound) { try await listings.confirm("nope", by: owner) }
    }

    @Test func anEditByItsMerchantConfirmsTheListingButAnOperatorsEditDoesNot() async throws {
        let operatorUser = try await hub.user("ops@example.org", role: .hubOperator)
        hub.clock.advance(by: day)
        var profile = shop.profile
        profile.description = "Nouveaux fromages."
        let byOperator = try await hub.merchants.update(shop.slug, with: profile, by: operatorUser)
        #expect(byOperator.confirmedAt == shop.confirmedAt)
        let byOwner = try await hub.merchants.update(shop.slug, with: profile, by: owner)
        #expect(byOwner.confirmedAt == hub.clock.now())
    }
}

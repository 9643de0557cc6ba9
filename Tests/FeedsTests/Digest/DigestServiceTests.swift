import Community
import Foundation
import HubTestSupport
import Testing

@testable import Feeds

/// Digest composition on a real SQLite hub with a fixed clock.
@Suite struct DigestServiceTests {
    let hub: TestHub
    let store: any SubscriptionStore
    let digests: DigestService
    let owner: User

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        store = hub.subscriptionStore
        digests = DigestService(subscriptions: store, posts: hub.postStore, clock: hub.clock)
        owner = try await hub.user("owner@example.org", role: .merchant)
    }

    func subscribe(_ email: String, categories: [Community.Category] = [], frequency: DigestFrequency = .daily)
        async throws -> Subscription
    {
        let alpha = try await hub.zoneStore.zone(slug: "alpha")!.id
        let outcome = try await store.request(
            email: email,
            preferences: SubscriptionPreferences(zoneIDs: [alpha], categories: categories, frequency: frequency),
            consent: ConsentRecord(action: .requested, wording: "J'accepte.", source: "test"), quietPeriod: 600,
            at: hub.clock.now())
        guard case .confirmationQueued(let pending) = outcome else { throw FeedsNotFound.subscription.notFound }
        return try await store.confirm(
            pending.id, consent: ConsentRecord(action: .confirmed, wording: "J'accepte.", source: "test"),
            at: hub.clock.now())
    }

    func publish(_ title: String, merchant: Merchant, category: Community.Category = .alimentation) async throws -> Post
    {
        var content = Samples.offer(title)
        content.category = category
        let posts = hub.posts()
        let post = try await posts.create(content, merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        return try await posts.submit(post.id, by: owner)
    }

    func queuedRecipes() async throws -> [DigestRecipe] {
        try await hub.texts("SELECT payload FROM outboxMessage WHERE kind = 'digest' ORDER BY id").map {
            try JSONDecoder.iso.decode(OutboxPayload.self, from: Data($0.utf8))
        }.compactMap {
            if case .digest(let recipe) = $0 { recipe } else { nil }
        }
    }

    @Test func eachSubscriberGetsThePostsOfTheirPeriodAndCategoriesOnce() async throws {
        let everything = try await subscribe("ana@example.org")
        let booksOnly = try await subscribe("bob@example.org", categories: [.livres])
        hub.clock.advance(by: 60)
        let farm = try await hub.merchant("Ferme", owner: owner)
        let vegetables = try await publish("Légumes", merchant: farm)
        let novel = try await publish("Roman", merchant: farm, category: .livres)
        hub.clock.advance(by: 60)

        let first = try await digests.compose(frequency: .daily)
        #expect(first == DigestRunSummary(subscribers: 2, digests: 2, nothingNew: 0))
        let recipes = try await queuedRecipes()
        #expect(recipes.first { $0.subscription == everything.id }?.posts == [novel.id, vegetables.id])
        #expect(recipes.first { $0.subscription == booksOnly.id }?.posts == [novel.id])

        // Nothing new since: no digest, and the next period starts where this one ended.
        hub.clock.advance(by: 86400)
        #expect(
            try await digests.compose(frequency: .daily) == DigestRunSummary(subscribers: 2, digests: 0, nothingNew: 2))
        #expect(try await queuedRecipes().count == 2)
    }

    @Test func aDryRunQueuesNothingAndMovesNoPeriod() async throws {
        _ = try await subscribe("ana@example.org")
        hub.clock.advance(by: 60)
        _ = try await publish("Légumes", merchant: try await hub.merchant("Ferme", owner: owner))
        #expect(try await digests.compose(frequency: .daily, dryRun: true).digests == 1)
        #expect(try await queuedRecipes().isEmpty)
        #expect(try await digests.compose(frequency: .daily).digests == 1)
    }

    @Test func weeklySubscribersAreLeftToTheWeeklyRunAndPostsBeforeConfirmationAreLeftOut() async throws {
        let farm = try await hub.merchant("Ferme", owner: owner)
        _ = try await publish("Avant", merchant: farm)
        hub.clock.advance(by: 60)
        _ = try await subscribe("ana@example.org", frequency: .weekly)
        hub.clock.advance(by: 60)
        let after = try await publish("Après", merchant: farm)
        #expect(try await digests.compose(frequency: .daily).subscribers == 0)
        #expect(try await digests.compose(frequency: .weekly).digests == 1)
        #expect(try await queuedRecipes().map(\.posts) == [[after.id]])
    }

    @Test func aProlificMerchantIsCappedAndTheOthersAllAppear() async throws {
        _ = try await subscribe("ana@example.org")
        hub.clock.advance(by: 60)
        let prolific = try await hub.merchant("Grande Surface", owner: owner)
        for n in 1...8 {
            _ = try await publish("Promo \(n)", merchant: prolific)
            hub.clock.advance(by: 1)
        }
        let small = try await hub.merchant("Petite Épicerie", owner: owner)
        let modest = try await publish("Confitures", merchant: small)
        _ = try await digests.compose(frequency: .daily)
        let recipe = try #require(try await queuedRecipes().first)
        #expect(recipe.posts.count == DigestService.perMerchant + 1)
        #expect(recipe.posts.contains(modest.id))
        #expect(recipe.omitted == [prolific.slug: 8 - DigestService.perMerchant])
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

import Community
import Foundation

/// What a digest run composed.
package struct DigestRunSummary: Equatable, Sendable {
    /// Subscribers whose period was looked at.
    package var subscribers = 0
    /// Digests queued (or, in a dry run, that would be).
    package var digests = 0
    /// Subscribers with nothing new in their period: no digest for them.
    package var nothingNew = 0

    package init(subscribers: Int = 0, digests: Int = 0, nothingNew: Int = 0) {
        self.subscribers = subscribers
        self.digests = digests
        self.nothingNew = nothingNew
    }
}

/// Composes digests: for each due subscriber, the live posts of their zones and categories published in their
/// period, chosen fairly, queued in the outbox a page of subscribers at a time.
package struct DigestService: Sendable {
    let subscriptions: any SubscriptionStore
    let posts: any PostStore
    let clock: any HubClock
    /// The most posts one merchant shows in a digest.
    package static let perMerchant = 3
    /// The digest's length above which merchants' shares shrink (never below one post each).
    package static let maxPosts = 30
    static let pageSize = 500
    /// Told of each page of digests just queued (not in a dry run): the executable counts the posts they carry.
    package var queued: (@Sendable ([DigestRecipe]) async throws -> Void)?

    package init(subscriptions: any SubscriptionStore, posts: any PostStore, clock: any HubClock) {
        self.subscriptions = subscriptions
        self.posts = posts
        self.clock = clock
    }

    /// Composes and queues the digests of every due subscriber with `frequency` (and home zone `homeZone`), for
    /// periods ending now. A dry run composes without queuing or moving anyone's period.
    package func compose(
        frequency: DigestFrequency, homeZone: Zone.ID? = nil, dryRun: Bool = false,
        onPage: @Sendable (DigestRunSummary) -> Void = { _ in }
    ) async throws -> DigestRunSummary {
        let periodEnd = clock.now()
        var summary = DigestRunSummary()
        var cache = PostCache(posts: posts, periodEnd: periodEnd)
        var after: Subscription.ID?
        while true {
            let page = try await subscriptions.dueSubscribers(
                frequency: frequency, homeZone: homeZone, after: after, limit: Self.pageSize)
            guard let last = page.last else { break }
            after = last.id
            var recipes: [DigestRecipe] = []
            for subscriber in page {
                if let recipe = try await recipe(for: subscriber, periodEnd: periodEnd, cache: &cache) {
                    recipes.append(recipe)
                }
            }
            summary.subscribers += page.count
            summary.nothingNew += page.count - recipes.count
            if dryRun {
                summary.digests += recipes.count
            } else {
                summary.digests += try await subscriptions.recordDigests(
                    recipes, covering: page.map(\.id), periodEnd: periodEnd, at: periodEnd)
                try await queued?(recipes)
            }
            onPage(summary)
        }
        return summary
    }

    /// The digest `subscriber` would receive if their period ended now; nil when there is nothing new.
    package func preview(_ subscriber: Subscription) async throws -> DigestRecipe? {
        var cache = PostCache(posts: posts, periodEnd: clock.now())
        return try await recipe(for: subscriber, periodEnd: clock.now(), cache: &cache)
    }

    private func recipe(
        for subscriber: Subscription, periodEnd: Date, cache: inout PostCache
    ) async throws -> DigestRecipe? {
        guard let start = subscriber.periodStart, start < periodEnd else { return nil }
        let categories = Set(subscriber.preferences.categories)
        var candidates: [Post] = []
        for zone in subscriber.preferences.zoneIDs {
            candidates += try await cache.posts(in: zone, after: start).filter {
                $0.publishedAt.map { $0 > start } == true
                    && (categories.isEmpty || categories.contains($0.content.category))
            }
        }
        guard !candidates.isEmpty else { return nil }
        candidates.sort { ($0.publishedAt!, $0.id) > ($1.publishedAt!, $1.id) }
        let selection = DigestSelection.select(
            candidates, perMerchant: Self.perMerchant, maxPosts: Self.maxPosts,
            rotation: Int(subscriber.id.rawValue) + subscriber.digestCount)
        return DigestRecipe(
            subscription: subscriber.id, periodStart: start, periodEnd: periodEnd, posts: selection.posts.map(\.id),
            omitted: selection.omitted)
    }
}

/// Each zone's posts for the run, read once for the earliest period start any subscriber needs.
private struct PostCache {
    let posts: any PostStore
    let periodEnd: Date
    var loaded: [Zone.ID: (after: Date, posts: [Post])] = [:]

    init(posts: any PostStore, periodEnd: Date) {
        self.posts = posts
        self.periodEnd = periodEnd
    }

    mutating func posts(in zone: Zone.ID, after start: Date) async throws -> [Post] {
        if let entry = loaded[zone], entry.after <= start { return entry.posts }
        // Read a week further back than asked, so subscribers with slightly earlier periods share one read.
        let from = start.addingTimeInterval(-7 * 24 * 3600)
        let found = try await posts.publishedForDigest(in: [zone], after: from, through: periodEnd)
        loaded[zone] = (from, found)
        return found
    }
}

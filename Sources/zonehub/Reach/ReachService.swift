import Community
import Feeds
import Foundation

/// A merchant's reach over a stretch of days: every day (zeros included) and each post's totals.
struct ReachSummary: Equatable, Sendable {
    let days: [ReachDayCounts]
    let posts: [Post.ID: ReachTally.PostCounts]

    var views: Int { days.reduce(0) { $0 + $1.views } }
    var clicks: Int { days.reduce(0) { $0 + $1.clicks } }
    var feedFetches: Int { days.reduce(0) { $0 + $1.feedFetches } }
    var digests: Int { days.reduce(0) { $0 + $1.digests } }
}

/// Reads merchants' reach for the dashboard and writes their monthly report ("Votre visibilité ce mois-ci").
struct ReachService: Sendable {
    let store: any ReachStore
    let clock: any HubClock
    /// How many days the dashboard shows.
    static let dashboardDays = 30

    /// The merchant's last 30 days, today included (Europe/Paris).
    func recent(_ merchant: Merchant) async throws -> ReachSummary {
        let days = ReachRules.days(endingAt: clock.now(), count: Self.dashboardDays)
        return try await summary(merchant.id, days: days)
    }

    /// The merchant's reach on each of `days` (consecutive, oldest first).
    func summary(_ merchant: Merchant.ID, days: [String]) async throws -> ReachSummary {
        guard let first = days.first, let last = days.last else { return ReachSummary(days: [], posts: [:]) }
        let stored = Dictionary(
            try await store.days(merchant: merchant, from: first, through: last).map { ($0.day, $0) },
            uniquingKeysWith: { a, _ in a })
        return ReachSummary(
            days: days.map { stored[$0] ?? ReachDayCounts(day: $0) },
            posts: try await store.posts(merchant: merchant, from: first, through: last))
    }

    /// Stores the digests just queued: each carried post counts one digest per recipe, on the day it was composed.
    func digestsQueued(_ recipes: [DigestRecipe]) async throws {
        var tally = ReachTally()
        for recipe in recipes {
            let day = ReachRules.day(of: recipe.periodEnd).text
            for post in recipe.posts { tally.posts[.init(id: post, day: day), default: .init()].digests += 1 }
        }
        try await store.add(tally)
    }
}

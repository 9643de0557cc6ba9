import Community
import Foundation
import Synchronization

/// The reach counted by this process since its last flush: a request adds to it under a lock held for a few
/// increments (no database work, no suspension), and `ReachFlusher` moves it to the database every few seconds.
final class ReachCounter: Sendable {
    private struct State {
        var tally = ReachTally()
        /// The day the last count fell on, so that a count computes the day only when midnight has passed.
        var day: ReachDay?
        /// Recent user agents and whether they count: a few browsers make most requests.
        var agents: [String: Bool] = [:]
    }

    private let state = Mutex(State())
    private let clock: any HubClock

    init(clock: any HubClock) { self.clock = clock }

    /// A view of a post's page by a request with `userAgent`.
    func viewed(post: Post.ID, userAgent: String?) {
        guard counts(userAgent) else { return }
        count { tally, day in tally.posts[.init(id: post, day: day), default: .init()].views += 1 }
    }

    /// A view of a merchant's page (their listing).
    func viewed(listing: Merchant.ID, userAgent: String?) {
        guard counts(userAgent) else { return }
        count { tally, day in tally.listings[.init(id: listing, day: day), default: .init()].views += 1 }
    }

    /// A click on one of a merchant's links, through `/go/`.
    func clicked(listing: Merchant.ID, userAgent: String?) {
        guard counts(userAgent) else { return }
        count { tally, day in tally.listings[.init(id: listing, day: day), default: .init()].clicks += 1 }
    }

    /// A fetch of a feed that carried `posts`.
    func fetched(posts: [Post.ID], userAgent: String?) {
        guard !posts.isEmpty, counts(userAgent) else { return }
        count { tally, day in
            for post in posts { tally.posts[.init(id: post, day: day), default: .init()].feedFetches += 1 }
        }
    }

    /// Takes every count so far, leaving none.
    func take() -> ReachTally {
        state.withLock { state in
            defer { state.tally = ReachTally() }
            return state.tally
        }
    }

    /// Gives back counts that could not be stored, to be stored with the next ones.
    func restore(_ tally: ReachTally) {
        state.withLock { $0.tally.add(tally) }
    }

    /// `ReachRules.counts(userAgent:)`, remembered for up to 256 user agents (forgotten all at once past that).
    private func counts(_ userAgent: String?) -> Bool {
        guard let userAgent else { return false }
        if let known = state.withLock({ $0.agents[userAgent] }) { return known }
        let counts = ReachRules.counts(userAgent: userAgent)
        state.withLock { state in
            if state.agents.count >= 256 { state.agents.removeAll(keepingCapacity: true) }
            state.agents[userAgent] = counts
        }
        return counts
    }

    private func count(_ change: (inout ReachTally, String) -> Void) {
        let now = clock.now()
        state.withLock { state in
            let day: ReachDay
            if let current = state.day, current.contains(now) {
                day = current
            } else {
                day = ReachRules.day(of: now)
                state.day = day
            }
            change(&state.tally, day.text)
        }
    }
}

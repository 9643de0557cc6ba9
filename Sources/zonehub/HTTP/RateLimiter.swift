import Community
import Foundation

/// Counts requests per key (a client address, an account) in fixed windows and refuses those over the limit. The
/// counts are in the database, so that every process serving the hub counts together.
struct RateLimiter: Sendable {
    /// What is counted, which keeps this limiter's counts apart from the others'.
    let name: String
    let limit: Int
    let window: TimeInterval
    let store: any ThrottleStore

    /// Counts one request for `key`; false when the key is over its limit in the current window.
    func allow(_ key: String, now: Date) async throws -> Bool {
        try await store.count("\(name):\(key.prefix(300))", at: now, expiry: .window(window)) <= limit
    }
}

extension RateLimiter {
    /// Counts one report by `user`; fails with `rate_limited` past the limit.
    func allowReport(by user: User, now: Date) async throws {
        guard try await allow("\(user.id.rawValue)", now: now) else {
            throw CommunityProblem.rateLimited.error("too many reports; try again later")
        }
    }
}

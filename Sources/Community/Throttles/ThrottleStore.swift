import Foundation

/// When a throttle's count of events for one subject starts again from zero.
package enum ThrottleExpiry: Sendable, Equatable {
    /// A fixed window that opens at the first event: at most so many events per window.
    case window(TimeInterval)
    /// So long after the last event: a count that only a quiet spell clears.
    case quiet(TimeInterval)
}

/// A subject's live count: how many events, and when the last one was.
package struct ThrottleCount: Sendable, Equatable {
    package let events: Int
    package let lastAt: Date

    package init(events: Int, lastAt: Date) {
        self.events = events
        self.lastAt = lastAt
    }
}

/// Counts of recent events per subject (a client address, an account), kept in the database so that every process
/// serving the hub counts together: what rate limits and sign-in lockout are built on.
package protocol ThrottleStore: Sendable {
    /// Counts one event for `subject` and returns the count so far, this event included.
    func count(_ subject: String, at now: Date, expiry: ThrottleExpiry) async throws -> Int
    /// The live (unexpired) counts of `subjects`; subjects without one are left out.
    func counts(_ subjects: [String], at now: Date) async throws -> [String: ThrottleCount]
    /// Forgets `subject`'s count.
    func reset(_ subject: String) async throws
}

extension ThrottleExpiry {
    /// How long a count that starts now lasts, if no event comes (a quiet spell) or whatever comes (a window).
    package var length: TimeInterval {
        switch self {
        case .window(let length), .quiet(let length): length
        }
    }
}

extension ThrottleStore {
    /// Counts one event for every subject, each in an hourly window, and refuses with `rate_limited` (`message`
    /// for the log) when any count passes its limit; every subject is counted either way.
    package func limitPerHour(_ limits: [(subject: String, limit: Int)], at now: Date, message: String) async throws {
        var passed = false
        for (subject, limit) in limits where try await count(subject, at: now, expiry: .window(3600)) > limit {
            passed = true
        }
        if passed { throw CommunityProblem.rateLimited.error(message) }
    }
}

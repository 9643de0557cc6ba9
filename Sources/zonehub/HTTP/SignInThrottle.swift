import Community
import Foundation

/// Slows down password guessing: after five failed sign-ins for one address, or twenty from one client address,
/// further attempts wait, one minute after the fifth failure and twice as long after each next one (at most an
/// hour), whatever the password. A success clears the account's count; a day without failures clears both. The
/// counts are in the database, so that every process serving the hub counts together.
struct SignInThrottle: Sendable {
    static let freeFailures = 5
    static let freeFailuresPerClient = 20
    static let maximumWait: TimeInterval = 3600
    static let forgottenAfter: TimeInterval = 86_400

    let store: any ThrottleStore

    /// Fails with `rate_limited` while the account or the client must wait.
    func check(email: String, client: String, now: Date) async throws {
        let subjects = [
            (Self.subject(email: email), Self.freeFailures),
            (Self.subject(client: client), Self.freeFailuresPerClient),
        ]
        let counts = try await store.counts(subjects.map(\.0), at: now)
        let waits = subjects.compactMap { subject, free in
            counts[subject].flatMap { Self.lockedUntil($0, free: free) }
        }
        guard let until = waits.filter({ $0 > now }).max() else { return }
        let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
        throw RequestProblem.signInLocked.error("too many failed sign-ins; try again in \(minutes) minute(s)")
    }

    func failed(email: String, client: String, now: Date) async throws {
        for subject in [Self.subject(email: email), Self.subject(client: client)] {
            _ = try await store.count(subject, at: now, expiry: .quiet(Self.forgottenAfter))
        }
    }

    func succeeded(email: String) async throws { try await store.reset(Self.subject(email: email)) }

    /// Until when `count` failures lock, the last at `count.lastAt`; nil while they are few enough to be free.
    static func lockedUntil(_ count: ThrottleCount, free: Int) -> Date? {
        guard count.events >= free else { return nil }
        return count.lastAt.addingTimeInterval(min(maximumWait, 60 * pow(2, Double(count.events - free))))
    }

    private static func subject(email: String) -> String {
        "sign-in.account:" + email.trimmingCharacters(in: .whitespaces).lowercased().prefix(300)
    }

    private static func subject(client: String) -> String { "sign-in.client:" + client.prefix(300) }
}

extension AccountService {
    /// Signs in through `throttle`: refused while locked, counted when the password is wrong.
    func signIn(email: String, password: String, client: String, throttle: SignInThrottle, now: Date) async throws
        -> (user: User, token: String)
    {
        try await throttle.check(email: email, client: client, now: now)
        do {
            let session = try await signIn(email: email, password: password)
            try await throttle.succeeded(email: email)
            return session
        } catch let error as CommunityError where error == .badCredentials {
            try await throttle.failed(email: email, client: client, now: now)
            throw error
        }
    }
}

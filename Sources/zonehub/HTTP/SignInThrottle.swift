import Community
import Foundation

/// Slows down password guessing: after five failed sign-ins for one address, or twenty from one client address,
/// further attempts wait, one minute after the fifth failure and twice as long after each next one (at most an
/// hour), whatever the password. A success clears the account's count. In memory, per process.
actor SignInThrottle {
    static let freeFailures = 5
    static let freeFailuresPerClient = 20
    static let maximumWait: TimeInterval = 3600

    private struct Record {
        var failures = 0
        var lockedUntil = Date.distantPast
        var lastFailure = Date.distantPast
    }

    private var accounts: [String: Record] = [:]
    private var clients: [String: Record] = [:]

    /// Fails with `rate_limited` while the account or the client must wait.
    func check(email: String, client: String, now: Date) throws(CommunityError) {
        let waits = [accounts[Self.key(email)], clients[client]].compactMap { $0?.lockedUntil }.filter { $0 > now }
        guard let until = waits.max() else { return }
        let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
        throw CommunityError(
            .rateLimited, "sign_in_locked", "too many failed sign-ins; try again in \(minutes) minute(s)")
    }

    func failed(email: String, client: String, now: Date) {
        accounts[Self.key(email)] = Self.count(accounts[Self.key(email)], free: Self.freeFailures, now: now)
        clients[client] = Self.count(clients[client], free: Self.freeFailuresPerClient, now: now)
        if accounts.count > 50_000 {
            accounts = accounts.filter { now.timeIntervalSince($0.value.lastFailure) < 86_400 }
        }
        if clients.count > 50_000 { clients = clients.filter { now.timeIntervalSince($0.value.lastFailure) < 86_400 } }
    }

    func succeeded(email: String) { accounts[Self.key(email)] = nil }

    private static func count(_ record: Record?, free: Int, now: Date) -> Record {
        var record = record ?? Record()
        // A day without failures starts afresh.
        if now.timeIntervalSince(record.lastFailure) > 86_400 { record = Record() }
        record.failures += 1
        record.lastFailure = now
        if record.failures >= free {
            let wait = min(maximumWait, 60 * pow(2, Double(record.failures - free)))
            record.lockedUntil = now.addingTimeInterval(wait)
        }
        return record
    }

    private static func key(_ email: String) -> String { email.trimmingCharacters(in: .whitespaces).lowercased() }
}

extension AccountService {
    /// Signs in through `throttle`: refused while locked, counted when the password is wrong.
    func signIn(email: String, password: String, client: String, throttle: SignInThrottle, now: Date) async throws
        -> (user: User, token: String)
    {
        try await throttle.check(email: email, client: client, now: now)
        do {
            let session = try await signIn(email: email, password: password)
            await throttle.succeeded(email: email)
            return session
        } catch let error as CommunityError where error == .badCredentials {
            await throttle.failed(email: email, client: client, now: now)
            throw error
        }
    }
}

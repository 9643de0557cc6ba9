import Community
import Foundation
import Synchronization
import Testing

@testable import zonehub

/// The real bcrypt hasher, counting the password checks it makes.
final class CountingHasher: SecretHasher {
    let real = BcryptHasher()
    let checks = Mutex(0)

    func hashPassword(_ password: String) async -> String { await real.hashPassword(password) }

    func verify(_ password: String, hash: String) async -> Bool {
        checks.withLock { $0 += 1 }
        return await real.verify(password, hash: hash)
    }

    func digest(token: String) -> String { real.digest(token: token) }
}

/// Password checks cost the same whoever asks, and do not hold the threads that answer requests.
@Suite struct PasswordCheckTests {
    @Test func anUnknownAddressCostsOnePasswordCheckLikeAKnownOne() async throws {
        let hasher = CountingHasher()
        let app = try await TestApp(hasher: hasher)
        _ = try await app.account("connue@example.org", role: .resident)
        hasher.checks.withLock { $0 = 0 }

        await #expect(throws: CommunityError.badCredentials) {
            try await app.hub.accounts.signIn(email: "inconnue@example.org", password: "mot-de-passe-faux")
        }
        #expect(hasher.checks.withLock { $0 } == 1)
        await #expect(throws: CommunityError.badCredentials) {
            try await app.hub.accounts.signIn(email: "connue@example.org", password: "mot-de-passe-faux")
        }
        #expect(hasher.checks.withLock { $0 } == 2)
    }

    @Test func theUnknownAddressHashIsAFullCostBcryptHashThatMatchesNothing() async {
        let hash = AccountService.noAccountHash
        #expect(hash.hasPrefix("$2b$\(BcryptHasher.cost)$"))
        #expect(hash.count == 60)
        let hasher = BcryptHasher()
        for guess in ["", "demo-zonehub-2026", "mot-de-passe", "password123"] {
            #expect(await !hasher.verify(guess, hash: hash))
        }
    }

    @Test func bcryptRunsOnThreadsOfItsOwnTakenInTurn() async {
        let threads = BcryptThreads(threads: 2)
        var queues: [Int?] = []
        for _ in 0..<4 {
            queues.append(await threads.run { BcryptThreads.currentQueue })
        }
        #expect(queues == [0, 1, 0, 1])
        #expect(BcryptThreads.currentQueue == nil)
    }
}

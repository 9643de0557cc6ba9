import Community
import Crypto
import Dispatch
import Foundation
import HummingbirdBcrypt
import Synchronization

/// Passwords with bcrypt (cost 12, salted), session tokens with SHA-256.
///
/// A bcrypt check takes a quarter of a second of one core. Swift's cooperative pool has one thread per core, so
/// checks run there would stall every request the server is answering; they run on `BcryptThreads` instead.
struct BcryptHasher: SecretHasher {
    static let cost: UInt8 = 12

    let threads: BcryptThreads

    init(threads: BcryptThreads = .shared) {
        self.threads = threads
    }

    func hashPassword(_ password: String) async -> String {
        await threads.run { Bcrypt.hash(password, cost: Self.cost) }
    }

    func verify(_ password: String, hash: String) async -> Bool {
        await threads.run { Bcrypt.verify(password, hash: hash) }
    }

    func digest(token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// One serial queue per core for password work, taken in turn. At most one check per core runs at a time; the
/// rest wait in their queue without holding a thread of Swift's cooperative pool.
final class BcryptThreads: Sendable {
    static let shared = BcryptThreads(threads: ProcessInfo.processInfo.activeProcessorCount)

    private let queues: [DispatchQueue]
    private let next = Mutex(0)

    /// Which of the queues the caller runs on, nil when on none of them.
    static var currentQueue: Int? { DispatchQueue.getSpecific(key: queueNumber) }
    private static let queueNumber = DispatchSpecificKey<Int>()

    init(threads: Int) {
        queues = (0..<max(1, threads)).map { number in
            let queue = DispatchQueue(label: "zonehub.bcrypt.\(number)")
            queue.setSpecific(key: Self.queueNumber, value: number)
            return queue
        }
    }

    func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        let queue = next.withLock { index in
            defer { index = (index + 1) % queues.count }
            return queues[index]
        }
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}

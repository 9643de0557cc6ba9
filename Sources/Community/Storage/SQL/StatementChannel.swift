import Foundation
import GRDB

/// Carries a store's statements to the GRDB connection that holds its transaction: the store awaits each
/// statement's result, while the connection's queue runs them one by one until the store closes the channel.
final class StatementChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [(Result<Database, any Error>) -> Void] = []
    private var closed = false
    private var commit = false
    private var refusal: (any Error)?

    /// On the connection's queue: runs the statements sent until the channel is closed; returns whether the
    /// transaction is to be committed.
    func serve(_ db: Database) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !jobs.isEmpty {
                let job = jobs.removeFirst()
                condition.unlock()
                job(.success(db))
                condition.lock()
            } else if closed {
                return commit
            } else {
                condition.wait()
            }
        }
    }

    /// Runs `work` on the connection and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            if let refusal {
                continuation.resume(throwing: refusal)
                return
            }
            jobs.append { connection in continuation.resume(with: Result { try work(connection.get()) }) }
            condition.signal()
        }
    }

    /// The store's body has ended: the connection finishes the statements sent, then commits or rolls back.
    func close(commit: Bool) {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        self.commit = commit
        condition.signal()
    }

    /// A statement sent after its transaction ended.
    struct Ended: Error, CustomStringConvertible {
        var description: String { "the transaction has ended" }
    }

    /// The transaction ended, or could not begin: every statement sent, now or later, fails with `error`.
    func refuse(_ error: any Error) {
        condition.lock()
        refusal = error
        let waiting = jobs
        jobs.removeAll()
        condition.unlock()
        for job in waiting { job(.failure(error)) }
    }
}

/// The end of GRDB's transaction closure (committed, rolled back, or failed), awaited by the store's side.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Void, any Error>?
    private var waiter: CheckedContinuation<Void, any Error>?

    func complete(_ result: Result<Void, any Error>) {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.resume(with: result)
        } else {
            self.result = result
            lock.unlock()
        }
    }

    func value() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            lock.lock()
            if let result {
                lock.unlock()
                continuation.resume(with: result)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}

import Foundation
import GRDB

/// Carries a store's transaction to the GRDB connection that holds it, and runs the store's code there.
///
/// GRDB runs a transaction inside one synchronous closure on the connection's own queue, while a store's body is
/// async (so that one implementation serves both engines). The closure calls `serve`, which runs, one after the
/// other on that thread, the statements the body sends and the body itself: the channel is the body's task
/// executor, so the body never waits for a cooperative thread while it holds the connection, and a statement is a
/// function call, not a hop between threads. Once the channel has ended, anything still sent fails (statements) or
/// goes to the global executor (the body's own steps), so that nothing waits forever.
final class StatementChannel: TaskExecutor, @unchecked Sendable {
    private enum Work {
        case statement((Result<Database, any Error>) -> Void)
        case task(UnownedJob)
    }

    private enum State {
        case open
        case closing(commit: Bool)
        case ended(any Error)
    }

    private let condition = NSCondition()
    private var queue: [Work] = []
    private var state = State.open

    /// A statement sent after its transaction ended.
    struct Ended: Error, CustomStringConvertible {
        var description: String { "the transaction has ended" }
    }

    /// On the connection's queue: runs what is sent until the body is done; returns whether to commit.
    func serve(_ db: Database) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !queue.isEmpty {
                let work = queue.removeFirst()
                condition.unlock()
                switch work {
                case .statement(let run): run(.success(db))
                case .task(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                }
                condition.lock()
            } else if case .closing(let commit) = state {
                state = .ended(Ended())
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
            if case .ended(let error) = state {
                continuation.resume(throwing: error)
                return
            }
            queue.append(.statement { connection in continuation.resume(with: Result { try work(connection.get()) }) })
            condition.signal()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        if case .ended = state {
            condition.unlock()
            globalConcurrentExecutor.enqueue(ExecutorJob(job))
            return
        }
        queue.append(.task(job))
        condition.signal()
        condition.unlock()
    }

    /// The body has ended: the connection finishes what was sent, then commits or rolls back.
    func close(commit: Bool) {
        condition.lock()
        defer { condition.unlock() }
        guard case .open = state else { return }
        state = .closing(commit: commit)
        condition.signal()
    }

    /// The transaction ended, or could not begin: statements sent now or later fail with `error`, and the body's
    /// steps run on the global executor.
    func refuse(_ error: any Error) {
        condition.lock()
        if case .ended = state {} else { state = .ended(error) }
        let waiting = queue
        queue.removeAll()
        condition.unlock()
        for work in waiting {
            switch work {
            case .statement(let run): run(.failure(error))
            case .task(let job): globalConcurrentExecutor.enqueue(ExecutorJob(job))
            }
        }
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

/// An async semaphore: at most `permits` callers run at once, the others wait without holding a thread.
///
/// GRDB's async reads wait for a pooled connection on a blocking semaphore; with more readers in flight than pooled
/// connections, every cooperative thread can end up parked there and the server stops answering. Admitting at most
/// as many readers as the pool holds means that wait never blocks.
package actor AsyncGate {
    private let permits: Int
    private var inUse = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(permits: Int) {
        precondition(permits > 0, "an AsyncGate needs at least one permit")
        self.permits = permits
    }

    /// Runs `body` once a permit is free, and frees the permit afterwards.
    package nonisolated func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if inUse < permits {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            // The permit passes straight to the oldest waiter.
            waiters.removeFirst().resume()
        }
    }
}

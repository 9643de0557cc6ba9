import Community
import Dispatch
import Foundation
import Logging
import Synchronization

/// Tells a WebSub hub which feeds changed (`hub.mode=publish`). Changes arriving close together are sent as one
/// round of pings, on a queue of its own: a slow or failing hub delays nothing else, and its errors are only logged.
package final class WebSubPublisher: Sendable {
    let hubURL: String
    let logger: Logger
    private let queue = DispatchQueue(label: "zonehub.websub")
    private let delay: DispatchTimeInterval
    /// How long one ping may take, in seconds, before it counts as failed.
    private let pingTimeout: Int
    private let state = Mutex(State())

    private struct State {
        var pending: Set<String> = []
        /// A round is scheduled or being sent.
        var busy = false
        var sent = 0
        var failed = 0
        /// Who waits for the queue to empty, by ticket, so that a wait whose limit passes can leave alone.
        var settledWaiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextTicket = 0
    }

    package init(
        hubURL: String, logger: Logger, delay: DispatchTimeInterval = .milliseconds(500), pingTimeout: Int = 5
    ) {
        self.hubURL = hubURL
        self.logger = logger
        self.delay = delay
        self.pingTimeout = pingTimeout
    }

    /// Pings sent and pings that failed so far.
    package var counts: (sent: Int, failed: Int) { state.withLock { ($0.sent, $0.failed) } }

    /// Queues a ping for each feed URL; returns at once.
    package func feedsChanged(_ urls: some Sequence<String>) {
        let schedule = state.withLock { state -> Bool in
            state.pending.formUnion(urls)
            guard !state.busy, !state.pending.isEmpty else { return false }
            state.busy = true
            return true
        }
        if schedule { queue.asyncAfter(deadline: .now() + delay) { self.flush() } }
    }

    /// Returns true once every change queued so far has been pinged, or its ping has failed; false if `limit`
    /// passes first (the pings go on being sent). `serve` waits here before it exits.
    @discardableResult
    package func settled(within limit: Duration? = nil) async -> Bool {
        await withCheckedContinuation { continuation in
            let ticket = state.withLock { state -> Int? in
                guard state.busy else { return nil }
                state.nextTicket += 1
                state.settledWaiters[state.nextTicket] = continuation
                return state.nextTicket
            }
            guard let ticket else { return continuation.resume(returning: true) }
            guard let limit else { return }
            // Not on `queue`: a round being sent there would hold the limit back.
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(limit / .nanoseconds(1)))) {
                self.state.withLock { $0.settledWaiters.removeValue(forKey: ticket) }?.resume(returning: false)
            }
        }
    }

    /// Sends the pending pings; changes arriving meanwhile are sent by the next round.
    private func flush() {
        let urls = state.withLock { state -> [String] in
            defer { state.pending.removeAll() }
            return state.pending.sorted()
        }
        for url in urls {
            do {
                let status = try HTTPForm.post(
                    [("hub.mode", "publish"), ("hub.url", url)], to: hubURL, timeout: pingTimeout)
                guard (200..<300).contains(status) else {
                    throw HTTPForm.Failure(description: "the hub answered \(status)")
                }
                state.withLock { $0.sent += 1 }
            } catch {
                state.withLock { $0.failed += 1 }
                logger.warning("WebSub ping failed", metadata: ["feed": "\(url)", "error": "\(error)"])
            }
        }
        let (again, settled) = state.withLock { state -> (Bool, [CheckedContinuation<Bool, Never>]) in
            if !state.pending.isEmpty { return (true, []) }
            state.busy = false
            defer { state.settledWaiters.removeAll() }
            return (false, Array(state.settledWaiters.values))
        }
        if again { queue.asyncAfter(deadline: .now() + delay) { self.flush() } }
        for waiter in settled { waiter.resume(returning: true) }
    }
}

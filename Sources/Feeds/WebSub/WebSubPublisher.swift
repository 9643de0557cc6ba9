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
    private let state = Mutex(State())

    private struct State {
        var pending: Set<String> = []
        /// A round is scheduled or being sent.
        var busy = false
        var sent = 0
        var failed = 0
        var settledWaiters: [CheckedContinuation<Void, Never>] = []
    }

    package init(hubURL: String, logger: Logger, delay: DispatchTimeInterval = .milliseconds(500)) {
        self.hubURL = hubURL
        self.logger = logger
        self.delay = delay
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

    /// Returns once every change queued so far has been pinged, or its ping has failed.
    package func settled() async {
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state -> Bool in
                if state.busy { state.settledWaiters.append(continuation) }
                return !state.busy
            }
            if idle { continuation.resume() }
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
                let status = try HTTPForm.post([("hub.mode", "publish"), ("hub.url", url)], to: hubURL)
                guard (200..<300).contains(status) else {
                    throw HTTPForm.Failure(description: "the hub answered \(status)")
                }
                state.withLock { $0.sent += 1 }
            } catch {
                state.withLock { $0.failed += 1 }
                logger.warning("WebSub ping failed", metadata: ["feed": "\(url)", "error": "\(error)"])
            }
        }
        let (again, settled) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
            if !state.pending.isEmpty { return (true, []) }
            state.busy = false
            defer { state.settledWaiters.removeAll() }
            return (false, state.settledWaiters)
        }
        if again { queue.asyncAfter(deadline: .now() + delay) { self.flush() } }
        for waiter in settled { waiter.resume() }
    }
}

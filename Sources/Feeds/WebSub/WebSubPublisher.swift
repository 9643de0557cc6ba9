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
    private let state = Mutex<(pending: Set<String>, scheduled: Bool, sent: Int, failed: Int)>(([], false, 0, 0))

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
            defer { state.scheduled = true }
            return !state.scheduled && !state.pending.isEmpty
        }
        if schedule { queue.asyncAfter(deadline: .now() + delay) { self.flush() } }
    }

    private func flush() {
        let urls = state.withLock { state -> [String] in
            defer {
                state.pending.removeAll()
                state.scheduled = false
            }
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
    }
}

import Foundation
import Synchronization

/// Counts requests and their latencies by route pattern (`/zones/{slug}`, not each zone's path; `NotFound` for
/// paths no route matched), method and status,
/// so that the series stay few however many pages the hub has.
final class RequestMetrics: Sendable {
    /// Upper bounds of the latency histogram, in seconds (Prometheus' `le`).
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Key: Hashable, Comparable {
        let route: String
        let method: String
        let status: Int

        static func < (a: Key, b: Key) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct Histogram {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var count = 0
        var sum = 0.0
    }

    private struct State {
        var requests: [Key: Int] = [:]
        var latencies: [String: Histogram] = [:]
        var inFlight = 0
    }

    private let state = Mutex(State())

    func started() { state.withLock { $0.inFlight += 1 } }

    func finished(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.inFlight -= 1
            state.requests[Key(route: route, method: method, status: status), default: 0] += 1
            var histogram = state.latencies[route] ?? Histogram()
            if let bucket = Self.buckets.firstIndex(where: { seconds <= $0 }) { histogram.counts[bucket] += 1 }
            histogram.count += 1
            histogram.sum += seconds
            state.latencies[route] = histogram
        }
    }

    /// A copy of the counters, for rendering.
    var snapshot: (requests: [Key: Int], latencies: [String: Histogram], inFlight: Int) {
        state.withLock { ($0.requests, $0.latencies, $0.inFlight) }
    }
}

import Community
import PopUps
import Prometheus
import Synchronization

/// The series of `/metrics`, in a Prometheus registry that belongs to one server: the request series, which
/// `RequestMetrics` records as requests are answered, and the hub's statistics, set from the database at each scrape.
///
/// The series are made on the registry itself, not through swift-metrics' `Counter` and `Timer` with a
/// `PrometheusMetricsFactory`: that factory registers every family without help text, so the `# HELP` lines that
/// operators read would be lost (and a family made both ways stops the process on the differing help texts).
final class HubMetrics: Sendable {
    let requests: RequestMetrics
    private let registry: PrometheusCollectorRegistry
    private let outboxDepth: Gauge
    private let outboxOldest: Gauge
    private let outboxFailed: Gauge
    private let heldPosts: Gauge
    private let oldestHeld: Gauge
    private let feedsCached: Gauge
    private let bookings: [(status: String, gauge: Gauge)]
    /// One scrape sets and writes out the gauges at a time, so that no answer mixes two reads of the database.
    private let scrape = Mutex(())

    /// A registry of its own rather than `MetricsSystem.bootstrap`: swift-metrics' system is one per process and
    /// bootstrapped once, so the tests' servers, which run in parallel in one process, would count each other's
    /// requests; each server (and each test's) counts only its own.
    init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        requests = RequestMetrics(registry: registry)
        func gauge(_ name: String, _ help: String) -> Gauge {
            registry.makeGauge(descriptor: Self.name(name, help: help))
        }
        outboxDepth = gauge("zonehub_outbox_depth", "Mail messages waiting to be sent.")
        outboxOldest = gauge("zonehub_outbox_oldest_seconds", "How long the oldest due mail message has waited.")
        outboxFailed = gauge("zonehub_outbox_failed", "Mail messages refused for good (the address is suppressed).")
        heldPosts = gauge("zonehub_moderation_held_posts", "Posts waiting in the review queues.")
        oldestHeld = gauge("zonehub_moderation_oldest_held_seconds", "How long the oldest held post has waited.")
        feedsCached = gauge("zonehub_feeds_cached", "Rendered feeds held in the cache.")
        let bookingsName = Self.name("zonehub_pop_up_bookings", help: "Pop-up bookings by status.")
        bookings = PopUpBookingStatus.allCases.map { status in
            (status.rawValue, registry.makeGauge(descriptor: bookingsName, labels: [("status", status.rawValue)]))
        }
    }

    /// The Prometheus text exposition format (version 0.0.4) of every series, the gauges set to `statistics`.
    func exposition(of statistics: HubStatistics, feedsCached cached: Int) -> String {
        scrape.withLock { _ in
            outboxDepth.set(to: Double(statistics.outboxDepth))
            outboxOldest.set(to: statistics.oldestOutboxSeconds)
            outboxFailed.set(to: Double(statistics.outboxFailed))
            heldPosts.set(to: Double(statistics.heldPosts))
            oldestHeld.set(to: statistics.oldestHeldSeconds)
            feedsCached.set(to: Double(cached))
            for (status, gauge) in bookings { gauge.set(to: Double(statistics.bookings[status] ?? 0)) }
            return registry.emitToString()
        }
    }

    /// A metric named whole, as dashboards and alerts spell it, rather than from namespace and unit parts.
    static func name(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}

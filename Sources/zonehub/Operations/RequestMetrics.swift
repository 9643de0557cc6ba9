import Prometheus

/// Counts requests and their latencies by route pattern (`/zones/{slug}`, not each zone's path; `NotFound` for
/// paths no route matched), method and status, so that the series stay few however many pages the hub has.
final class RequestMetrics: Sendable {
    /// Upper bounds of the latency histogram (Prometheus' `le`: `0.001` to `10.0` seconds).
    static let buckets: [Duration] = [
        .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    private static var requestsName: MetricNameDescriptor {
        HubMetrics.name(
            "zonehub_http_requests_total", help: "HTTP requests answered, by route pattern, method and status.")
    }
    private static var durationName: MetricNameDescriptor {
        HubMetrics.name("zonehub_http_request_duration_seconds", help: "Time to answer a request, by route pattern.")
    }

    private let registry: PrometheusCollectorRegistry
    private let inFlight: Gauge

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        inFlight = registry.makeGauge(
            descriptor: HubMetrics.name("zonehub_http_requests_in_flight", help: "Requests being answered."))
    }

    func started() { inFlight.increment() }

    func finished(route: String, method: String, status: Int, duration: Duration) {
        inFlight.decrement()
        // The registry hands back the series already made for these labels, or makes it.
        registry.makeCounter(
            descriptor: Self.requestsName, labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(descriptor: Self.durationName, labels: [("route", route)], buckets: Self.buckets)
            .record(duration)
    }
}

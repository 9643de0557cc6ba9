import Community
import Foundation

/// The Prometheus text exposition format (version 0.0.4) of the request counters and the hub's statistics.
enum MetricsRenderer {
    static func render(_ metrics: RequestMetrics, statistics: HubStatistics, feedsCached: Int) -> String {
        let (requests, latencies, inFlight) = metrics.snapshot
        var lines: [String] = []
        func family(_ name: String, _ type: String, _ help: String) {
            lines.append("# HELP \(name) \(help)")
            lines.append("# TYPE \(name) \(type)")
        }
        family("zonehub_http_requests_total", "counter", "HTTP requests answered, by route pattern, method and status.")
        for (key, count) in requests.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "zonehub_http_requests_total{route=\"\(escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)"
            )
        }
        family("zonehub_http_request_duration_seconds", "histogram", "Time to answer a request, by route pattern.")
        for (route, histogram) in latencies.sorted(by: { $0.key < $1.key }) {
            var cumulative = 0
            for (bound, count) in zip(RequestMetrics.buckets, histogram.counts) {
                cumulative += count
                lines.append(
                    "zonehub_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"\(bound)\"} \(cumulative)"
                )
            }
            lines.append(
                "zonehub_http_request_duration_seconds_bucket{route=\"\(escape(route))\",le=\"+Inf\"} \(histogram.count)"
            )
            lines.append("zonehub_http_request_duration_seconds_sum{route=\"\(escape(route))\"} \(histogram.sum)")
            lines.append("zonehub_http_request_duration_seconds_count{route=\"\(escape(route))\"} \(histogram.count)")
        }
        family("zonehub_http_requests_in_flight", "gauge", "Requests being answered.")
        lines.append("zonehub_http_requests_in_flight \(inFlight)")
        let gauges: [(name: String, help: String, value: String)] = [
            ("zonehub_outbox_depth", "Mail messages waiting to be sent.", "\(statistics.outboxDepth)"),
            (
                "zonehub_outbox_oldest_seconds", "How long the oldest due mail message has waited.",
                "\(statistics.oldestOutboxSeconds)"
            ),
            (
                "zonehub_outbox_failed", "Mail messages refused for good (the address is suppressed).",
                "\(statistics.outboxFailed)"
            ),
            ("zonehub_moderation_held_posts", "Posts waiting in the review queues.", "\(statistics.heldPosts)"),
            (
                "zonehub_moderation_oldest_held_seconds", "How long the oldest held post has waited.",
                "\(statistics.oldestHeldSeconds)"
            ),
            ("zonehub_feeds_cached", "Rendered feeds held in the cache.", "\(feedsCached)"),
        ]
        for gauge in gauges {
            family(gauge.name, "gauge", gauge.help)
            lines.append("\(gauge.name) \(gauge.value)")
        }
        family("zonehub_pop_up_bookings", "gauge", "Pop-up bookings by status.")
        for status in ["requested", "confirmed", "waiting", "offered", "cancelled", "refused", "lapsed"] {
            lines.append("zonehub_pop_up_bookings{status=\"\(status)\"} \(statistics.bookings[status] ?? 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Label values escape backslash, quote and line feed.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

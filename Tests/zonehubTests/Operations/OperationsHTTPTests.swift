import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub
import Storage

/// `/readyz` and `/metrics` through the router, on a real in-memory database.
@Suite struct OperationsHTTPTests {
    @Test func readyzAnswersWhenTheZonesAreLoadedAndNotBefore() async throws {
        let app = try await TestApp()
        let ready = try await app.test { try await $0.send(.get, "/readyz") }
        #expect(ready.status == .ok && ready.body == "ready\n")
        let settings = try Settings(database: ":memory:", environment: [:])
        let empty = try Hub(database: try SQLiteDatabase.inMemory(), settings: settings)
        let answer = try await Application(router: buildRouter(hub: empty)).test(.router) {
            try await $0.send(.get, "/readyz")
        }
        #expect(answer.status == .serviceUnavailable && answer.body == "not ready: no zone is loaded\n")
    }

    /// Series of the exposition text: `name{labels}` to value.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let value = Double(parts[1]) else { continue }
            samples[String(parts[0])] = value
        }
        return samples
    }

    @Test func metricsCountRequestsByRoutePatternAndShowTheQueues() async throws {
        let clock = FixedClock()
        let app = try await TestApp(clock: clock)
        let (token, slug) = try await app.merchant("oise@example.org", zone: "oise")
        let text = try await app.test { client in
            for path in ["/zones/dordogne", "/zones/oise", "/zones/nowhere", "/no/such/page"] {
                _ = try await client.send(.get, path)
            }
            // Oise holds a new merchant's first posts for review.
            _ = try await client.send(
                .post, "/api/v1/posts", token: token,
                json: """
                    {"merchant": "\(slug)", "zone": "oise", "kind": "news", "title": "Ouverture",
                     "body": "Nous ouvrons samedi.", "category": "alimentation", "submit": true}
                    """)
            clock.advance(by: 3600)
            return try await client.send(.get, "/metrics")
        }
        #expect(text.status == .ok, "\(text.body)")
        #expect(text.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        let samples = Self.samples(text.body)
        #expect(samples[#"zonehub_http_requests_total{route="/zones/{slug}",method="GET",status="200"}"#] == 2)
        #expect(samples[#"zonehub_http_requests_total{route="/zones/{slug}",method="GET",status="404"}"#] == 1)
        #expect(samples[#"zonehub_http_requests_total{route="NotFound",method="GET",status="404"}"#] == 1)
        #expect(samples[#"zonehub_http_request_duration_seconds_count{route="/zones/{slug}"}"#] == 3)
        #expect(samples[#"zonehub_http_request_duration_seconds_bucket{route="/zones/{slug}",le="+Inf"}"#] == 3)
        #expect(samples["zonehub_moderation_held_posts"] == 1)
        #expect(samples["zonehub_moderation_oldest_held_seconds"] == 3600)
        #expect(samples["zonehub_outbox_depth"] == 0)
        #expect(samples[#"zonehub_pop_up_bookings{status="confirmed"}"#] == 0)
        // Every sample line belongs to a family declared with its type.
        let declared = Set(
            text.body.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] })
        for name in samples.keys {
            let family = name.prefix { $0 != "{" }
            let base = ["_bucket", "_sum", "_count"].reduce(String(family)) { name, suffix in
                name.hasSuffix(suffix) && declared.contains(Substring(name.dropLast(suffix.count)))
                    ? String(name.dropLast(suffix.count)) : name
            }
            #expect(declared.contains(Substring(base)), "\(name) has no # TYPE line")
        }
    }

    /// Dashboards and alerts read these names, help texts and bucket bounds; swift-prometheus writes them.
    @Test func metricsKeepTheirHelpTextsAndLatencyBucketsAndEachServerCountsItsOwn() async throws {
        let app = try await TestApp()
        let other = try await TestApp()
        _ = try await other.test { try await $0.send(.get, "/zones/oise") }
        let text = try await app.test { client in
            _ = try await client.send(.get, "/zones/oise")
            return try await client.send(.get, "/metrics").body
        }
        let help = Set(text.split(separator: "\n").filter { $0.hasPrefix("# HELP ") })
        #expect(
            help == [
                "# HELP zonehub_http_requests_total HTTP requests answered, by route pattern, method and status.",
                "# HELP zonehub_http_request_duration_seconds Time to answer a request, by route pattern.",
                "# HELP zonehub_http_requests_in_flight Requests being answered.",
                "# HELP zonehub_outbox_depth Mail messages waiting to be sent.",
                "# HELP zonehub_outbox_oldest_seconds How long the oldest due mail message has waited.",
                "# HELP zonehub_outbox_failed Mail messages refused for good (the address is suppressed).",
                "# HELP zonehub_moderation_held_posts Posts waiting in the review queues.",
                "# HELP zonehub_moderation_oldest_held_seconds How long the oldest held post has waited.",
                "# HELP zonehub_feeds_cached Rendered feeds held in the cache.",
                "# HELP zonehub_pop_up_bookings Pop-up bookings by status.",
            ])
        let prefix = #"zonehub_http_request_duration_seconds_bucket{route="/zones/{slug}",le=""#
        let bounds = text.split(separator: "\n").filter { $0.hasPrefix(prefix) }.map {
            $0.dropFirst(prefix.count).prefix { $0 != "\"" }
        }
        #expect(
            Set(bounds.map(String.init)) == [
                "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
                "+Inf",
            ])
        let samples = Self.samples(text)
        #expect(samples[#"zonehub_http_requests_total{route="/zones/{slug}",method="GET",status="200"}"#] == 1)
        #expect(samples["zonehub_http_requests_in_flight"] == 1, "the scrape itself")
        let statuses = samples.keys.filter { $0.hasPrefix("zonehub_pop_up_bookings{") }
        #expect(statuses.count == 7)
    }
}

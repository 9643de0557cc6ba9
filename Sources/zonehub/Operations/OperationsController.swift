import Community
import Foundation
import Hummingbird

/// What load balancers and monitoring read: `/healthz` (the process answers), `/readyz` (it can serve: the
/// database reads and the zones are loaded) and `/metrics` (Prometheus).
struct OperationsController {
    let zones: ZoneService
    let statistics: any StatisticsStore
    let feedCache: FeedCache
    let clock: any HubClock
    let metrics: HubMetrics

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/healthz") { _, _ in "ok" }
        router.get("/readyz", use: ready)
        router.get("/metrics", use: scrape)
    }

    func ready(_ request: Request, context: HubRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let problem: String?
        do {
            problem = try await zones.active().isEmpty ? "no zone is loaded" : nil
        } catch {
            problem = "the database does not answer"
        }
        guard let problem else {
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
        }
        return Response(
            status: .serviceUnavailable, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: "not ready: \(problem)\n")))
    }

    func scrape(_ request: Request, context: HubRequestContext) async throws -> Response {
        let statistics = try await statistics.statistics(at: clock.now())
        let text = metrics.exposition(of: statistics, feedsCached: feedCache.count)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

import Foundation
import Hummingbird

/// Records every request in `RequestMetrics` and in the request log once its response is ready (the hub's bodies are
/// buffers, written at once); outermost, so it sees the status the error middleware chose.
///
/// Not Hummingbird's `MetricsMiddleware`: its series are `hb.requests` and `http.server.request.duration`, labelled
/// `http.route`, `http.request.method` and `http.response.status_code` (latencies by method and status too), and made
/// through `MetricsSystem`'s factory; the hub's dashboards read the names and labels `RequestMetrics` writes.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        metrics.started()
        do {
            let response = try await next(request, context)
            finished(request, context: context, status: Int(response.status.code), since: started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
            finished(request, context: context, status: status, since: started)
            throw error
        }
    }

    private func finished(_ request: Request, context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        // Unknown paths share one series, whatever was asked.
        let route = context.endpointPath ?? "unmatched"
        metrics.finished(route: route, method: request.method.rawValue, status: status, duration: elapsed)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        // The path without its query, which carries the subscription tokens; the request id is in the metadata.
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "route": .string(route), "status": .stringConvertible(status),
                "ms": .stringConvertible((seconds * 10_000).rounded() / 10),
            ])
    }
}

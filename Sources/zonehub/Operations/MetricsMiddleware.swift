import Foundation
import Hummingbird

/// Records every request in `RequestMetrics` and in the request log once its response is ready (the hub's bodies are
/// buffers, written at once); outermost, so it sees the status the error middleware chose.
struct MetricsMiddleware: RouterMiddleware {
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
        let seconds = Self.seconds(since: started)
        // Unknown paths share one series, whatever was asked.
        let route = context.endpointPath ?? "unmatched"
        metrics.finished(route: route, method: request.method.rawValue, status: status, seconds: seconds)
        // The path without its query, which carries the subscription tokens; the request id is in the metadata.
        context.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                "route": .string(route), "status": .stringConvertible(status),
                "ms": .stringConvertible((seconds * 10_000).rounded() / 10),
            ])
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

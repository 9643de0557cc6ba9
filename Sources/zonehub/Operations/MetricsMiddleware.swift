import Foundation
import Hummingbird

/// Records every request in `RequestMetrics` once its response is ready (the hub's bodies are buffers, written at
/// once); outermost, so it sees the status the error middleware chose.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let metrics: RequestMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let started = ContinuousClock.now
        metrics.started()
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            // Unknown paths share one series, whatever was asked.
            metrics.finished(
                route: context.endpointPath ?? "unmatched", method: method, status: Int(response.status.code),
                seconds: Self.seconds(since: started))
            return response
        } catch {
            let status = (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500
            metrics.finished(
                route: context.endpointPath ?? "unmatched", method: method, status: status,
                seconds: Self.seconds(since: started))
            throw error
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

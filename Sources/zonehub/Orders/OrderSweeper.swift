import Community
import Logging
import Orders
import ServiceLifecycle

/// Expires the order requests nobody answered (or no guest confirmed) in time and mails each resident, every
/// minute while the server runs.
struct OrderSweeper: Service {
    let orders: OrderService
    let mailer: OrderMailer
    let logger: Logger
    var interval: Duration = .seconds(60)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await sweep()
                } catch is CancellationError {
                    break  // shutting down
                } catch {
                    logger.error("order sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One round: expires what is overdue and mails each resident; returns how many expired.
    @discardableResult
    func sweep() async throws -> Int {
        let expired = try await orders.expireOverdue()
        for request in expired { await mailer.changed(request) }
        if !expired.isEmpty { logger.info("order requests expired", metadata: ["requests": "\(expired.count)"]) }
        return expired.count
    }
}

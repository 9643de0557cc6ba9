import Community
import Logging
import PopUps
import ServiceLifecycle

/// Lapses waitlist offers that ran out and passes their places on, every few seconds while the server runs.
struct PopUpSweeper: Service {
    let bookings: BookingService
    let logger: Logger
    var interval: Duration = .seconds(30)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let offered = try await bookings.advance()
                    if offered > 0 { logger.info("pop-up places offered", metadata: ["offers": "\(offered)"]) }
                } catch is CancellationError {
                    break  // shutting down
                } catch {
                    logger.error("pop-up sweep failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

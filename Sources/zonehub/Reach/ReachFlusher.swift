import Community
import Foundation
import Logging
import ServiceLifecycle

/// While the server runs: stores the counted reach every few seconds and once more at shutdown, and queues the
/// previous month's reports once they are due.
struct ReachFlusher: Service {
    let counter: ReachCounter
    let store: any ReachStore
    let reports: ReachReports
    let clock: any HubClock
    let logger: Logger
    var interval: Duration = .seconds(5)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            var reported: String?
            while !Task.isCancelled {
                await flush()
                reported = await report(after: reported)
                try? await Task.sleep(for: interval)
            }
        }
        // The counts of the last seconds, taken after the wait was cut short.
        await flush()
    }

    /// Stores what was counted; on failure the counts go back to the counter for the next round.
    func flush() async {
        let tally = counter.take()
        guard !tally.isEmpty else { return }
        do {
            try await store.add(tally)
        } catch {
            counter.restore(tally)
            logger.error("cannot store reach counts", metadata: ["error": "\(error)"])
        }
    }

    /// Queues the previous month's reports when due and not yet done by this process; returns the month done.
    private func report(after reported: String?) async -> String? {
        let now = clock.now()
        guard let month = ReachRules.month(before: ReachRules.month(of: now)), month != reported,
            let due = ReachRules.reportsDue(month: month), now >= due
        else { return reported }
        do {
            let queued = try await reports.run(month: month)
            if queued > 0 {
                logger.info("reach reports queued", metadata: ["month": "\(month)", "count": "\(queued)"])
            }
            return month
        } catch {
            logger.error("reach reports failed", metadata: ["error": "\(error)"])
            return reported
        }
    }
}

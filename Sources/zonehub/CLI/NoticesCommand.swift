import ArgumentParser
import Community
import Feeds
import Foundation
import Logging
import Notices

/// `zonehub notices send`: one run of the notice sweep that `serve` makes every 20 seconds, then delivery of the
/// outbox; for operators who prefer cron. Each run is idempotent: nothing already queued is queued again.
struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices", abstract: "Notices to zone admins, organisers, applicants and operators.",
        subcommands: [Send.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue the notices, reminders, escalations and daily summaries due now, and deliver them.")

        @Option(help: "Run as if it were this moment (ISO 8601, e.g. 2026-03-16T09:00:00Z), for reminders' tests.")
        var now: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let settings = try Settings(database: database)
                var clock: any HubClock = SystemClock()
                if let now {
                    guard let date = ISO8601DateFormatter().date(from: now) else {
                        throw CLIError("--now: '\(now.prefix(40))' is not an ISO 8601 moment like 2026-03-16T09:00:00Z")
                    }
                    clock = StoppedClock(date: date)
                }
                let hub = try await Hub.open(settings, clock: clock)
                let queued = try await hub.notices.sweep()
                var logger = Logger(label: "zonehub.mail")
                logger.logLevel = .error
                let delivered = try await hub.outboxSender(logger: logger).drain()
                print(
                    "queued: \(queued.immediate) notices, \(queued.daily) daily summaries; delivered to "
                        + "\(hub.mailTransport.destination): \(delivered.sent) sent, \(delivered.deferred) deferred, "
                        + "\(delivered.failed) refused")
            }
        }
    }
}

/// A clock stopped at one moment, for `notices send --now`.
struct StoppedClock: HubClock {
    let date: Date

    func now() -> Date { date }
}

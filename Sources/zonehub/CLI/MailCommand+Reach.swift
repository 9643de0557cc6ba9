import ArgumentParser
import Foundation

extension MailCommand {
    /// `zonehub mail reach [--month YYYY-MM]`: queues the monthly reach reports, for operators who prefer cron.
    struct Reach: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue the monthly reach report (\"Votre visibilité ce mois-ci\") of every merchant.",
            discussion: """
                Each merchant with reach that month, whose listing is visible and whose account was not deleted, \
                gets one report per month: running it again, or beside `serve` (which queues them on the 1st at \
                06:00, Paris time), queues nothing twice. `serve` or `zonehub digest send` then deliver them.
                """)
        @Option(help: "The month to report, YYYY-MM (default: the previous month, Paris time).") var month: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                guard let month = month ?? ReachRules.month(before: ReachRules.month(of: hub.clock.now())) else {
                    throw CLIError("no previous month")
                }
                let queued = try await hub.reachReports.run(month: month)
                print("reach reports for \(month): \(queued) queued")
            }
        }
    }
}

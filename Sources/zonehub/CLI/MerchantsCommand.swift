import ArgumentParser
import Community
import Foundation

/// `zonehub merchants import|remind`: bring a zone admin's spreadsheet in, and ask merchants to confirm listings.
struct MerchantsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merchants", abstract: "Import merchants and keep their listings current.",
        subcommands: [Import.self, Remind.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import merchants from a CSV file (all rows or none).",
            discussion: """
                The first line names the columns: name, categories, commune, postcode (required), description, \
                address, phone, email, website, links, openingHours, siret. Separator , or ; (UTF-8). Several \
                categories or links are separated by |.
                """)
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "Zone slug.") var zone: String
        @Flag(help: "Check every row and report, without importing.") var dryRun = false
        @OptionGroup var moderator: ModerationCommand.Moderator
        @OptionGroup var database: DatabaseOption

        /// Spreadsheets of a zone's merchants are a few hundred kilobytes; anything much larger is a mistake.
        static let maxBytes = 20 * 1024 * 1024

        func run() async throws {
            try await run {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw CLIError("cannot read \(file): \((error as NSError).localizedDescription)")
                }
                guard data.count <= Self.maxBytes else { throw CLIError("\(file) is larger than 20 MB") }
                let hub = try await Hub.open(try Settings(database: database))
                let actor = try await moderator.user(in: hub)
                let progress = ProgressLine()
                let report = try await hub.merchantImporter.run(data, zoneSlug: zone, by: actor, dryRun: dryRun) {
                    progress.bar(done: $0, total: $1, label: "rows")
                }
                progress.finish()
                for error in report.errors {
                    FileHandle.standardError.write(Data("\(file):\(error.line): \(error.message)\n".utf8))
                }
                guard report.errors.isEmpty else {
                    let lines = Set(report.errors.map(\.line)).count
                    throw CLIError("\(lines) of \(report.rows) rows have errors: nothing was imported")
                }
                if dryRun {
                    print("dry run: all \(report.rows) rows are valid; nothing was imported")
                } else {
                    print("imported \(report.imported.count) merchants into \(zone)")
                }
            }
        }
    }

    struct Remind: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Queue reminders for listings not confirmed within ZONEHUB_CONFIRM_AFTER_DAYS.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                print("queued \(try await hub.listingReminders.run()) reminders")
            }
        }
    }
}

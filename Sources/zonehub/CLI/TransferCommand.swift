import ArgumentParser
import Community
import Foundation
import Storage

/// `zonehub export FILE`: every table of the hub into one file, to move the hub to another database.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every table of the hub to a file that `zonehub import` loads into another database.",
        discussion: """
            The rows are read in one transaction, so the file is one consistent state of the hub, even while it \
            serves. To move from SQLite to PostgreSQL: zonehub export --db data/zonehub.sqlite hub.export, then \
            zonehub import --db postgres://… hub.export.
            """)

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The file to write (replaced only once it is whole).") var output: String

    func run() async throws {
        try await run {
            let settings = try Settings(database: database)
            let started = Date()
            let database = try await HubDatabase.opened(settings)
            let report = try await HubTransfer.export(database, to: URL(fileURLWithPath: output))
            print(
                "exported \(report.rows) rows of \(report.tables.count) tables from \(report.engine) to \(output) in "
                    + String(format: "%.1f s", Date().timeIntervalSince(started)))
        }
    }
}

/// `zonehub import FILE`: loads an export into a new hub and checks it before committing.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load a file made by `zonehub export` into a new, empty hub, and check it.",
        discussion: """
            The database is created and migrated if needed and must hold no data of its own. Everything is loaded \
            in one transaction, which commits only if every table reads back with the file's rows (counts and \
            checksums); otherwise nothing is written. The hub's link key comes with the file, so the links already \
            sent in mails (unsubscription, calendars) keep working.
            """)

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The export file.") var input: String

    func run() async throws {
        try await run {
            let settings = try Settings(database: database)
            let started = Date()
            let database = try await HubDatabase.opened(settings)
            let report = try await HubTransfer.importing(URL(fileURLWithPath: input), into: database)
            print(
                "imported \(report.rows) rows of \(report.tables.count) tables into \(database.engineName) "
                    + "(\(settings.databaseName)); every table verified in "
                    + String(format: "%.1f s", Date().timeIntervalSince(started)))
        }
    }
}

extension HubDatabase {
    /// The database `settings` name, opened and migrated, with an operator's message when it cannot be.
    static func opened(_ settings: Settings) async throws -> HubDatabase {
        do {
            return try await HubDatabase.open(address: settings.databaseURL, path: settings.databasePath)
        } catch let error as any CategorizedError {
            throw CLIError("cannot open the database at \(settings.databaseName): \(error.message)")
        } catch {
            throw CLIError("cannot open the database at \(settings.databaseName): \(error)")
        }
    }
}

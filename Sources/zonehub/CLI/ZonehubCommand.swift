import ArgumentParser
import Community
import Foundation
import Storage

/// The `zonehub` command line: serve the hub, and the operator's tools.
@main
struct ZonehubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zonehub",
        abstract: "A self-hostable community hub for local merchants.",
        discussion: "Settings come from flags, then environment variables, then the configuration file, then "
            + "defaults. The file is named by --config or ZONEHUB_CONFIG, else read from /etc/zonehub/zonehub.toml "
            + "when it exists; it holds each setting under its name without ZONEHUB_, in lower case (public_url = "
            + "\"https://...\"); `zonehub config example` prints it with every setting.\n"
            + Settings.keys.map { "  \($0.name)  \($0.meaning) (default: \($0.fallback))" }.joined(separator: "\n"),
        version: Version.line,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, ZonesCommand.self, UsersCommand.self, ModerationCommand.self,
            DemoCommand.self, DigestCommand.self, MailCommand.self, NoticesCommand.self, PopUpCommand.self,
            MerchantsCommand.self,
            BackupCommand.self, RestoreCommand.self, CheckCommand.self, ExportCommand.self, ImportCommand.self,
            ConfigCommand.self, VersionCommand.self,
        ])

    /// Runs a subcommand body, turning failures into `error: <message>` and a non-zero exit.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CLIError {
            throw CLIFailure(message: error.description)
        } catch let error as any CategorizedError {
            throw CLIFailure(message: error.message)
        } catch let error as ZoneCatalogError {
            throw CLIFailure(message: error.description)
        }
    }
}

/// Printed by ArgumentParser as `Error: ...` would be; we print `error: <message>` ourselves and exit 1.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Where the database and the configuration file are, for every command that touches the database.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help:
            "SQLite database file (ZONEHUB_DB; default ./data/zonehub.sqlite), or a postgres:// address (ZONEHUB_DATABASE_URL)."
    )
    var path: String?

    @Option(
        name: .customLong("config"),
        help: "Configuration file (ZONEHUB_CONFIG; default /etc/zonehub/zonehub.toml when it exists).")
    var config: String?
}

extension AsyncParsableCommand {
    /// Prints `error: <message>` to standard error and exits 1, for failures the user must act on.
    func run(reporting body: () async throws -> Void) async throws {
        do {
            try await ZonehubCommand.reporting(body)
        } catch let failure as CLIFailure {
            FileHandle.standardError.write(Data("error: \(failure.message)\n".utf8))
            throw ExitCode.failure
        }
    }
}

import ArgumentParser
import Community
import Foundation
import Storage

/// `zonehub backup OUT`: a consistent copy of the database, taken while the hub serves.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a file, consistently, even while the hub serves.",
        discussion: "The copy is checked before it replaces OUT: OUT is the previous file or a whole, sound backup.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: "Where to write the backup (a single SQLite file).") var output: String

    func run() async throws {
        try await run {
            let settings = try Settings(database: database)
            try settings.refusePostgres("backup")
            let source = settings.databasePath
            let started = Date()
            let report = try DatabaseFile.operation { try DatabaseFile.backup(source, to: output) }
            let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            print(
                "backed up \(source) to \(output): \(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file)), "
                    + "\(report.applied.count) migrations, integrity ok, in "
                    + String(format: "%.1f s", Date().timeIntervalSince(started)))
        }
    }
}

/// `zonehub restore BACKUP`: puts a backup in place of the database (stop the server first).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup made by `zonehub backup`.",
        discussion: """
            Stop `zonehub serve` first. The backup is checked before anything is written, and it replaces the \
            database in one transaction. A backup from an older zonehub is migrated by the next `serve` or `migrate`.
            """)

    @OptionGroup var database: DatabaseOption
    @Argument(help: "The backup file.") var backup: String

    func run() async throws {
        try await run {
            let settings = try Settings(database: database)
            try settings.refusePostgres("restore")
            let target = settings.databasePath
            let report = try DatabaseFile.operation { try DatabaseFile.restore(backup, to: target) }
            let pending =
                report.pending.isEmpty ? "" : "; `zonehub migrate` will apply \(report.pending.joined(separator: ", "))"
            print("restored \(target) from \(backup): \(report.applied.count) migrations\(pending)")
        }
    }
}

extension DatabaseFile {
    /// Runs a file operation, its failures reported as the CLI reports errors.
    static func operation<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as DatabaseFile.Failure {
            throw CLIError(failure.description)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

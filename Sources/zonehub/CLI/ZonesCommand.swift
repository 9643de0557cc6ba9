import ArgumentParser
import Community
import Foundation

/// `zonehub zones validate|sync`.
struct ZonesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones", abstract: "Check zone files and load them into the database.",
        subcommands: [Validate.self, Sync.self])

    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every zone file; print each problem as `file: field: message`.")

        @Argument(help: "Directory of zone files (default ./zones).") var directory: String?

        func run() async throws {
            let path = try directory ?? Settings.withoutFlags().zonesDirectory
            do {
                let catalog = try ZoneCatalog.load(directory: URL(fileURLWithPath: path))
                print("\(catalog.definitions.count) zone file(s) valid in \(path)")
            } catch {
                if case .invalid(let problems) = error {
                    for problem in problems { print(problem) }
                    FileHandle.standardError.write(Data("error: \(problems.count) problem(s) in \(path)\n".utf8))
                } else {
                    FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                }
                throw ExitCode.failure
            }
        }
    }

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reconcile the database with the zone files: add, update, retire (posts are kept).")

        @Argument(help: "Directory of zone files (default ./zones).") var directory: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let settings = try Settings(database: database, zones: directory)
                let hub = try await Hub.open(settings)
                let report = try await hub.syncZones(from: settings.zonesDirectory)
                for (label, slugs) in [
                    ("added", report.added), ("updated", report.updated), ("retired", report.retired),
                    ("unchanged", report.unchanged),
                ] where !slugs.isEmpty {
                    print("\(label): \(slugs.joined(separator: ", "))")
                }
            }
        }
    }
}

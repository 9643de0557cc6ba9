import ArgumentParser
import Community
import Feeds
import Foundation
import Moderation
import Storage

/// `zonehub check`: what an operator looks at before and after an upgrade, a restore or a move.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check the configuration file, the database, its migrations, the settings, the zone files, the legal "
            + "pages and SMTP.",
        discussion: "Prints one line per check and exits 1 when one fails. Changes nothing.")

    @OptionGroup var database: DatabaseOption
    @Option(help: "Directory of zone files (ZONEHUB_ZONES_DIR; default ./zones).") var zones: String?

    func run() async throws {
        try await run {
            let (file, settings) = try Self.settings(database, zones: zones)
            var checks: [Check] = [
                file,
                settings.databaseURL == nil
                    ? Self.database(settings.databasePath) : await Self.postgres(settings.databaseURL!, settings)
            ]
            checks.append(.pass("configuration", "public URL \(settings.publicURL), mail from \(settings.mailFrom)"))
            checks.append(.pass("identity", settings.identitySummary))
            checks.append(Self.zoneFiles(settings.zonesDirectory))
            checks.append(Self.legalPages(settings))
            checks.append(Self.smtp(settings))
            for check in checks { print(check.line) }
            let failed = checks.filter { !$0.passed }.count
            guard failed == 0 else { throw CLIError("\(failed) of \(checks.count) checks failed") }
            print("all \(checks.count) checks passed")
        }
    }

    static func database(_ path: String) -> Check {
        let report: DatabaseFile.Report
        do {
            report = try DatabaseFile.inspect(path)
        } catch {
            return .fail("database", "\(error)")
        }
        guard report.isSound else { return .fail("database", "\(path) is damaged: \(report.problems)") }
        return migrations(
            of: path, facts: "integrity ok", applied: report.applied, pending: report.pending, unknown: report.unknown)
    }

    /// The database line from its migrations: a failure when it has some this zonehub does not know.
    static func migrations(of name: String, facts: String, applied: [String], pending: [String], unknown: [String])
        -> Check
    {
        guard unknown.isEmpty else {
            return .fail(
                "database", "\(name) has migrations this zonehub does not know: \(unknown.joined(separator: ", "))")
        }
        let waiting =
            pending.isEmpty ? "none pending" : "pending: \(pending.joined(separator: ", ")) (run `zonehub migrate`)"
        return .pass("database", "\(name): \(facts), \(applied.count) migrations applied, \(waiting)")
    }

    /// Connects without migrating, and compares the migrations applied with those this zonehub knows.
    static func postgres(_ address: String, _ settings: Settings) async -> Check {
        do {
            let report = try await PostgresDatabase.inspect(address: address)
            return migrations(
                of: settings.databaseName, facts: "PostgreSQL \(report.serverVersion)", applied: report.applied,
                pending: report.pending, unknown: report.unknown)
        } catch let error as any CategorizedError {
            return .fail("database", error.message)
        } catch {
            return .fail("database", "\(error)")
        }
    }

    static func zoneFiles(_ directory: String) -> Check {
        do {
            let catalog = try ZoneCatalog.load(directory: URL(fileURLWithPath: directory))
            return .pass("zones", "\(catalog.definitions.count) zone file(s) valid in \(directory)")
        } catch {
            return .fail("zones", error.description)
        }
    }

    /// The legal pages: a warning, not a failure, while one is not published (an unreadable file stops `Settings`).
    static func legalPages(_ settings: Settings) -> Check {
        let warnings = settings.legalWarnings
        guard warnings.isEmpty else { return .warn("legal pages", warnings.joined(separator: "; ")) }
        return .pass("legal pages", "/mentions-legales and /confidentialite published")
    }

    static func smtp(_ settings: Settings) -> Check {
        guard let smtp = settings.smtp else {
            return .pass("smtp", "no SMTP server set: mail is written to \(settings.mailDirectory)")
        }
        if let problem = SMTPTransport(settings: smtp).probe() {
            return .fail("smtp", "\(smtp.url) did not answer: \(problem)")
        }
        return .pass("smtp", "\(smtp.url) answered (EHLO \(smtp.heloName)\(smtp.username == nil ? "" : ", logged in"))")
    }

    /// One line of the report.
    struct Check {
        let passed: Bool
        let name: String
        let detail: String
        /// Passed, but with something the operator should do.
        var warned = false

        static func pass(_ name: String, _ detail: String) -> Check { Check(passed: true, name: name, detail: detail) }
        static func fail(_ name: String, _ detail: String) -> Check { Check(passed: false, name: name, detail: detail) }
        static func warn(_ name: String, _ detail: String) -> Check {
            Check(passed: true, name: name, detail: detail, warned: true)
        }

        var line: String { "\(passed ? (warned ? "warn" : "ok  ") : "FAIL") \(name): \(detail)" }
    }
}

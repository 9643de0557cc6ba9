import Foundation
import GRDB

/// A hub's SQLite file seen from outside the server: checked, copied consistently while the hub serves, and
/// restored. Nothing here migrates or otherwise changes the file it reads.
package enum DatabaseFile {
    /// What `inspect` finds in a database file.
    package struct Report: Sendable, Equatable {
        /// SQLite's integrity check: `["ok"]` when sound.
        package var integrity: [String]
        /// Rows whose foreign key points nowhere, as `table(rowid) -> parent`.
        package var foreignKeyViolations: [String]
        package var applied: [String]
        /// Migrations this build knows that the file lacks (`serve` and `migrate` apply them).
        package var pending: [String]
        /// Migrations in the file that this build does not know: a newer zonehub wrote it.
        package var unknown: [String]

        package var isSound: Bool { integrity == ["ok"] && foreignKeyViolations.isEmpty }
    }

    /// Reads `path` without changing it; fails with a clear message when it is missing or not a database.
    package static func inspect(_ path: String) throws -> Report {
        let queue = try open(path, readonly: true)
        return try queue.read { db in
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            let known = SQLiteDatabase.migrator.migrations
            let violations = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                "\(row[0] as String? ?? "?")(\(row[1] as Int64? ?? 0)) -> \(row[2] as String? ?? "?")"
            }
            return Report(
                integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                foreignKeyViolations: violations, applied: applied, pending: known.filter { !applied.contains($0) },
                unknown: applied.filter { !known.contains($0) })
        }
    }

    /// Copies the database at `source` to `destination` as one consistent snapshot, even while a server writes to
    /// it (a WAL reader does not block the writer). The copy is checked, then renamed into place: `destination`
    /// is either the previous file or a complete, sound backup, never half of one.
    package static func backup(_ source: String, to destination: String) throws -> Report {
        let from = try open(source, readonly: true)
        let partial = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        defer { removeFile(partial) }
        do {
            let copy = try DatabaseQueue(path: partial)
            try from.backup(to: copy)
            // One self-contained file: a backup needs no -wal beside it.
            try copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
        }
        let report = try inspect(partial)
        guard report.isSound else { throw Failure("the copy failed its integrity check: \(report.problems)") }
        guard rename(partial, destination) == 0 else {
            throw Failure("cannot write \(destination): \(String(cString: strerror(errno)))")
        }
        return report
    }

    /// Replaces the database at `destination` with the backup at `source`, in one transaction: readers see the
    /// old hub or the restored one. A backup written by a newer zonehub, or one that is not sound, is refused.
    package static func restore(_ source: String, to destination: String) throws -> Report {
        let report = try inspect(source)
        guard report.isSound else { throw Failure("\(source) is damaged: \(report.problems)") }
        guard report.unknown.isEmpty else {
            throw Failure(
                "\(source) was written by a newer zonehub (migrations \(report.unknown.joined(separator: ", ")))")
        }
        let from = try open(source, readonly: true)
        let directory = URL(fileURLWithPath: destination).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let target = try DatabaseQueue(path: destination, configuration: configuration)
        try from.backup(to: target)
        try target.close()
        return report
    }

    private static func open(_ path: String, readonly: Bool) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else { throw Failure("no database at \(path)") }
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(10)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            // Opening is lazy about the header: read something to know it is a hub's database.
            let isHub = try queue.read { db in try db.tableExists("grdb_migrations") && db.tableExists("zone") }
            guard isHub else { throw Failure("\(path) is not a zonehub database") }
            return queue
        } catch let error as DatabaseError {
            throw Failure("\(path) is not a readable SQLite database (\(error.message ?? "\(error.resultCode)"))")
        }
    }

    private static func removeFile(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Why a file could not be inspected, copied or restored; the message is for the operator.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
        init(_ description: String) { self.description = description }
    }
}

extension DatabaseFile.Report {
    /// The problems found, in one line.
    package var problems: String {
        let integrityProblems = integrity == ["ok"] ? [] : Array(integrity.prefix(5))
        return (integrityProblems + foreignKeyViolations.prefix(5).map { "foreign key \($0)" }).joined(separator: "; ")
    }
}

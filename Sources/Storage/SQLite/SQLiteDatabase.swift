import Foundation
import GRDB
import Logging

/// The hub's SQLite database: one writer, a bounded pool of readers, migrations applied on open.
package final class SQLiteDatabase: Sendable {
    let writer: any DatabaseWriter
    let readGate: AsyncGate

    /// Opens (creating if needed) the database file at `path` and migrates it.
    package convenience init(path: String, readers: Int = 4) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Self.configuration()
        configuration.maximumReaderCount = readers
        try self.init(writer: DatabasePool(path: path, configuration: configuration), readers: readers)
    }

    /// A private in-memory database, for tests.
    package static func inMemory() throws -> SQLiteDatabase {
        try SQLiteDatabase(writer: DatabaseQueue(configuration: configuration()), readers: 1)
    }

    private init(writer: any DatabaseWriter, readers: Int) throws {
        self.writer = writer
        self.readGate = AsyncGate(permits: readers)
        try Self.migrator.migrate(writer)
    }

    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process writing the same file (a second `serve`, a CLI verb) is waited for as `DatabaseFile` waits:
        // on a loaded machine 5 s was seen to run out while two processes took turns.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL survives a crash of the process (kill -9); only a power cut may lose the
            // last commits, and never corrupts the file.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: foldFunction())
        }
        return configuration
    }

    /// Runs a read-only block on GRDB's own connection, through the read gate (the stores use `read`, the same on
    /// both engines; this is for what only SQLite has: backups, integrity checks, schema dumps).
    package func readGRDB<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await readGate.run { try await self.writer.read(body) }
    }

    /// Runs `body` in one GRDB write transaction: all of it is stored, or none of it.
    package func writeGRDB<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await writer.write(body)
    }

    /// The schema as SQL, in a stable order: compared with a golden file so every change shows in review.
    package func schemaDump() async throws -> String {
        try await readGRDB { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql || ';' FROM sqlite_master
                    WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    ORDER BY type DESC, name
                    """
            ).joined(separator: "\n") + "\n"
        }
    }

    /// The names of the migrations applied, in order.
    package func appliedMigrations() async throws -> [String] {
        try await readGRDB { db in try Self.migrator.appliedMigrations(db) }
    }

    /// A random key created with the database (for signing links), the same for every process that opens it.
    package func secret(named name: String) throws -> Data {
        try writer.read { db in
            guard
                let value = try Data.fetchOne(db, sql: "SELECT value FROM hubSecret WHERE name = ?", arguments: [name])
            else { throw StorageError.secretMissing(name) }
            return value
        }
    }

    /// Runs SQLite's own integrity check; returns its report ("ok" when sound).
    package func integrityCheck() async throws -> [String] {
        try await readGRDB { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}

/// `zonehub_fold(text)`: `String.folded`, for the stores' `folded` hook (SQLite's lower() knows only ASCII letters).
/// Registered on each connection, never used by the schema, so the file stays readable by any SQLite.
private func foldFunction() -> DatabaseFunction {
    DatabaseFunction("zonehub_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(\.folded)
    }
}

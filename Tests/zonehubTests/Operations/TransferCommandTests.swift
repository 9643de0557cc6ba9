import Foundation
import GRDB
import Testing

@testable import zonehub

/// `zonehub export` and `import`, run as the operator runs them.
@Suite struct TransferCommandTests {
    let directory: URL
    let database: String

    init() async throws {
        (directory, database) = try await Binary.hubWithZones()
        let added = try await Binary.running([
            "users", "add", "--email", "ana@example.org", "--role", "resident", "--db", database,
        ])
        #expect(added.status == 0)
    }

    @Test func anExportLoadsIntoANewHubOnceAndIsVerified() async throws {
        let file = directory.appendingPathComponent("hub.export").path
        let exported = try await Binary.running(["export", "--db", database, file])
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(exported.output.contains("of 50 tables from SQLite to \(file)"))
        let target = directory.appendingPathComponent("moved.sqlite").path
        let imported = try await Binary.running(["import", "--db", target, file])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(imported.output.contains("every table verified"))
        #expect(
            try await DatabaseQueue(path: target).read { db in try String.fetchAll(db, sql: "SELECT email FROM user") }
                == ["ana@example.org"])
        let again = try await Binary.running(["import", "--db", target, file])
        #expect(again.status == 1)
        #expect(again.errors.hasPrefix("error: the target already holds data (zone, commune, user"))
    }

    @Test func whatIsNotAnExportIsRefusedWithAMessage() async throws {
        let other = directory.appendingPathComponent("notes.txt")
        try "bonjour\n".write(to: other, atomically: true, encoding: .utf8)
        let target = directory.appendingPathComponent("moved.sqlite").path
        let refused = try await Binary.running(["import", "--db", target, other.path])
        #expect(refused.status == 1)
        #expect(refused.errors == "error: export: notes.txt is not a whole zonehub export\n")
        let missing = try await Binary.running([
            "import", "--db", target, directory.appendingPathComponent("none").path,
        ])
        #expect(missing.errors.hasPrefix("error: export: cannot read "))
        let backup = try await Binary.running(["backup", "--db", "postgres://hub@localhost/zonehub", "copy.sqlite"])
        #expect(backup.errors.hasPrefix("error: backup copies a SQLite file; on PostgreSQL use pg_dump"))
    }
}

import Foundation
import GRDB
import Testing

@testable import zonehub

/// `zonehub backup`, `restore` and `check`, run as the operator runs them, on real SQLite files.
@Suite(.serialized) struct BackupCommandTests {
    let directory: URL
    let database: String

    init() async throws {
        (directory, database) = try await Binary.hubWithZones()
    }

    func users(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT email FROM user ORDER BY email")
        }
    }

    func addUser(_ email: String) async throws {
        let added = try await Binary.running(["users", "add", "--email", email, "--role", "resident", "--db", database])
        #expect(added.status == 0, "\(added.errors)")
    }

    @Test func aBackupIsOneSoundFileAndRestoringItBringsTheHubBack() async throws {
        try await addUser("avant@example.org")
        let backup = directory.appendingPathComponent("backups/latest.sqlite").path
        try FileManager.default.createDirectory(
            atPath: directory.appendingPathComponent("backups").path, withIntermediateDirectories: true)
        let made = try await Binary.running(["backup", "--db", database, backup])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("backed up \(database) to \(backup)"))
        #expect(made.output.contains("18 migrations, integrity ok"))
        let files = try FileManager.default.contentsOfDirectory(
            atPath: directory.appendingPathComponent("backups").path)
        #expect(files == ["latest.sqlite"])
        #expect(try users(backup) == ["avant@example.org"])

        try await addUser("apres@example.org")
        let restored = try await Binary.running(["restore", "--db", database, backup])
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.contains("restored \(database) from \(backup): 18 migrations"))
        #expect(try users(database) == ["avant@example.org"])
        let checked = try await Binary.running(["check", "--db", database, "--zones", TestApp.zonesDirectory])
        #expect(checked.output.contains("ok   database: \(database): integrity ok, 18 migrations applied, none pending"))
    }

    @Test func aMissingOrForeignFileIsRefusedAndNothingIsWritten() async throws {
        let missing = try await Binary.running([
            "backup", "--db", directory.appendingPathComponent("nope.sqlite").path, "out",
        ])
        #expect(missing.status == 1)
        #expect(missing.errors.hasPrefix("error: no database at "))
        let garbage = directory.appendingPathComponent("garbage.sqlite").path
        try Data("not a database at all, only text".utf8).write(to: URL(fileURLWithPath: garbage))
        let out = directory.appendingPathComponent("out.sqlite").path
        let refused = try await Binary.running(["backup", "--db", garbage, out])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("is not a readable SQLite database"))
        #expect(!FileManager.default.fileExists(atPath: out))

        try await addUser("reste@example.org")
        let restoring = try await Binary.running(["restore", "--db", database, garbage])
        #expect(restoring.status == 1 && restoring.errors.hasPrefix("error: "))
        let other = directory.appendingPathComponent("other.sqlite").path
        try await DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE t (x)") }
        let foreign = try await Binary.running(["restore", "--db", database, other])
        #expect(foreign.errors == "error: \(other) is not a zonehub database\n")
        #expect(try users(database) == ["reste@example.org"])
    }

    @Test func aBackupFromANewerZonehubIsNotRestored() async throws {
        let backup = directory.appendingPathComponent("newer.sqlite").path
        #expect(try await Binary.running(["backup", "--db", database, backup]).status == 0)
        try await DatabaseQueue(path: backup).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        try await addUser("garde@example.org")
        let refused = try await Binary.running(["restore", "--db", database, backup])
        #expect(refused.errors.contains("was written by a newer zonehub (migrations v99-future)"))
        #expect(try users(database) == ["garde@example.org"])
        let checked = try await Binary.running(["check", "--db", backup, "--zones", TestApp.zonesDirectory])
        #expect(checked.status == 1)
        #expect(
            checked.output.contains("FAIL database: \(backup) has migrations this zonehub does not know: v99-future"))
    }

    @Test func checkReportsEachPartAndFailsOnABrokenZoneFileOrAnUnreachableSMTPServer() async throws {
        let good = try await Binary.running(["check", "--db", database, "--zones", TestApp.zonesDirectory])
        #expect(good.status == 0, "\(good.output)\(good.errors)")
        #expect(good.output.contains("ok   zones: 4 zone file(s) valid"))
        #expect(good.output.contains("ok   smtp: no SMTP server set"))
        #expect(good.output.hasSuffix("all 7 checks passed\n"))

        let zones = try Binary.scratch()
        try "{".write(to: zones.appendingPathComponent("oise.json"), atomically: true, encoding: .utf8)
        let broken = try await Binary.running(["check", "--db", database, "--zones", zones.path])
        #expect(broken.status == 1)
        #expect(broken.output.contains("FAIL zones: oise.json: -: not valid JSON"))
        #expect(broken.errors == "error: 1 of 7 checks failed\n")

        let server = try SMTPServer()
        let reachable = try await Binary.running(
            ["check", "--db", database, "--zones", TestApp.zonesDirectory],
            environment: ["ZONEHUB_SMTP_URL": server.url])
        #expect(reachable.status == 0, "\(reachable.output)")
        #expect(reachable.output.contains("ok   smtp: \(server.url) answered"))
        #expect(try server.messages().isEmpty)
        let closed = try await Binary.running(
            ["check", "--db", database, "--zones", TestApp.zonesDirectory],
            environment: ["ZONEHUB_SMTP_URL": "smtp://127.0.0.1:1"])
        #expect(closed.status == 1)
        #expect(closed.output.contains("FAIL smtp: smtp://127.0.0.1:1 did not answer: "))
    }
}

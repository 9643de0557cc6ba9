import Foundation
import Testing

@testable import zonehub

/// The configuration file through the real binary: `check`, `migrate`, `config example` and `--version`.
@Suite(.serialized) struct ConfigCommandTests {
    /// A fresh directory with `zonehub.toml` holding `text`.
    static func configuration(_ text: String) throws -> (directory: URL, path: String) {
        let directory = try Binary.scratch()
        let path = directory.appendingPathComponent("zonehub.toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (directory, path)
    }

    @Test func checkUsesTheFilesSettingsAndTheEnvironmentOverridesThem() async throws {
        let (directory, database) = try await Binary.hubWithZones()
        let empty = directory.appendingPathComponent("no-zones")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (_, path) = try Self.configuration(
            """
            db = "\(database)"
            zones_dir = "\(TestApp.zonesDirectory)"
            public_url = "https://zones.example.org"
            """)
        let checked = try await Binary.running(["check", "--config", path], environment: ["ZONEHUB_CONFIG": ""])
        #expect(checked.status == 0, "\(checked.output)\(checked.errors)")
        #expect(
            checked.output.contains(
                "ok   configuration file: \(path) (named by --config): 3 setting(s) (db, public_url, zones_dir)\n"))
        #expect(checked.output.contains("ok   database: \(database): integrity ok"))
        #expect(checked.output.contains("4 zone file(s) valid in \(TestApp.zonesDirectory)"))
        #expect(checked.output.contains("public URL https://zones.example.org, mail from zonehub@zones.example.org"))

        let overridden = try await Binary.running(
            ["check"], environment: ["ZONEHUB_CONFIG": path, "ZONEHUB_PUBLIC_URL": "https://autre.example.org"])
        #expect(overridden.output.contains("(named by ZONEHUB_CONFIG): 3 setting(s)"))
        #expect(overridden.output.contains("; the environment overrides ZONEHUB_PUBLIC_URL\n"))
        #expect(overridden.output.contains("public URL https://autre.example.org"))
    }

    @Test func migrateCreatesTheDatabaseTheFileNamesUnlessTheEnvironmentNamesAnother() async throws {
        let directory = try Binary.scratch()
        let fromFilePath = directory.appendingPathComponent("hub-from-file.sqlite").path
        let (_, path) = try Self.configuration("db = \"\(fromFilePath)\"\n")
        let fromFile = try await Binary.running(
            ["migrate", "--config", path], environment: ["ZONEHUB_DB": "", "ZONEHUB_DATABASE_URL": ""])
        #expect(fromFile.status == 0, "\(fromFile.errors)")
        #expect(fromFile.output.hasPrefix("database \(fromFilePath) is at "))
        let other = directory.appendingPathComponent("hub-from-environment.sqlite").path
        let fromEnvironment = try await Binary.running(
            ["migrate", "--config", path], environment: ["ZONEHUB_DB": other])
        #expect(fromEnvironment.output.hasPrefix("database \(other) is at "))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func aRefusedFileStopsEveryCommandWithOneLineNamingItAndNoStackTrace() async throws {
        let (_, path) = try Self.configuration("port = 8080\nsmtp_pasword = \"secret\"\n")
        let served = try await Binary.running(["serve", "--config", path])
        #expect(served.status == 1)
        #expect(
            served.errors == "error: \(path), line 2: smtp_pasword: unknown setting (did you mean 'smtp_password'?)\n")
        let checked = try await Binary.running(["check", "--config", path])
        #expect(checked.status == 1)
        #expect(
            checked.output == "FAIL configuration file: \(path), line 2: smtp_pasword: unknown setting "
                + "(did you mean 'smtp_password'?)\n")
        #expect(checked.errors == "error: the configuration file \(path) is refused\n")

        let (_, badValue) = try Self.configuration("\nconfirm_after_days = 3\n")
        let refused = try await Binary.running(["check", "--config", badValue])
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
        #expect(
            refused.errors == "error: \(badValue), line 2: confirm_after_days: '3' is not a number from 7 to 730\n")
        let (_, malformed) = try Self.configuration("port = \n")
        let broken = try await Binary.running(["migrate", "--config", malformed])
        #expect(broken.status == 1)
        #expect(broken.errors.hasPrefix("error: \(malformed), line 1: not valid TOML ("))
        let missing = try await Binary.running(["migrate"], environment: ["ZONEHUB_CONFIG": malformed + ".absent"])
        #expect(missing.errors == "error: \(malformed).absent: no such file\n")
    }

    @Test func theExamplePrintedIsTheCommittedOneAndTheVersionNamesTheSchema() async throws {
        let printed = try await Binary.running(["config", "example", "--packaged"])
        let committed = try String(
            contentsOf: TestApp.repository.appendingPathComponent("docs/zonehub.example.toml"), encoding: .utf8)
        #expect(
            printed.output == committed, "refresh it: zonehub config example --packaged > docs/zonehub.example.toml")
        let plain = try await Binary.running(["config", "example"])
        #expect(plain.output.contains("\n#db = \"./data/zonehub.sqlite\"\n"))
        let version = try await Binary.running(["--version"])
        #expect(version.output == Version.line + "\n")
        #expect(try await Binary.running(["version"]).output == version.output)
    }
}

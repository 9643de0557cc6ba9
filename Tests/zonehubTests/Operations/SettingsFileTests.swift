import Foundation
import Testing

@testable import zonehub

/// The configuration file, read from real files in a temporary directory.
@Suite struct SettingsFileTests {
    /// Writes `text` as a file in a fresh directory and returns its path.
    static func file(_ text: String, named name: String = "zonehub.toml", mode: Int = 0o640) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    static func load(_ text: String) throws -> SettingsFile {
        try SettingsFile.load(try file(text), origin: .flag)
    }

    /// The failure `text` gives, as the command line prints it.
    static func refusal(_ text: String) throws -> (path: String, message: String) {
        let path = try file(text)
        do {
            _ = try SettingsFile.load(path, origin: .flag)
        } catch {
            return (path, error.description)
        }
        Issue.record("\(text) was accepted")
        return (path, "")
    }

    @Test func theFileSitsBetweenTheEnvironmentAndTheDefaults() throws {
        let file = try Self.load(
            """
            # a comment
            port = 9100
            public_url = "https://zones.example.org"
            zones_dir = "/etc/zonehub/zones"
            """)
        let fromFile = try Settings(environment: [:], file: file)
        #expect(fromFile.port == 9100 && fromFile.publicURL == "https://zones.example.org")
        #expect(fromFile.zonesDirectory == "/etc/zonehub/zones" && fromFile.host == "127.0.0.1")
        let environment = ["ZONEHUB_PORT": "9200", "ZONEHUB_ZONES_DIR": ""]
        let overridden = try Settings(environment: environment, file: file)
        #expect(overridden.port == 9200, "the environment wins over the file")
        #expect(overridden.zonesDirectory == "/etc/zonehub/zones", "an empty variable is not set, as everywhere")
        let flags = try Settings(port: 9300, zones: "./zones", environment: environment, file: file)
        #expect(flags.port == 9300 && flags.zonesDirectory == "./zones", "flags win over both")
        #expect(try Settings(environment: [:], file: nil).port == 8080)
    }

    @Test func aDatabaseInTheEnvironmentReplacesTheFilesDatabaseOfEitherKind() throws {
        let file = try Self.load("database_url = \"postgres://hub@db.example.org/hub\"\n")
        #expect(try Settings(environment: [:], file: file).databaseURL == "postgres://hub@db.example.org/hub")
        let sqlite = try Settings(environment: ["ZONEHUB_DB": "/srv/hub.sqlite"], file: file)
        #expect(sqlite.databaseURL == nil && sqlite.databasePath == "/srv/hub.sqlite")
    }

    @Test func everySettingOfTheTableCanBeWrittenInTheFile() throws {
        // Every line of the example uncommented: the file then sets every setting, each under its own name.
        let example = SettingsFile.example(packaged: false).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") && $0.contains(" = ") && !$0.hasPrefix("# ") ? $0.dropFirst() : $0 }
            .joined(separator: "\n")
        let file = try Self.load(example)
        #expect(Set(file.entries.keys) == Set(Settings.keys.map(\.name)).subtracting(["ZONEHUB_TEST_DAYS_AHEAD"]))
        for setting in SettingsFile.settings {
            let one = try Self.load("\(SettingsFile.key(for: setting.name)) = \"sentinel\"\n")
            #expect(one.beneath([:])[setting.name] == "sentinel", "\(setting.name)")
        }
        #expect(SettingsFile.key(for: "ZONEHUB_PUBLIC_URL") == "public_url")
    }

    @Test func unknownNamesAreRefusedWithTheirLineAndTheNearestName() throws {
        let typo = try Self.refusal("port = 8080\nsmtp_pasword = \"x\"\n")
        #expect(typo.message == "\(typo.path), line 2: smtp_pasword: unknown setting (did you mean 'smtp_password'?)")
        let word = try Self.refusal("verp = \"no\"\n")
        #expect(word.message == "\(word.path), line 1: verp: unknown setting (did you mean 'bounce_verp'?)")
        let upper = try Self.refusal("PORT = 8080\n")
        #expect(upper.message == "\(upper.path), line 1: PORT: unknown setting (did you mean 'port'?)")
        let section = try Self.refusal("host = \"::1\"\n\n[smtp]\nurl = \"smtp://mail\"\n")
        #expect(
            section.message == "\(section.path), line 3: [smtp]: settings are written at the top level as name = "
                + "value, with no [section] (e.g. smtp_url, smtp_starttls, smtp_user)")
        let several = try Self.refusal("nom = \"x\"\nport = 1\ncolour = \"red\"\n")
        #expect(
            several.message == """
                \(several.path): 2 problems:
                  \(several.path), line 1: nom: unknown setting; `zonehub config example` lists them all
                  \(several.path), line 3: colour: unknown setting; `zonehub config example` lists them all
                """)
        let testOnly = try Self.refusal("test_days_ahead = 3\n")
        #expect(
            testOnly.message.hasSuffix(
                "test_days_ahead: is for tests only and can be set only as "
                    + "ZONEHUB_TEST_DAYS_AHEAD in the environment"))
    }

    @Test func valuesOfTheWrongTypeAreRefused() throws {
        for (value, kind) in [
            ("true", "true (a boolean)"), ("1.5", "1.5 (a decimal number)"), ("[8080]", "a list"),
            ("1979-05-27", "a date or time"), ("{ n = 1 }", "a table"),
        ] {
            let refused = try Self.refusal("# port\n\nport = \(value)\n")
            #expect(
                refused.message == "\(refused.path), line 3: port: \(kind) is not a value for it: write text in "
                    + "quotes (port = \"...\") or a whole number")
        }
        #expect(try Self.load("port = \"8080\"\n").entries["ZONEHUB_PORT"]?.value == "8080")
    }

    @Test func badValuesAreReportedWithTheFileTheLineAndTheNameInTheFile() throws {
        let file = try Self.load("host = \"::1\"\n\nport = \"http\"\n")
        let refused = #expect(throws: CLIError.self) { try Settings(environment: [:], file: file) }
        #expect(refused?.description == "\(file.path), line 3: port: 'http' is not a port number (0 to 65535)")
        let fromEnvironment = #expect(throws: CLIError.self) {
            try Settings(environment: ["ZONEHUB_PORT": "ftp"], file: file)
        }
        #expect(fromEnvironment?.description == "ZONEHUB_PORT: 'ftp' is not a port number (0 to 65535)")
        let smtp = try Self.load("smtp_url = \"smtp://127.0.0.1:25\"\nsmtp_user = \"hub\"\n")
        let unencrypted = #expect(throws: CLIError.self) { try Settings(environment: [:], file: smtp) }
        #expect(
            unencrypted?.description
                == "\(smtp.path), line 2: smtp_user needs encryption: use smtps:// or smtp_starttls=required")
    }

    @Test func malformedUnreadableOrMissingFilesAreRefusedWithTheirName() throws {
        let malformed = try Self.refusal("port = 8080\nhost = \"127.0.0.1\n")
        #expect(malformed.message.hasPrefix("\(malformed.path), line 2: not valid TOML (Error while parsing"))
        let twice = try Self.refusal("port = 8080\nport = 8081\n")
        #expect(twice.message.hasPrefix("\(twice.path), line 2: not valid TOML ("))
        let binary = try Self.file("")
        try Data([0x70, 0x3D, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: binary))
        #expect(throws: SettingsFile.Failure.self) { try SettingsFile.load(binary, origin: .flag) }
        let directory = URL(fileURLWithPath: binary).deletingLastPathComponent().path
        let cases = [
            (binary, "\(binary): is not UTF-8 text"), (directory, "\(directory): is a directory, not a file"),
            (directory + "/absent.toml", "\(directory)/absent.toml: no such file"),
        ]
        for (path, message) in cases {
            let failure = #expect(throws: SettingsFile.Failure.self) { try SettingsFile.load(path, origin: .flag) }
            #expect(failure?.description == message)
        }
    }

    @Test func theFileIsNamedByTheFlagThenTheEnvironmentThenFoundAtTheStandardPlace() throws {
        let flag = try Self.file("port = 1\n")
        let variable = try Self.file("port = 2\n")
        let standard = try Self.file("port = 3\n")
        let environment = ["ZONEHUB_CONFIG": variable]
        #expect(try SettingsFile.find(flag: flag, environment: environment, standardPath: standard)?.path == flag)
        let named = try SettingsFile.find(flag: nil, environment: environment, standardPath: standard)
        #expect(named?.path == variable && named?.origin == .environment)
        let found = try SettingsFile.find(flag: nil, environment: ["ZONEHUB_CONFIG": ""], standardPath: standard)
        #expect(found?.path == standard && found?.origin == .standardPath)
        #expect(try SettingsFile.find(flag: nil, environment: [:], standardPath: standard + ".absent") == nil)
        #expect(throws: SettingsFile.Failure.self) {
            try SettingsFile.find(
                flag: nil, environment: ["ZONEHUB_CONFIG": standard + ".absent"], standardPath: standard)
        }
    }

    @Test func checkWarnsWhenAPasswordIsInAFileEveryoneCanRead() throws {
        let open = try SettingsFile.load(try Self.file("smtp_password = \"s3cret\"\n", mode: 0o644), origin: .flag)
        let warned = CheckCommand.configurationFile(open, environment: [:])
        #expect(warned.passed && warned.warned)
        #expect(warned.detail.contains("it holds smtp_password and anyone on this machine can read it: `chmod o-r"))
        let closed = try SettingsFile.load(try Self.file("smtp_password = \"s3cret\"\n", mode: 0o640), origin: .flag)
        #expect(!CheckCommand.configurationFile(closed, environment: [:]).warned)
        let noSecret = try SettingsFile.load(try Self.file("port = 8081\n", mode: 0o644), origin: .flag)
        let plain = CheckCommand.configurationFile(noSecret, environment: ["ZONEHUB_PORT": "8082"])
        #expect(!plain.warned && plain.detail.hasSuffix("1 setting(s) (port); the environment overrides ZONEHUB_PORT"))
        let address = try Self.load("database_url = \"postgres://hub:pw@db.example.org/hub\"\n")
        #expect(address.secrets == ["database_url"])
        #expect(CheckCommand.configurationFile(nil, environment: [:]).detail.hasPrefix("none (no --config"))
    }

    @Test func theCommittedExampleIsTheOnePrintedAndSetsOnlyWhatAPackageNeeds() throws {
        let committed = try String(
            contentsOf: TestApp.repository.appendingPathComponent("docs/zonehub.example.toml"), encoding: .utf8)
        #expect(committed == SettingsFile.example(packaged: true), "run `zonehub config example --packaged`")
        let packaged = try Self.load(committed)
        #expect(
            packaged.entries.mapValues(\.value) == [
                "ZONEHUB_DB": "/var/lib/zonehub/zonehub.sqlite", "ZONEHUB_MAIL_DIR": "/var/lib/zonehub/mail",
                "ZONEHUB_ZONES_DIR": "/etc/zonehub/zones",
            ])
        #expect(try Self.load(SettingsFile.example(packaged: false)).entries.isEmpty)
        for setting in SettingsFile.settings {
            #expect(
                committed.contains("\n#\(SettingsFile.key(for: setting.name)) = ")
                    || committed.contains("\n\(SettingsFile.key(for: setting.name)) = "))
        }
        #expect(!committed.contains("test_days_ahead"))
    }

    @Test func theVersionNamesTheReleaseAndTheLatestMigrationOfEachEngine() {
        let line = Version.line
        #expect(line.hasPrefix("zonehub \(Version.number) (schema: "))
        #expect(
            line.wholeMatch(
                of:
                    #/zonehub \d+\.\d+\.\d+ \(schema: \d+ migrations, latest v\d+-[a-z-]+; PostgreSQL \d+, latest v\d+-[a-z-]+\)/#
            ) != nil)
    }
}

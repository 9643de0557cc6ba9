import ArgumentParser
import Foundation
import Testing

@testable import zonehub

/// `--config` through the real binary, on every command that takes it: a command that built its settings from
/// `--db` alone would accept the flag and ignore the file.
@Suite(.serialized) struct ConfigFlagTests {
    /// The arguments each command that takes `--config` needs besides it, to get as far as reading its settings.
    static let arguments: [String: [String]] = [
        "serve": [], "migrate": [], "zones sync": [], "demo": [], "check": [], "backup": ["copy.sqlite"],
        "restore": ["copy.sqlite"], "export": ["hub.jsonl"], "import": ["hub.jsonl"],
        "users add": ["--email", "a@example.org", "--role", "resident"], "users list": [],
        "users disable": ["--email", "a@example.org"], "users enable": ["--email", "a@example.org"],
        "users grant": ["--email", "a@example.org", "--zone", "oise"],
        "users revoke": ["--email", "a@example.org", "--zone", "oise"], "users unlock": ["--email", "a@example.org"],
        "moderation list": ["--zone", "oise"], "moderation approve": ["1"],
        "moderation reject": ["1", "--reason", "off_topic"],
        "digest send": [], "digest preview": ["--email", "a@example.org"], "mail status": [],
        "mail unsubscribe": [], "mail reach": [], "mail bounce": [], "notices send": [],
        "pop-ups organisers": ["--zone", "oise", "--email", "a@example.org"], "pop-ups venues": ["--zone", "oise"],
        "pop-ups slots": ["--venue", "1"], "pop-ups series": [], "pop-ups book": ["--slot", "1", "--merchant", "m"],
        "pop-ups bookings": [],
        "merchants import": ["{directory}/zonehub.toml", "--zone", "oise"], "merchants remind": [],
    ]

    /// Each command of `command`'s tree that has no subcommands, named as typed after `zonehub`, with its help.
    static func commands(_ command: ParsableCommand.Type, path: [String] = []) -> [(name: String, help: String)] {
        let here = path + [command._commandName]
        let subcommands = command.configuration.subcommands
        guard subcommands.isEmpty else { return subcommands.flatMap { commands($0, path: here) } }
        return [(here.dropFirst().joined(separator: " "), ZonehubCommand.helpMessage(for: command))]
    }

    @Test func theListNamesEveryCommandThatTakesConfig() {
        let taking = Self.commands(ZonehubCommand.self).filter { $0.help.contains("--config <config>") }.map(\.name)
        #expect(Set(taking) == Set(Self.arguments.keys), "list each new command in ConfigFlagTests.arguments")
    }

    /// What `command` takes on its standard input: for the commands that read a mail, a subject naming a token or
    /// a bounce.
    static func input(_ command: String) throws -> String {
        switch command {
        case "mail unsubscribe": return "Subject: unsubscribe 0123456789abcdef\n\nunsubscribe\n"
        case "mail bounce":
            let bounce = "Tests/FeedsTests/Mail/Bounces/postfix-5.1.1.eml"
            return try String(contentsOf: TestApp.repository.appendingPathComponent(bounce), encoding: .utf8)
        default: return ""
        }
    }

    @Test(arguments: arguments.keys.sorted())
    func everyCommandThatTakesConfigReadsTheFileItNames(command: String) async throws {
        let directory = try Binary.scratch()
        let path = directory.appendingPathComponent("zonehub.toml").path
        try "\nconfirm_after_days = 3\n".write(toFile: path, atomically: true, encoding: .utf8)
        let input = directory.appendingPathComponent("input.eml")
        try Self.input(command).write(to: input, atomically: true, encoding: .utf8)
        let arguments = Self.arguments[command, default: []].map {
            $0.replacingOccurrences(of: "{directory}", with: directory.path)
        }
        let outcome = try await Binary.running(
            command.split(separator: " ").map(String.init) + arguments + ["--config", path],
            environment: ["ZONEHUB_CONFIG": "", "ZONEHUB_DB": directory.appendingPathComponent("hub.sqlite").path],
            input: input)
        // `mail bounce` tells the mail server to try again later (75) when it cannot open the hub.
        #expect(outcome.status == (command == "mail bounce" ? 75 : 1))
        #expect(outcome.errors == "error: \(path), line 2: confirm_after_days: '3' is not a number from 7 to 730\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("hub.sqlite").path))
    }
}

import Foundation

/// Settings with the configuration file beneath the environment: flags, then environment variables, then the file,
/// then defaults.
extension Settings {
    /// The command line's settings: the flags given, the process's environment, and the configuration file named by
    /// `config` (`--config`), `ZONEHUB_CONFIG`, or found at `/etc/zonehub/zonehub.toml`. File-private so that a
    /// command cannot pass `--db` without `--config`: commands use `init(database: DatabaseOption, …)`, which takes
    /// both (`ConfigCommandTests` runs every command that takes `--config` with a file).
    fileprivate init(
        database: String?, host: String? = nil, port: Int? = nil, zones: String? = nil, config: String?
    ) throws {
        let environment = ProcessInfo.processInfo.environment
        let file: SettingsFile?
        do {
            file = try SettingsFile.find(flag: config, environment: environment)
        } catch {
            throw CLIError(error.description)
        }
        try self.init(database: database, host: host, port: port, zones: zones, environment: environment, file: file)
    }

    /// The settings of a command that takes neither `--db` nor `--config` (`zones validate`): the environment, then
    /// the configuration file `ZONEHUB_CONFIG` names or `/etc/zonehub/zonehub.toml`.
    static func withoutFlags() throws -> Settings {
        try Settings(database: nil, config: nil)
    }

    /// The settings of a command that takes `--db` and `--config`.
    init(database options: DatabaseOption, host: String? = nil, port: Int? = nil, zones: String? = nil) throws {
        try self.init(database: options.path, host: host, port: port, zones: zones, config: options.config)
    }

    /// Resolves each setting from the flags, then `environment`, then `file`, then the defaults. A value from the file
    /// that the settings refuse is reported with the file, its line and its name there.
    init(
        database: String? = nil, host: String? = nil, port: Int? = nil, zones: String? = nil,
        environment: [String: String], file: SettingsFile?
    ) throws {
        guard let file else {
            try self.init(database: database, host: host, port: port, zones: zones, environment: environment)
            return
        }
        do {
            try self.init(
                database: database, host: host, port: port, zones: zones, environment: file.beneath(environment))
        } catch let error as CLIError {
            throw file.located(error, environment: environment)
        }
    }
}

extension SettingsFile {
    /// Settings that name the same thing: one set in the environment replaces the file's values of all of them (a
    /// `ZONEHUB_DB` in the environment is not overtaken by a `database_url` in the file).
    static let alternatives: [Set<String>] = [["ZONEHUB_DB", "ZONEHUB_DATABASE_URL"]]

    /// `environment` with this file's settings beneath it: a variable set (not empty) in the environment wins.
    func beneath(_ environment: [String: String]) -> [String: String] {
        var merged = environment.filter { !$0.value.isEmpty }
        for (name, entry) in entries where effective(name, environment: environment) != nil {
            merged[name] = entry.value
        }
        return merged
    }

    /// The file's entry for `name` when it is the one in force, not overridden by the environment.
    func effective(_ name: String, environment: [String: String]) -> Entry? {
        guard let entry = entries[name] else { return nil }
        let overriding = Self.alternatives.first { $0.contains(name) } ?? [name]
        return overriding.contains { environment[$0]?.isEmpty == false } ? nil : entry
    }

    /// `error` as an operator of the file reads it: when the first setting it names came from the file, it starts
    /// with the file and the line, and names settings as the file does (`port`, not `ZONEHUB_PORT`).
    func located(_ error: CLIError, environment: [String: String]) -> CLIError {
        let names = #/ZONEHUB_[A-Z0-9_]+/#
        guard let first = error.description.firstMatch(of: names).map({ String($0.output) }),
            let entry = effective(first, environment: environment)
        else { return error }
        let text = error.description.replacing(names) { match in
            let name = String(match.output)
            return Settings.keys.contains { $0.name == name } ? Self.key(for: name) : name
        }
        return CLIError("\(path)\(entry.line.map { ", line \($0)" } ?? ""): \(text)")
    }

    /// The settings of this file that hold a secret: passwords, and a database address with one.
    var secrets: [String] {
        entries.compactMap { name, entry in
            if name.contains("PASSWORD") { return entry.key }
            if name == "ZONEHUB_DATABASE_URL", URLComponents(string: entry.value)?.password != nil { return entry.key }
            return nil
        }.sorted()
    }
}

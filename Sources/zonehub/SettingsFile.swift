import Foundation
import TOMLKit

/// The configuration file: every setting of `Settings.keys` under its file name (`ZONEHUB_PUBLIC_URL` is
/// `public_url`), in TOML, read with TOMLKit. It sits beneath the environment and the flags, above the defaults.
struct SettingsFile: Sendable {
    /// Where a packaged hub keeps it; read when it exists and no other file is named.
    static let standardPath = "/etc/zonehub/zonehub.toml"
    /// The environment variable naming the file (`--config` wins over it).
    static let pathVariable = "ZONEHUB_CONFIG"

    /// How the file was found, for `check`.
    enum Origin: Sendable {
        case flag, environment, standardPath

        var text: String {
            switch self {
            case .flag: "named by --config"
            case .environment: "named by \(SettingsFile.pathVariable)"
            case .standardPath: "found at the standard place"
            }
        }
    }

    /// One setting written in the file.
    struct Entry: Sendable, Equatable {
        /// As the environment would give it: text, or a whole number written in decimal.
        let value: String
        /// The name in the file, e.g. `public_url`.
        let key: String
        let line: Int?
    }

    let path: String
    let origin: Origin
    /// The settings written in the file, by environment variable name.
    let entries: [String: Entry]
    /// Whether anyone on the machine may read it (mode o+r).
    let readableByEveryone: Bool

    /// The settings a file may hold: all of `Settings.keys` but those for tests only, which stay in the environment
    /// so that a production file can never hold one.
    static var settings: [(name: String, meaning: String, fallback: String)] {
        Settings.keys.filter { !isTestOnly($0.name) }
    }

    static func isTestOnly(_ name: String) -> Bool {
        Settings.keys.first { $0.name == name }?.meaning.hasPrefix("TESTS ONLY") == true
    }

    /// The file's name of a setting: its variable without `ZONEHUB_`, in lower case.
    static func key(for name: String) -> String {
        String(name.hasPrefix("ZONEHUB_") ? name.dropFirst("ZONEHUB_".count) : name[...]).lowercased()
    }

    /// The file named by `--config` (`flag`), else by `ZONEHUB_CONFIG`, else the one at `standardPath` if it exists;
    /// nil when there is none. A named file that is missing is an error: the operator meant one.
    static func find(
        flag: String?, environment: [String: String], standardPath: String = standardPath
    ) throws(Failure) -> SettingsFile? {
        if let flag { return try load(flag, origin: .flag) }
        if let path = environment[pathVariable], !path.isEmpty { return try load(path, origin: .environment) }
        guard FileManager.default.fileExists(atPath: standardPath) else { return nil }
        return try load(standardPath, origin: .standardPath)
    }

    /// Reads and checks the file at `path`: every problem found (unknown names, wrong types) is in the failure.
    static func load(_ path: String, origin: Origin) throws(Failure) -> SettingsFile {
        let text = try read(path)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw Failure(
                path: path,
                problems: [
                    Problem(line: error.source.begin.line, message: "not valid TOML (\(error.description))")
                ])
        } catch {
            throw Failure(path: path, problems: [Problem(line: nil, message: "not valid TOML (\(error))")])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var entries: [String: Entry] = [:]
        var problems: [Problem] = []
        for key in table.keys {
            let line = Self.line(of: key, in: lines)
            guard let value = table[key] else { continue }
            switch Self.entry(key, value.tomlValue) {
            case .success(let (name, text)): entries[name] = Entry(value: text, key: key, line: line)
            case .failure(let problem): problems.append(Problem(line: line, message: problem.message))
            }
        }
        guard problems.isEmpty else {
            throw Failure(path: path, problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) })
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
        return SettingsFile(path: path, origin: origin, entries: entries, readableByEveryone: mode & 0o004 != 0)
    }

    /// The file's text, refused when missing, unreadable, a directory, too large for a configuration file, or not
    /// UTF-8.
    private static func read(_ path: String) throws(Failure) -> String {
        func refused(_ message: String) -> Failure {
            Failure(path: path, problems: [Problem(line: nil, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw refused("no such file")
        }
        guard !isDirectory.boolValue else { throw refused("is a directory, not a file") }
        guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
            throw refused("cannot be read (permission denied): run as its owner or group, e.g. `sudo -u zonehub`")
        }
        defer { try? handle.close() }
        let limit = 1 << 20
        guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else { throw refused("cannot be read") }
        guard data.count <= limit else { throw refused("is larger than 1 MiB: not a configuration file") }
        guard let text = String(data: data, encoding: .utf8) else { throw refused("is not UTF-8 text") }
        return text
    }
}

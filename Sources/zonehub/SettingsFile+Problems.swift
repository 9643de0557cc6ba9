import Foundation
import TOMLKit

/// What can be wrong in a configuration file, and how each value becomes the text the environment would give.
extension SettingsFile {
    /// One thing wrong in the file, at its line when known.
    struct Problem: Error, Sendable, Equatable {
        let line: Int?
        let message: String
    }

    /// A file zonehub refuses, with every problem found in it.
    struct Failure: Error, CustomStringConvertible, Sendable {
        let path: String
        let problems: [Problem]

        /// `FILE, line N: message`, one line per problem.
        var lines: [String] { problems.map { "\(path)\($0.line.map { ", line \($0)" } ?? ""): \($0.message)" } }

        var description: String {
            lines.count == 1
                ? lines[0]
                : "\(path): \(problems.count) problems:\n" + lines.map { "  \($0)" }.joined(separator: "\n")
        }
    }

    /// The setting that `key` names and its value as text, or what is wrong with them.
    static func entry(_ key: String, _ value: TOMLValue) -> Result<(String, String), Problem> {
        let name = "ZONEHUB_" + key.uppercased()
        guard key == key.lowercased(), Settings.keys.contains(where: { $0.name == name }) else {
            return .failure(Problem(line: nil, message: unknown(key, value)))
        }
        guard !isTestOnly(name) else {
            return .failure(
                Problem(
                    line: nil, message: "\(key): is for tests only and can be set only as \(name) in the environment"))
        }
        switch value.type {
        case .string: return .success((name, value.string ?? ""))
        case .int: return .success((name, String(value.int ?? 0)))
        default:
            return .failure(
                Problem(
                    line: nil,
                    message: "\(key): \(kind(of: value)) is not a value for it: write text in quotes "
                        + "(\(key) = \"...\") or a whole number"))
        }
    }

    /// What an operator is told about a name zonehub does not know, with the nearest names it does.
    private static func unknown(_ key: String, _ value: TOMLValue) -> String {
        let keys = settings.map { Self.key(for: $0.name) }
        if value.type == .table {
            let inside = keys.filter { $0.hasPrefix(key.lowercased() + "_") }
            return "[\(key)]: settings are written at the top level as name = value, with no [section]"
                + (inside.isEmpty ? "" : " (e.g. \(inside.prefix(3).joined(separator: ", ")))")
        }
        let typed = key.lowercased()
        // The nearest name by spelling, else one that has the typed word as a part (`verp`: `bounce_verp`).
        let nearest =
            keys.map { ($0, distance($0, typed)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
            ?? keys.first { $0.split(separator: "_").contains(Substring(typed)) }
        return "\(key): unknown setting"
            + (nearest.map { " (did you mean '\($0)'?)" } ?? "; `zonehub config example` lists them all")
    }

    /// The kind of a TOML value in an operator's words.
    private static func kind(of value: TOMLValue) -> String {
        switch value.type {
        case .bool: "\(value.bool == true ? "true" : "false") (a boolean)"
        case .double: "\(value.double ?? 0) (a decimal number)"
        case .array: "a list"
        case .table: "a table"
        default: "a date or time"
        }
    }

    /// The line where `key` is set (`key = ...`, `"key" = ...`, `key.sub = ...` or `[key]`), 1-based.
    static func line(of key: String, in lines: [Substring]) -> Int? {
        for (index, line) in lines.enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            var name: Substring
            if text.hasPrefix("[") {
                name = text.drop { $0 == "[" }.prefix { $0 != "]" }
            } else if let equals = text.firstIndex(of: "=") {
                name = text[..<equals]
            } else {
                continue
            }
            name = Substring(name.trimmingCharacters(in: .whitespaces))
            let bare = name.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if bare == key || name.hasPrefix(key + ".") { return index + 1 }
        }
        return nil
    }

    /// Levenshtein distance, for "did you mean".
    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

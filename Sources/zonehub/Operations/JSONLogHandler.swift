import Foundation
import Logging

/// A swift-log handler that writes one JSON object per line (`time`, `level`, `label`, `message`, then the
/// metadata), for log collectors that read JSON lines; chosen with `ZONEHUB_LOG_FORMAT=json`.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    private let write: @Sendable (String) -> Void
    /// Written first on every line; metadata of the same name is left out rather than repeating a key.
    private static let fixedKeys: Set<String> = ["time", "level", "label", "message"]

    init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadataProvider?.get() ?? [:]
        fields.merge(metadata) { _, handler in handler }
        fields.merge(event.metadata ?? [:]) { _, event in event }
        var line = "{\"time\":\(Self.quoted(Self.time(Date()))),\"level\":\(Self.quoted(event.level.rawValue))"
        line += ",\"label\":\(Self.quoted(label)),\"message\":\(Self.quoted(event.message.description))"
        // Sorted so that the same event always reads the same.
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !Self.fixedKeys.contains(key) {
            line += ",\(Self.quoted(key)):\(Self.json(value))"
        }
        write(line + "}\n")
    }

    static func json(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): quoted(text)
        // Counts and durations stay numbers, for queries such as `status >= 500` or `ms > 100`.
        case .stringConvertible(let number as any BinaryInteger): number.description
        case .stringConvertible(let number as Double) where number.isFinite: number.description
        case .stringConvertible(let convertible): quoted(convertible.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{"
                + values.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(json($0.value))" }
                .joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal; JSONEncoder's escaping, without building an encoder per field.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func time(_ date: Date) -> String {
        date.formatted(
            .iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }

    @Sendable static func standardError(_ line: String) {
        FileHandle.standardError.write(Data(line.utf8))
    }
}

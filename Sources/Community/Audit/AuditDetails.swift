/// The text an audit entry's details are stored as: a JSON object of strings, keys sorted, written the way the
/// audit log has always written it (`/` escaped as `\/`), so that old and new rows read alike.
///
/// Written by hand because every change appends an entry inside its transaction, and Foundation's
/// `JSONSerialization` cost more than the statements themselves there.
package enum AuditDetails {
    package static func json(_ details: [String: String]) -> String {
        var text = "{"
        for (index, key) in details.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            append(key, to: &text)
            text += ":"
            append(details[key] ?? "", to: &text)
        }
        return text + "}"
    }

    private static func append(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "/": text += "\\/"
            case "\u{8}": text += "\\b"
            case "\u{c}": text += "\\f"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{0}"..."\u{1f}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

import Foundation

extension CSVTable {
    /// `header` and `rows` as a CSV file a French spreadsheet opens: `;` between cells, CRLF line ends, UTF-8 with
    /// a byte order mark (which spreadsheets need to read accents).
    package static func write(header: [String], rows: [[String]]) -> String {
        let lines = ([header] + rows).map { $0.map(cell).joined(separator: ";") }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell quoted when it holds a separator, a quote or a line break; a leading `=`, `+`, `-` or `@` is
    /// prefixed with an apostrophe so that a spreadsheet does not run it as a formula.
    package static func cell(_ cell: String) -> String {
        var text = cell
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ";\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

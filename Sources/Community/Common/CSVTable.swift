import Foundation

/// A CSV file read as rows of fields (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes), with `,`
/// or `;` as separator (French spreadsheets save with `;`), chosen from the header line. One parser for every import
/// (the directory's merchants, merchants' catalogues); each names the field its file is refused in.
package struct CSVTable: Equatable, Sendable {
    package let header: [String]
    /// Each data row with the line it starts on (1 is the header).
    package let rows: [(line: Int, fields: [String])]

    package static func == (left: CSVTable, right: CSVTable) -> Bool {
        left.header == right.header && left.rows.map(\.line) == right.rows.map(\.line)
            && left.rows.map(\.fields) == right.rows.map(\.fields)
    }

    /// Parses `data`; fails in `file` on text that is not UTF-8, an unclosed quote, or a missing header.
    package static func parse(_ data: Data, file: some InputField) throws(CommunityError) -> CSVTable {
        guard var text = String(data: data, encoding: .utf8) else {
            throw file.invalid("is not UTF-8 text (save the spreadsheet as CSV UTF-8)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character =
            firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where afterQuote:
                field.append("\"")
                quoted = true
                afterQuote = false
            case "\"" where field.isEmpty:
                quoted = true
            case separator:
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                fields.append(field)
                if fields != [""] { records.append((recordLine, fields)) }
                fields = []
                field = ""
                afterQuote = false
                line += 1
                recordLine = line
            default:
                if afterQuote { throw file.invalid("line \(line): text after a closing quote") }
                field.append(character)
            }
        }
        if quoted { throw file.invalid("line \(recordLine): a quote is never closed") }
        fields.append(field)
        if fields != [""] { records.append((recordLine, fields)) }
        guard let header = records.first else { throw file.invalid("is empty") }
        return CSVTable(
            header: header.fields.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }
}

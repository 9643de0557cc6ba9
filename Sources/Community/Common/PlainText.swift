import Foundation

/// How merchants' plain text becomes safe HTML, wherever it is shown (pages, feeds, mail): every character escaped,
/// control characters dropped, paragraphs kept, web addresses made into links. Never raw HTML from a merchant.
package enum PlainText {
    /// Web addresses in text. The pattern is a constant, so it always compiles; were it ever not to, text would be
    /// shown escaped without links rather than the process stopping.
    private static let link = try? NSRegularExpression(pattern: #"https?://[^\s<>"']+[^\s<>"'.,;:!?)\]]"#)

    /// Escapes the five characters that matter in HTML and XML text and attributes, and drops control characters
    /// (which XML 1.0 forbids) and the non-characters U+FFFE and U+FFFF.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\n", "\t": result.unicodeScalars.append(scalar)
            case "\u{FFFE}", "\u{FFFF}": continue
            default:
                // Printable ASCII needs no Unicode property lookup, which costs more than the rest of the loop.
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.properties.generalCategory == .control) {
                    continue
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Paragraphs on blank lines, `<br>` on single line breaks, links made clickable.
    package static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { paragraph in
                "<p>" + paragraph.split(separator: "\n").map { linkify(String($0)) }.joined(separator: "<br>") + "</p>"
            }
            .joined()
    }

    /// Escapes `line`, wrapping each http(s) address in a link that does not pass on the page's address.
    package static func linkify(_ line: String) -> String {
        guard let link else { return escape(line) }
        let range = NSRange(line.startIndex..., in: line)
        var result = ""
        var cursor = line.startIndex
        for match in link.matches(in: line, range: range) {
            guard let matchRange = Range(match.range, in: line) else { continue }
            result += escape(String(line[cursor..<matchRange.lowerBound]))
            let url = escape(String(line[matchRange]))
            result += "<a href=\"\(url)\" rel=\"nofollow noopener ugc\">\(url)</a>"
            cursor = matchRange.upperBound
        }
        return result + escape(String(line[cursor...]))
    }
}

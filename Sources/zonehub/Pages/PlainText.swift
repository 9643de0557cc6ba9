import Foundation

/// Turns a post's plain text into safe HTML: escaped, paragraphs kept, web addresses made clickable.
enum PlainText {
    private static let link = try! NSRegularExpression(pattern: #"https?://[^\s<>"']+[^\s<>"'.,;:!?)\]]"#)

    static func render(_ text: String) -> HTML {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        return paragraphs.map { paragraph -> HTML in
            let lines = paragraph.split(separator: "\n").map { linkify(String($0)) }
            return "<p>\(lines.joined(separator: "<br>"))</p>"
        }.joined()
    }

    /// Escapes `line`, wrapping each http(s) address in a link that opens without passing on our page's address.
    static func linkify(_ line: String) -> HTML {
        let range = NSRange(line.startIndex..., in: line)
        var parts: [HTML] = []
        var cursor = line.startIndex
        for match in link.matches(in: line, range: range) {
            guard let matchRange = Range(match.range, in: line) else { continue }
            parts.append("\(String(line[cursor..<matchRange.lowerBound]))")
            let url = String(line[matchRange])
            parts.append("<a href=\"\(url)\" rel=\"nofollow noopener ugc\">\(url)</a>")
            cursor = matchRange.upperBound
        }
        parts.append("\(String(line[cursor...]))")
        return parts.joined()
    }
}

import Community
import Foundation
import Storage

/// A mailbox as written in a header: an optional display name and an address.
package struct MailAddress: Equatable, Sendable {
    package var name: String?
    package var address: String

    package init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// `Name <address>`, the name as an RFC 2047 encoded word when it is not plain ASCII.
    var header: String {
        guard let name, !name.isEmpty else { return address }
        return "\(MailHeader.phrase(name)) <\(address)>"
    }
}

/// One message as the hub sends it: `multipart/alternative` with the plain text first and the HTML second, both
/// UTF-8 and quoted-printable, every line ending in CRLF.
package struct MailMessage: Sendable {
    package var from: MailAddress
    package var to: String
    package var subject: String
    package var date: Date
    /// Without angle brackets: "digest.12.1773475200@zonehub.example.org".
    package var messageID: String
    /// Further headers in order (List-Id, List-Unsubscribe…), values already valid header text.
    package var headers: [(String, String)]
    package var text: String
    package var html: String?

    package init(
        from: MailAddress, to: String, subject: String, date: Date, messageID: String,
        headers: [(String, String)] = [], text: String, html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.headers = headers
        self.text = text
        self.html = html
    }

    /// The message as bytes on the wire (RFC 5322 and MIME).
    package func rendered() -> [UInt8] {
        var head = [
            ("From", from.header), ("To", to), ("Subject", MailHeader.unstructured(subject)),
            ("Date", MailHeader.date(date)), ("Message-ID", "<\(messageID)>"), ("MIME-Version", "1.0"),
        ]
        head += headers
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 + (html?.utf8.count ?? 0) + 1024)
        func line(_ text: String) { out += Array(text.utf8) + [13, 10] }
        guard let html else {
            for (name, value) in head { line("\(name): \(value)") }
            line("Content-Type: text/plain; charset=UTF-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            out += QuotedPrintable.encode(text)
            return out
        }
        // "=_" never occurs in quoted-printable text, so the boundary cannot collide with a body.
        let boundary = "=_zonehub_" + String(fnv1a(messageID), radix: 36)
        for (name, value) in head { line("\(name): \(value)") }
        line("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        line("")
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            line("--\(boundary)")
            line("Content-Type: \(type); charset=UTF-8")
            line("Content-Transfer-Encoding: quoted-printable")
            line("")
            out += QuotedPrintable.encode(body)
        }
        line("--\(boundary)--")
        return out
    }

    /// A stable hash (Swift's own is seeded per process), so the same message renders to the same bytes.
    private func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}

/// Header encodings: RFC 2047 encoded words for non-ASCII text and RFC 5322 dates.
package enum MailHeader {
    /// An unstructured value (Subject): as is when printable ASCII, else UTF-8 encoded words folded over lines.
    package static func unstructured(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if clean.utf8.allSatisfy({ (32...126).contains($0) }) && clean.utf8.count <= 900 { return clean }
        return encodedWords(clean)
    }

    /// A display name: quoted when ASCII, encoded words otherwise.
    package static func phrase(_ text: String) -> String {
        let clean = text.filter { $0 != "\r" && $0 != "\n" }
        if clean.utf8.allSatisfy({ (32...126).contains($0) }) {
            return "\""
                + clean.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                + "\""
        }
        return encodedWords(clean)
    }

    /// Base64 encoded words of at most 75 characters, split between characters, folded with CRLF and a space.
    private static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            // 45 bytes of UTF-8 make 60 characters of base64, which with "=?UTF-8?B?" and "?=" stays under 75.
            if chunk.count + bytes.count > 45 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sat, 14 Mar 2026 07:30:00 +0000", in English whatever the locale, as RFC 5322 requires.
    package static func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ n: Int?) -> String {
            let n = n ?? 0
            return n < 10 ? "0\(n)" : "\(n)"
        }
        return "\(days[(c.weekday ?? 1) - 1]), \(two(c.day)) \(months[(c.month ?? 1) - 1]) \(c.year ?? 1970) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }
}

import Community
import Foundation
import Storage

/// The text rules of RFC 5545: escaped values, content lines folded at 75 octets, CRLF line ends.
package enum ICalendarText {
    /// The longest a content line may be, in octets, before its line break.
    package static let lineLimit = 75

    /// Escapes a TEXT value: backslash, semicolon, comma and line breaks.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text.replacingOccurrences(of: "\r\n", with: "\n") {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Folds one content line: no physical line longer than 75 octets, each continuation starting with one space,
    /// and never a break inside a UTF-8 sequence. Lines are joined with CRLF.
    package static func fold(_ line: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > lineLimit {
                lines.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// `20260321T090000`: a wall-clock time for a TZID parameter.
    package static func local(_ date: Date, _ timeZone: TimeZone) -> String {
        format(date, timeZone, "yyyyMMdd'T'HHmmss")
    }

    /// `20260321T080000Z`: an instant in UTC.
    package static func utc(_ date: Date) -> String {
        format(date, .gmt, "yyyyMMdd'T'HHmmss'Z'")
    }

    private static func format(_ date: Date, _ timeZone: TimeZone, _ pattern: String) -> String {
        DateText.format(date, locale: "en_US_POSIX", timeZone: timeZone, pattern: pattern)
    }
}

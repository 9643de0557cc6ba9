/// Quoted-printable (RFC 2045 §6.7) for mail bodies: lines end in CRLF, no encoded line exceeds 76 characters, and
/// only printable ASCII travels as itself.
package enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let maxLine = 76

    /// Encodes UTF-8 text; any line ending (LF or CRLF) becomes CRLF.
    package static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var line: [UInt8] = []
        for byte in text.utf8 {
            if byte == 10 {
                encodeLine(line, into: &out)
                line.removeAll(keepingCapacity: true)
            } else if byte != 13 {
                line.append(byte)
            }
        }
        if !line.isEmpty { encodeLine(line, into: &out) }
        return out
    }

    private static func encodeLine(_ line: [UInt8], into out: inout [UInt8]) {
        var width = 0
        for (index, byte) in line.enumerated() {
            let isLast = index == line.count - 1
            var plain: Bool
            switch byte {
            case 33...60, 62...126: plain = true
            // Spaces and tabs survive unless they end the line, where transports may strip them.
            case 32, 9: plain = !isLast
            default: plain = false
            }
            // Keep one column for the soft break's "=", unless this is the line's last character.
            if width + (plain ? 1 : 3) > (isLast ? maxLine : maxLine - 1) {
                out.append(contentsOf: [61, 13, 10])
                width = 0
            }
            // A line-initial dot is encoded so no transport can take it for the end of the message.
            if byte == 46 && width == 0 { plain = false }
            if plain {
                out.append(byte)
                width += 1
            } else {
                out.append(contentsOf: [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                width += 3
            }
        }
        out.append(contentsOf: [13, 10])
    }
}

/// Quoted-printable (RFC 2045 §6.7) for mail bodies: lines end in CRLF, no encoded line exceeds 76 characters, and
/// only printable ASCII travels as itself.
package enum QuotedPrintable {
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let maxLine = 76

    /// Encodes UTF-8 text; any line ending (LF or CRLF) becomes CRLF, and a CR elsewhere is encoded.
    package static func encode(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 4 + 16)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                let next = end + 1
                if end > start && bytes[end - 1] == 13 { end -= 1 }
                encodeLine(bytes, from: start, to: end, into: &out)
                start = next
            }
            return out
        }
    }

    // Works on the string's own bytes and appends byte by byte: this runs for every message of a digest run.
    private static func encodeLine(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into out: inout [UInt8]
    ) {
        var width = 0
        for index in start..<end {
            let byte = bytes[index]
            let isLast = index == end - 1
            var plain: Bool
            switch byte {
            case 33...60, 62...126: plain = true
            // Spaces and tabs survive unless they end the line, where transports may strip them.
            case 32, 9: plain = !isLast
            default: plain = false
            }
            // Keep one column for the soft break's "=", unless this is the line's last character.
            if width + (plain ? 1 : 3) > (isLast ? maxLine : maxLine - 1) {
                out.append(61)
                out.append(13)
                out.append(10)
                width = 0
            }
            // A line-initial dot is encoded so no transport can take it for the end of the message.
            if byte == 46 && width == 0 { plain = false }
            if plain {
                out.append(byte)
                width += 1
            } else {
                out.append(61)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
                width += 3
            }
        }
        out.append(13)
        out.append(10)
    }
}

import Foundation

/// One MIME entity as a delivery status notification needs it read: headers (unfolded, names lower-cased) and a
/// body, split into parts when it is multipart. Only what RFC 2045, 2046 and 3464 need for reading reports; there
/// is no MIME library the Swift server world keeps, so this is the hub's own.
struct MIMEEntity: Sendable {
    /// How deep multiparts may nest, and how many parts one may have: a hostile mail cannot make parsing expensive.
    static let maximumDepth = 6
    static let maximumParts = 64

    let headers: [(name: String, value: String)]
    /// The body as it was written, lines ending in LF (CRLF is read as LF).
    let body: String
    let depth: Int

    /// Parses `text` (a whole message, or a part of one). A leading mbox `From ` line, as procmail keeps it, is
    /// skipped.
    init(_ text: String, depth: Int = 0) {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n")
        if text.hasPrefix("From ") {
            text = String(text.drop { $0 != "\n" }.dropFirst())
        }
        let head: Substring
        if text.hasPrefix("\n") {
            head = ""
            body = String(text.dropFirst())
        } else if let end = text.range(of: "\n\n") {
            head = text[..<end.lowerBound]
            body = String(text[end.upperBound...])
        } else {
            head = text[...]
            body = ""
        }
        headers = Self.headerFields(head)
        self.depth = depth
    }

    /// Header fields of a header block (also of a `text/rfc822-headers` part): folded lines joined, lines that
    /// are not fields left out.
    static func headerFields(_ block: Substring) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if let first = line.first, first == " " || first == "\t" {
                guard !fields.isEmpty else { continue }
                fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty, !name.contains(" ") else { continue }
            fields.append((name, line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }

    /// The first value of header `name` (any case).
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name == wanted }?.value
    }

    /// The media type in lower case (`text/plain` when none is given, as RFC 2045 says) and its parameters.
    var contentType: (type: String, parameters: [String: String]) {
        guard let value = header("content-type") else { return ("text/plain", [:]) }
        let pieces = Self.splitParameters(value)
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = piece[piece.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            parameters[name] = value
        }
        let type = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        return (type.isEmpty ? "text/plain" : type, parameters)
    }

    /// Splits a header value at semicolons that are not inside quotes.
    private static func splitParameters(_ value: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                escaped = false
            } else if character == "\\" && quoted {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces
    }

    /// The parts of a multipart entity (none for other types, or past the depth limit).
    var parts: [MIMEEntity] {
        let type = contentType
        guard type.type.hasPrefix("multipart/"), depth < Self.maximumDepth, let boundary = type.parameters["boundary"],
            !boundary.isEmpty
        else { return [] }
        let delimiter = "--" + boundary
        var parts: [MIMEEntity] = []
        var current: [Substring]?
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed =
                line.hasSuffix(" ") || line.hasSuffix("\t") ? line.trimmingCharacters(in: .whitespaces) : String(line)
            if trimmed == delimiter || trimmed == delimiter + "--" {
                if let current { parts.append(MIMEEntity(current.joined(separator: "\n"), depth: depth + 1)) }
                if trimmed != delimiter || parts.count >= Self.maximumParts { return parts }
                current = []
            } else {
                current?.append(line)
            }
        }
        // A multipart cut short (a truncated bounce) keeps the parts it has.
        if let current { parts.append(MIMEEntity(current.joined(separator: "\n"), depth: depth + 1)) }
        return parts
    }

    /// The body decoded from its transfer encoding (base64 or quoted-printable), as text.
    var decodedBody: String {
        switch header("content-transfer-encoding")?.lowercased() {
        case "base64":
            let compact = body.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact, options: .ignoreUnknownCharacters) else { return body }
            return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        case "quoted-printable":
            return Self.decodeQuotedPrintable(body)
        default:
            return body
        }
    }

    private static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "="), index + 1 < input.count {
                if input[index + 1] == 10 {  // a soft line break
                    index += 2
                    continue
                }
                if index + 2 < input.count,
                    let value = UInt8(String(decoding: input[index + 1...index + 2], as: UTF8.self), radix: 16)
                {
                    bytes.append(value)
                    index += 3
                    continue
                }
            }
            bytes.append(byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

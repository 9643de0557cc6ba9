import Foundation
import Hummingbird

/// An `application/x-www-form-urlencoded` body, read within the body limit and checked to be UTF-8.
struct FormBody {
    private var values: [String: [String]] = [:]

    static func read(_ request: Request, context: HubRequestContext) async throws -> FormBody {
        let buffer = try await readBody(of: request, context: context)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw BodyError(.invalidUTF8, "the form is not valid UTF-8")
        }
        return try FormBody(encoded: text)
    }

    init() {}

    init(encoded text: String) throws {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) throws -> String in
                guard let value = part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                    throw BodyError(.invalidForm, "the form is not correctly encoded")
                }
                return value
            }
            let key = try decode(parts[0])
            values[key, default: []].append(parts.count > 1 ? try decode(parts[1]) : "")
        }
    }

    /// The first value of `key`, trimmed; nil when absent or blank.
    subscript(key: String) -> String? {
        guard let value = values[key]?.first?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// The first value of `key` as sent, untrimmed; nil when absent.
    func get(_ key: String) -> String? { values[key]?.first }

    /// Every value of `key` (checkboxes).
    func all(_ key: String) -> [String] { values[key] ?? [] }

    /// The raw value of `key`, as typed (for text areas whose line breaks matter).
    func text(_ key: String) -> String { values[key]?.first ?? "" }
}

extension Request {
    /// The query string read as browsers write a form sent with GET: `+` stands for a space (Hummingbird's
    /// `queryParameters` keeps it), so "epicerie miel" typed in a search box is not read as "epicerie+miel".
    func formQuery() throws -> FormBody { try FormBody(encoded: uri.query ?? "") }
}

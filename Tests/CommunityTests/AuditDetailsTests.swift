import Community
import Foundation
import Testing

/// The audit log's details are written by hand: they must read back as the same strings, and be the text
/// `JSONSerialization` wrote before, so that old and new rows compare alike.
@Suite struct AuditDetailsTests {
    static let awkward = [
        "", "plain", "quote \" and backslash \\", "a/b https://example.org/x", "tab\tnew\nline\rreturn",
        "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}", "accents éèà, emoji 😀, separators \u{2028}\u{2029}",
    ]

    @Test func writesWhatJSONSerializationWrote() throws {
        for (index, value) in Self.awkward.enumerated() {
            let details = ["slot": "\(index)", "reason": value, "from": "requested", "to": "refused"]
            let expected = try JSONSerialization.data(withJSONObject: details, options: [.sortedKeys])
            #expect(AuditDetails.json(details) == String(decoding: expected, as: UTF8.self))
        }
        #expect(AuditDetails.json([:]) == "{}")
    }

    @Test func readsBackAsTheSameStrings() throws {
        // Every scalar below U+0300 (controls, ASCII, Latin-1 and the rest of Latin), eight to a value.
        let scalars = (0..<0x300).compactMap(Unicode.Scalar.init(_:))
        for start in stride(from: 0, to: scalars.count, by: 32) {
            var details: [String: String] = [:]
            for (index, first) in stride(from: start, to: min(start + 32, scalars.count), by: 8).enumerated() {
                details["key\(index)"] = String(
                    String.UnicodeScalarView(scalars[first..<min(first + 8, scalars.count)]))
            }
            let text = AuditDetails.json(details)
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
            #expect(parsed == details, "\(text)")
        }
    }
}

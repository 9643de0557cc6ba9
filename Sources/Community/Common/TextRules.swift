import Foundation

/// Checks for the free text people type: pure functions, each naming the field it refuses.
package enum TextRules {
    /// Trimmed text with line breaks as "\n" (browsers send "\r\n"); other control characters are refused, so a
    /// stored text never hides a terminal escape, a header break or a NUL that would cut it short downstream.
    package static func text(
        _ value: String, field: some InputField, at path: String = "", max: Int, required: Bool = false
    )
        throws(CommunityError) -> String
    {
        let trimmed = value.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        if required && trimmed.isEmpty { throw field.invalid("is required", at: path) }
        if trimmed.count > max { throw field.invalid("must be at most \(max) characters", at: path) }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
            throw field.invalid("contains control characters", at: path)
        }
        return trimmed
    }

    /// One line of text (a name, a message shown in one line): as `text`, with line breaks made spaces.
    package static func line(
        _ value: String, field: some InputField, at path: String = "", max: Int, required: Bool = false
    )
        throws(CommunityError) -> String
    {
        try text(value, field: field, at: path, max: max, required: required).replacingOccurrences(of: "\n", with: " ")
    }
}

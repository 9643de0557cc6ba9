import Foundation
import Storage

/// A stable error code, part of the API contract, with its category and what it tells a person reading French.
/// Each target lists its own codes in enums (fields, things that can be missing, other problems); an error is a
/// code and an English message (`error(_:)`), and pages in French show the code's own text.
package protocol ErrorCode: Sendable {
    /// Stable snake_case code, e.g. `slot_full`.
    var code: String { get }
    var category: ErrorCategory { get }
    /// What the person is told in French.
    var french: String { get }
}

extension ErrorCode {
    /// The error with this code and `message` in English (for the API, the CLI and the logs).
    package func error(_ message: String) -> CommunityError { CommunityError(self, message) }
}

/// A field of a form, a request or a file that input can be wrong in: its code is `invalid_<field>`.
package protocol InputField: ErrorCode, RawRepresentable where RawValue == String {}

extension InputField {
    package var code: String { "invalid_" + rawValue }
    package var category: ErrorCategory { .invalidInput }

    /// Input refused in this field; the English message reads `field: detail`, or `field[2].part: detail` with
    /// `at: "[2].part"` for one entry of a list.
    package func invalid(_ detail: String, at path: String = "") -> CommunityError {
        error("\(rawValue)\(path): \(detail)")
    }
}

/// Something that can be asked for and not exist: its code is `<thing>_not_found`.
package protocol MissingThing: ErrorCode, RawRepresentable where RawValue == String {}

extension MissingThing {
    package var code: String { rawValue + "_not_found" }
    package var category: ErrorCategory { .notFound }

    /// The error saying it does not exist.
    package var notFound: CommunityError { error("\(rawValue.replacingOccurrences(of: "_", with: " ")) not found") }
}

/// A problem that is neither a field nor a missing thing (a conflict, a refusal): its code is its raw value.
package protocol ProblemCode: ErrorCode, RawRepresentable where RawValue == String {}

extension ProblemCode {
    package var code: String { rawValue }
}

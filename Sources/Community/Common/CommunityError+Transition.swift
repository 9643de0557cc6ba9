import Foundation
import Storage

// TRANSITION ONLY: the old string-coded factories, kept while the executable's pages are being moved; removed in the
// same change that converts the executable to the typed codes.
private struct UntypedCode: ErrorCode {
    let code: String
    let category: ErrorCategory
    var french: String { "" }
}

extension CommunityError {
    package static func invalid(_ field: String, _ message: String) -> CommunityError {
        CommunityError(UntypedCode(code: "invalid_\(field)", category: .invalidInput), "\(field): \(message)")
    }
    package static func notFound(_ what: String) -> CommunityError {
        CommunityError(UntypedCode(code: "\(what)_not_found", category: .notFound), "\(what) not found")
    }
    package static func conflict(_ code: String, _ message: String) -> CommunityError {
        CommunityError(UntypedCode(code: code, category: .conflict), message)
    }
    package init(_ category: ErrorCategory, _ code: String, _ message: String) {
        self.init(UntypedCode(code: code, category: category), message)
    }
}

extension ClosedChoice {
    package static func parse(_ value: String, field: String) throws(CommunityError) -> Self {
        guard let choice = Self(rawValue: value) else {
            throw CommunityError.invalid(field, "unknown \(Self.field.rawValue) '\(value.prefix(40))'")
        }
        return choice
    }
}

import Foundation
import Storage

/// Every failure the Community domain reports: a stable code, a category and a message fit for a user.
package struct CommunityError: CategorizedError, Equatable, CustomStringConvertible {
    package let category: ErrorCategory
    /// Stable snake_case code, part of the API contract.
    package let code: String
    package let message: String

    package init(_ category: ErrorCategory, _ code: String, _ message: String) {
        self.category = category
        self.code = code
        self.message = message
    }

    package var description: String { message }

    package static func notFound(_ what: String) -> CommunityError {
        CommunityError(.notFound, "\(what)_not_found", "\(what.replacingOccurrences(of: "_", with: " ")) not found")
    }

    package static func invalid(_ field: String, _ message: String) -> CommunityError {
        CommunityError(.invalidInput, "invalid_\(field)", "\(field): \(message)")
    }

    package static func forbidden(_ message: String) -> CommunityError {
        CommunityError(.forbidden, "forbidden", message)
    }

    package static func conflict(_ code: String, _ message: String) -> CommunityError {
        CommunityError(.conflict, code, message)
    }

    package static let unauthenticated = CommunityError(
        .unauthenticated, "unauthenticated", "sign in first")
    package static let badCredentials = CommunityError(
        .unauthenticated, "bad_credentials", "unknown email or wrong password")
}

import Foundation
import Storage

/// Every failure the features report to the person who caused it: a typed code (`ErrorCode`, listed per target
/// with its French text), its category, and a message in English.
package struct CommunityError: CategorizedError, Equatable, CustomStringConvertible {
    package let category: ErrorCategory
    /// Stable snake_case code, part of the API contract.
    package let code: String
    /// In English, for the API, the CLI and the logs.
    package let message: String
    /// In French, for the pages.
    package let frenchMessage: String

    /// `french` replaces the code's French text when the message is already the person's own words (a zone
    /// admin's blocking message).
    package init(_ code: some ErrorCode, _ message: String, french: String? = nil) {
        category = code.category
        self.code = code.code
        self.message = message
        frenchMessage = french ?? code.french
    }

    package var description: String { message }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.category == rhs.category && lhs.code == rhs.code && lhs.message == rhs.message
    }

    package static func forbidden(_ message: String) -> CommunityError { CommunityProblem.forbidden.error(message) }
    package static let unauthenticated = CommunityProblem.unauthenticated.error("sign in first")
    package static let badCredentials = CommunityProblem.badCredentials.error("unknown email or wrong password")
}

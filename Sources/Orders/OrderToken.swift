import Community
import Crypto
import Foundation

/// The link a guest follows to confirm a request: 256 random bits mailed to them; only its SHA-256 is stored, so
/// that a copy of the database does not hold working links.
package enum OrderToken {
    /// A new token, URL-safe.
    package static func make() -> String { AccountService.randomToken() }

    /// The stored form of `token`, in hexadecimal.
    package static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

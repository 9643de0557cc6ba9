import Community
import Crypto
import Foundation

/// Signed links to a person's notice preferences, put in every notice: no sign-in is needed to change them, and
/// nobody can make a valid link for someone else without the hub's key. They do not expire (old mails must work).
package struct NoticeLinks: Sendable {
    private let key: Data

    package init(key: Data) { self.key = key }

    /// `n.42.<signature>`: purpose, person, then 128 bits of HMAC-SHA256 over both.
    package func token(for user: User.ID) -> String {
        let payload = "n.\(user.rawValue)"
        return payload + "." + signature(payload)
    }

    /// The person a token names, if it is genuine.
    package func verify(_ token: String) throws(CommunityError) -> User.ID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.utf8.count < 120, parts[0] == "n", let id = Int64(parts[1]),
            Self.constantTimeEqual(signature("n.\(parts[1])"), String(parts[2]))
        else { throw NoticesProblem.invalidNoticeLink.error("this preferences link is not valid") }
        return User.ID(id)
    }

    private func signature(_ payload: String) -> String {
        // A key of its own for these links: a subscription token can never pass for a preferences token.
        let derived = SymmetricKey(
            data: HMAC<SHA256>.authenticationCode(for: Data("notices".utf8), using: .init(data: key)))
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: derived)
        return Data(mac.prefix(16)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

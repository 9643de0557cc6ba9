import Community
import Crypto
import Foundation

/// Signed, unguessable tokens for the links in mail: no account is needed to confirm or manage a subscription,
/// and nobody can make a valid link for someone else's subscription without the hub's key.
package struct LinkTokens: Sendable {
    package enum Purpose: String, Sendable {
        /// The double opt-in link; it expires.
        case confirm = "c"
        /// Preferences and unsubscription; it lasts as long as the subscription, as old digests' links must work.
        case manage = "m"
    }

    let key: Data
    /// How long a confirmation link stays valid.
    package static let confirmationLifetime: TimeInterval = 7 * 24 * 3600

    package init(key: Data) { self.key = key }

    /// `c.42.1773475200.<signature>`: purpose, subscription, expiry (0 for none), then 128 bits of HMAC-SHA256.
    package func token(_ purpose: Purpose, for id: Subscription.ID, expires: Date? = nil) -> String {
        let payload = "\(purpose.rawValue).\(id.rawValue).\(expires.map { Int64($0.timeIntervalSince1970) } ?? 0)"
        return payload + "." + signature(payload)
    }

    /// The subscription a token names, if it is genuine, for `purpose`, and not expired at `now`.
    package func verify(_ token: String, for purpose: Purpose, now: Date) throws(CommunityError) -> Subscription.ID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, token.utf8.count < 200,
            constantTimeEqual(signature(parts[0..<3].joined(separator: ".")), String(parts[3]))
        else { throw FeedsProblem.invalidLink.error("this link is not valid") }
        guard parts[0] == purpose.rawValue, let id = Int64(parts[1]), let expiry = Int64(parts[2]) else {
            throw FeedsProblem.invalidLink.error("this link is not valid")
        }
        if expiry != 0 && now.timeIntervalSince1970 > TimeInterval(expiry) {
            throw FeedsProblem.expiredLink.error("this link has expired; subscribe again")
        }
        return Subscription.ID(id)
    }

    func signature(_ payload: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: key))
        return Data(mac.prefix(16)).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

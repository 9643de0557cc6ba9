import Community
import Crypto
import Foundation
import HummingbirdBcrypt

/// Passwords with bcrypt (cost 12, salted), session tokens with SHA-256.
struct BcryptHasher: SecretHasher {
    static let cost: UInt8 = 12

    func hashPassword(_ password: String) -> String {
        Bcrypt.hash(password, cost: Self.cost)
    }

    func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    func digest(token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

import Foundation

/// Storage of accounts and their sessions.
package protocol AccountStore: Sendable {
    /// Stores a new account; fails with `email_taken` when the address is already used.
    func create(_ account: NewAccount, at date: Date, actor: User.ID?) async throws -> User
    func user(id: User.ID) async throws -> User?
    /// The account for `email` (case ignored) with its password hash.
    func credentials(email: String) async throws -> (user: User, passwordHash: String)?
    func users(role: Role) async throws -> [User]
    func setPassword(hash: String, for user: User.ID, at date: Date) async throws
    func createSession(tokenDigest: String, user: User.ID, at date: Date, expiresAt: Date) async throws
    /// The signed-in user for a session digest, when the session exists and has not expired at `now`.
    func user(sessionDigest: String, now: Date) async throws -> User?
    func deleteSession(tokenDigest: String) async throws
    /// Ends every session of `user` (signing out everywhere).
    func deleteSessions(of user: User.ID) async throws
    /// Accounts whose address or name contains `text` (case ignored; every account when empty), of `role` when
    /// given, newest first.
    func find(_ text: String, role: Role?, limit: Int) async throws -> [User]
    /// Disables an account (its sessions end at once) or enables it again; audited.
    func setStatus(_ status: AccountStatus, of user: User.ID, by actor: User.ID?, at date: Date) async throws -> User
    /// Makes the account a zone admin of `zone` (a resident becomes a zone admin); audited.
    func grantZone(_ zone: Zone.ID, to user: User.ID, by actor: User.ID?, at date: Date) async throws -> User
    /// Takes `zone` from a zone admin; one left with no zone becomes a resident. Audited.
    func revokeZone(_ zone: Zone.ID, from user: User.ID, by actor: User.ID?, at date: Date) async throws -> User
    /// How many accounts exist, leaving out addresses at `domain` (used to tell demo data from real data).
    func count(excludingDomain domain: String?) async throws -> Int
}

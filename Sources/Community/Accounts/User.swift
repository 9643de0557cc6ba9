import Foundation

/// What a person may do on the hub.
package enum Role: String, Codable, CaseIterable, Sendable {
    /// Installs and runs the hub: everything, everywhere.
    case hubOperator = "operator"
    /// Field admin, scoped to the zones they were given.
    case zoneAdmin = "zone-admin"
    /// Owns one or more merchant profiles and posts for them.
    case merchant
    /// Browses, follows and reports.
    case resident
}

/// Where an account is in its life: only an active account signs in.
package enum AccountStatus: String, Codable, CaseIterable, Sendable {
    case active
    /// Signed up; the address is not confirmed yet.
    case unverified
    /// Confirmed, and waiting for a zone admin's approval (zones that approve new merchants).
    case pending
    /// A zone admin refused the sign-up.
    case refused
    /// Disabled by an operator or a zone admin: signed out everywhere, and cannot sign in.
    case disabled
}

/// A person with an account.
package struct User: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<User>

    package let id: ID
    package let email: String
    package let displayName: String
    package let role: Role
    /// The zones a zone admin administers; empty for other roles.
    package let zoneIDs: Set<Zone.ID>
    package let createdAt: Date
    package let status: AccountStatus

    package init(
        id: ID, email: String, displayName: String, role: Role, zoneIDs: Set<Zone.ID>, createdAt: Date,
        status: AccountStatus = .active
    ) {
        self.id = id
        self.email = email
        self.displayName = displayName
        self.role = role
        self.zoneIDs = zoneIDs
        self.createdAt = createdAt
        self.status = status
    }

    /// Whether this person may administer `zone`.
    package func administers(_ zone: Zone.ID) -> Bool {
        role == .hubOperator || (role == .zoneAdmin && zoneIDs.contains(zone))
    }
}

/// A new account as the operator or a sign-up asks for it, before it is stored.
package struct NewAccount: Sendable {
    package var email: String
    package var displayName: String
    package var role: Role
    package var zoneIDs: Set<Zone.ID>
    package var passwordHash: String

    package init(email: String, displayName: String, role: Role, zoneIDs: Set<Zone.ID>, passwordHash: String) {
        self.email = email
        self.displayName = displayName
        self.role = role
        self.zoneIDs = zoneIDs
        self.passwordHash = passwordHash
    }
}

/// Hashes and checks passwords and digests session tokens; supplied by the executable (bcrypt, SHA-256).
///
/// Hashing and checking a password are slow on purpose, so they are `async`: an implementation does that work away
/// from the threads that serve requests.
package protocol SecretHasher: Sendable {
    func hashPassword(_ password: String) async -> String
    func verify(_ password: String, hash: String) async -> Bool
    /// A one-way digest of a session token, so a stolen database does not hold live tokens.
    func digest(token: String) -> String
}

import Foundation

/// Accounts, passwords and sessions.
package struct AccountService: Sendable {
    /// How long a sign-in lasts.
    package static let sessionLifetime: TimeInterval = 30 * 24 * 3600
    package static let passwordLength = 10...72

    let accounts: any AccountStore
    let zones: any ZoneStore
    let hasher: any SecretHasher
    let clock: any HubClock
    let makeToken: @Sendable () -> String

    package init(
        accounts: any AccountStore, zones: any ZoneStore, hasher: any SecretHasher, clock: any HubClock,
        makeToken: @escaping @Sendable () -> String = AccountService.randomToken
    ) {
        self.accounts = accounts
        self.zones = zones
        self.hasher = hasher
        self.clock = clock
        self.makeToken = makeToken
    }

    /// Creates an account; zone admins need at least one zone, other roles take none.
    package func add(
        email: String, displayName: String?, role: Role, zoneSlugs: [String], password: String, by actor: User.ID?
    ) async throws -> User {
        let email = try Self.normalizedEmail(email)
        try Self.checkPassword(password)
        if role == .zoneAdmin && zoneSlugs.isEmpty {
            throw CommunityField.zone.invalid("a zone admin needs at least one zone (--zone SLUG)")
        }
        if role != .zoneAdmin && !zoneSlugs.isEmpty {
            throw CommunityField.zone.invalid("only zone admins are given zones")
        }
        var zoneIDs: Set<Zone.ID> = []
        for slug in zoneSlugs {
            guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
                throw CommunityNotFound.zone.error("no zone '\(slug.prefix(60))'")
            }
            zoneIDs.insert(zone.id)
        }
        let name = try displayName.map { value throws(CommunityError) in
            try TextRules.line(value, field: CommunityField.name, max: 80)
        }
        let account = NewAccount(
            email: email,
            displayName: name.flatMap { $0.isEmpty ? nil : $0 } ?? String(email.prefix { $0 != "@" }),
            role: role, zoneIDs: zoneIDs, passwordHash: await hasher.hashPassword(password))
        return try await accounts.create(account, at: clock.now(), actor: actor)
    }

    /// A bcrypt hash (cost 12) that no password matches. An unknown address is checked against it, so that a
    /// sign-in costs the same time whether the address has an account or not and timing tells nobody which do.
    package static let noAccountHash = "$2b$12$MauA79jHKNGxs1xNd8x32O0vw9nFDBAIyLQH.qJjimZGtGLNxOgvW"

    /// Checks the password and opens a session; returns the token to hand to the client.
    package func signIn(email: String, password: String) async throws -> (user: User, token: String) {
        let found = try await accounts.credentials(email: email.trimmingCharacters(in: .whitespaces))
        let matches = await hasher.verify(password, hash: found?.passwordHash ?? Self.noAccountHash)
        guard let found, matches else { throw CommunityError.badCredentials }
        try Self.checkCanSignIn(found.user)
        let token = makeToken()
        let now = clock.now()
        try await accounts.createSession(
            tokenDigest: hasher.digest(token: token), user: found.user.id, at: now,
            expiresAt: now.addingTimeInterval(Self.sessionLifetime))
        return (found.user, token)
    }

    /// Refuses an account that is not active; said only to someone who gave its password.
    static func checkCanSignIn(_ user: User) throws(CommunityError) {
        switch user.status {
        case .active: return
        case .unverified: throw CommunityProblem.accountUnverified.error("confirm your email address first")
        case .pending: throw CommunityProblem.accountPending.error("your sign-up waits for a zone admin")
        case .refused, .disabled: throw CommunityProblem.accountDisabled.error("this account is disabled")
        }
    }

    /// The user a session token belongs to, or nil when it is unknown or expired.
    package func user(token: String) async throws -> User? {
        guard !token.isEmpty, token.count <= 200 else { return nil }
        return try await accounts.user(sessionDigest: hasher.digest(token: token), now: clock.now())
    }

    package func signOut(token: String) async throws {
        try await accounts.deleteSession(tokenDigest: hasher.digest(token: token))
    }

    /// Ends every session of `user`, on every device, this one included.
    package func signOutEverywhere(_ user: User) async throws {
        try await accounts.deleteSessions(of: user.id)
    }

    package func changePassword(for user: User, current: String, new: String) async throws {
        guard let found = try await accounts.credentials(email: user.email),
            await hasher.verify(current, hash: found.passwordHash)
        else { throw CommunityError.badCredentials }
        try Self.checkPassword(new)
        try await accounts.setPassword(hash: await hasher.hashPassword(new), for: user.id, at: clock.now())
    }

    /// Whether anyone has an account other than at `domain` (the demo's addresses).
    package func hasAccounts(outside domain: String) async throws -> Bool {
        try await accounts.count(excludingDomain: domain) > 0
    }

    /// The account with `email`, if any.
    package func user(email: String) async throws -> User? {
        try await accounts.credentials(email: email.trimmingCharacters(in: .whitespaces))?.user
    }

    package func users(role: Role) async throws -> [User] {
        try await accounts.users(role: role)
    }

    /// Whether an account uses `email`.
    package func exists(email: String) async throws -> Bool {
        try await user(email: email) != nil
    }

    /// The address trimmed and lower-cased; refused as `field` when it is not an address.
    package static func normalizedEmail(_ email: String, field: some InputField = CommunityField.email)
        throws(CommunityError) -> String
    {
        let trimmed = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard trimmed.count <= 254,
            trimmed.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
        else { throw field.invalid("'\(email.prefix(80))' is not an email address") }
        return trimmed
    }

    /// Refuses, as `field`, a password too short or too long for bcrypt.
    package static func checkPassword(_ password: String, field: some InputField = CommunityField.password)
        throws(CommunityError)
    {
        guard passwordLength.contains(password.utf8.count) else {
            throw field.invalid(
                "must be \(passwordLength.lowerBound) to \(passwordLength.upperBound) bytes long")
        }
    }

    /// 256 random bits, URL-safe.
    package static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

import Foundation

/// The operators' console and the zone admins' view of their merchants: finding accounts, disabling and enabling
/// them, and giving or taking the zones an admin administers. Operators act on every account but their own; a zone
/// admin suspends or reinstates the merchants of their zones, nobody else. `actor` nil is the operator at the
/// command line (`zonehub users`), who may do everything.
package struct AccountAdministration: Sendable {
    let accounts: any AccountStore
    let zones: any ZoneStore
    let merchants: any MerchantStore
    let clock: any HubClock

    package init(accounts: any AccountStore, zones: any ZoneStore, merchants: any MerchantStore, clock: any HubClock) {
        self.accounts = accounts
        self.zones = zones
        self.merchants = merchants
        self.clock = clock
    }

    /// An account of the hub, with the merchant profiles it owns.
    package struct Account: Sendable, Equatable {
        package let user: User
        package let merchants: [Merchant]
    }

    /// Accounts matching `text` (address or name), of `role` when given; for operators.
    package func find(_ text: String, role: Role?, by actor: User?, limit: Int = 100) async throws -> [Account] {
        try requireOperator(actor)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 200 else { throw CommunityField.q.invalid("at most 200 characters") }
        var found: [Account] = []
        for user in try await accounts.find(text, role: role, limit: limit) {
            found.append(Account(user: user, merchants: try await merchants.merchants(ownedBy: user.id)))
        }
        return found
    }

    /// One account, for operators (to lift its sign-in lockout, say).
    package func account(_ id: User.ID, by actor: User?) async throws -> User {
        try requireOperator(actor)
        guard let user = try await accounts.user(id: id) else { throw CommunityNotFound.user.notFound }
        return user
    }

    /// The merchants of `zone` with their owners' accounts, for the zone's admins.
    package func merchantAccounts(of zone: Zone, by actor: User) async throws -> [Account] {
        guard actor.administers(zone.id) else { throw CommunityError.forbidden("you do not administer this zone") }
        let shops = try await merchants.merchants(zoneID: zone.id, category: nil, limit: 1000)
        var owners: [User.ID: [Merchant]] = [:]
        for shop in shops { owners[shop.ownerID, default: []].append(shop) }
        var found: [Account] = []
        for (owner, owned) in owners {
            guard let user = try await accounts.user(id: owner), user.role == .merchant else { continue }
            found.append(Account(user: user, merchants: owned))
        }
        return found.sorted { $0.user.email < $1.user.email }
    }

    /// Disables an account: it cannot sign in, and its sessions end at once.
    package func disable(_ id: User.ID, by actor: User?) async throws -> User {
        let user = try await target(id, by: actor)
        guard user.status == .active else { return user }
        return try await accounts.setStatus(.disabled, of: id, by: actor?.id, at: clock.now())
    }

    /// Enables a disabled account again.
    package func enable(_ id: User.ID, by actor: User?) async throws -> User {
        let user = try await target(id, by: actor)
        guard user.status == .disabled else { return user }
        return try await accounts.setStatus(.active, of: id, by: actor?.id, at: clock.now())
    }

    /// Makes the account an admin of the zone `slug`; for operators.
    package func grant(zone slug: String, to id: User.ID, by actor: User?) async throws -> User {
        try requireOperator(actor)
        return try await accounts.grantZone(try await zone(slug).id, to: id, by: actor?.id, at: clock.now())
    }

    /// Takes the zone `slug` from its admin; for operators.
    package func revoke(zone slug: String, from id: User.ID, by actor: User?) async throws -> User {
        try requireOperator(actor)
        return try await accounts.revokeZone(try await zone(slug).id, from: id, by: actor?.id, at: clock.now())
    }

    /// The account `actor` may disable or enable: any other account for an operator; a merchant with a profile in
    /// one of their zones for a zone admin.
    private func target(_ id: User.ID, by actor: User?) async throws -> User {
        guard let user = try await accounts.user(id: id) else { throw CommunityNotFound.user.notFound }
        guard let actor else { return user }
        guard user.id != actor.id else { throw CommunityError.forbidden("you cannot disable your own account") }
        switch actor.role {
        case .hubOperator:
            return user
        case .zoneAdmin:
            let shops = try await merchants.merchants(ownedBy: user.id)
            guard user.role == .merchant, shops.contains(where: { !Set($0.zoneIDs).isDisjoint(with: actor.zoneIDs) })
            else { throw CommunityError.forbidden("zone admins suspend only the merchants of their zones") }
            return user
        case .merchant, .resident:
            throw CommunityError.forbidden("only operators and zone admins manage accounts")
        }
    }

    private func requireOperator(_ actor: User?) throws(CommunityError) {
        guard actor == nil || actor?.role == .hubOperator else {
            throw CommunityError.forbidden("only hub operators manage accounts")
        }
    }

    private func zone(_ slug: String) async throws -> Zone {
        guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
            throw CommunityNotFound.zone.error("no zone '\(slug.prefix(60))'")
        }
        return zone
    }
}

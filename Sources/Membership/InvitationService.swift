import Community
import Foundation
import Logging

/// Invitations by mail: operators invite zone admins and pop-up organisers of any zone; a zone's admins invite
/// organisers and merchants of their zone. The invited person follows the link and sets a password (or, when their
/// address already has an account, signs in and the role is added to it). Invitations expire, can be revoked, and
/// every step is audited.
package struct InvitationService: Sendable {
    /// How long an invitation's link works.
    package static let lifetime: TimeInterval = 7 * 24 * 3600
    /// Invitations per hour to one address, and from one client.
    package static let perAddress = 3
    package static let perClient = 20
    /// How many invitations an inviter's page lists.
    package static let listed = 200

    let accounts: any AccountStore
    let invitations: any InvitationStore
    let merchants: MerchantService
    let zones: any ZoneStore
    let throttles: any ThrottleStore
    let hasher: any SecretHasher
    let notifier: any MembershipNotifier
    let clock: any HubClock
    let makeToken: @Sendable () -> String
    let logger = Logger(label: "zonehub.invitations")

    package init(
        accounts: any AccountStore, invitations: any InvitationStore, merchants: MerchantService,
        zones: any ZoneStore, throttles: any ThrottleStore, hasher: any SecretHasher, notifier: any MembershipNotifier,
        clock: any HubClock, makeToken: @escaping @Sendable () -> String = AccountService.randomToken
    ) {
        self.accounts = accounts
        self.invitations = invitations
        self.merchants = merchants
        self.zones = zones
        self.throttles = throttles
        self.hasher = hasher
        self.notifier = notifier
        self.clock = clock
        self.makeToken = makeToken
    }

    /// Invites `email` to `role` in the zone `zoneSlug` and mails the link. Inviting the same address again to
    /// the same zone and role replaces the live invitation: only the newest link works.
    package func invite(email input: String, role roleName: String, zoneSlug: String, by actor: User, client: String)
        async throws -> Invitation
    {
        guard actor.role == .hubOperator || actor.role == .zoneAdmin else {
            throw CommunityError.forbidden("only operators and zone admins invite")
        }
        let email = try AccountService.normalizedEmail(input, field: MembershipField.email)
        guard let zone = try await zones.zone(slug: zoneSlug), !zone.isRetired else {
            throw MembershipField.zone.invalid("no zone '\(zoneSlug.prefix(60))'")
        }
        guard actor.administers(zone.id) else { throw CommunityError.forbidden("you do not administer this zone") }
        guard let role = InvitedRole(rawValue: roleName) else {
            throw MembershipField.role.invalid("'\(roleName.prefix(40))' is not a role")
        }
        guard InvitedRole.allowed(for: actor, in: zone.id).contains(role) else {
            throw MembershipProblem.invitationRoleNotAllowed.error("you cannot invite a \(role.english) here")
        }
        try await throttle(email: email, client: client)
        let token = makeToken()
        let now = clock.now()
        let invitation = try await invitations.invite(
            email: email, role: role, zone: zone.id, digest: hasher.digest(token: token), by: actor.id,
            expiresAt: now + Self.lifetime, at: now)
        let hasAccount = try await accounts.credentials(email: email) != nil
        try await notifier.send(
            .invitation(
                email: email, token: token, role: role, zone: zone, inviter: actor.displayName,
                hasAccount: hasAccount))
        return invitation
    }

    /// Revokes a pending invitation: its link stops working at once.
    package func revoke(_ id: Invitation.ID, by actor: User) async throws -> Invitation {
        guard let invitation = try await invitations.invitation(id: id) else {
            throw MembershipNotFound.invitation.notFound
        }
        guard Self.mayRevoke(invitation, by: actor) else {
            throw CommunityError.forbidden("you cannot revoke this invitation")
        }
        return try await invitations.revoke(id, by: actor.id, at: clock.now())
    }

    /// The invitations of `zone`, for its admins; of every zone (`zone` nil), for operators. Newest first.
    package func list(zone: Zone?, by actor: User) async throws -> [Invitation] {
        try Self.checkPage(zone: zone, by: actor)
        return try await invitations.invitations(zone: zone?.id, limit: Self.listed)
    }

    /// Refuses the invitations page of `zone` to whoever does not administer it, and the page of every zone
    /// (`zone` nil, the console's) to whoever is not an operator: what is sent from a page is checked as its list is.
    package static func checkPage(zone: Zone?, by actor: User) throws(CommunityError) {
        if let zone {
            guard actor.administers(zone.id) else { throw CommunityError.forbidden("you do not administer this zone") }
        } else {
            guard actor.role == .hubOperator else { throw CommunityError.forbidden("only operators see every zone") }
        }
    }

    /// Whether `actor` may revoke `invitation`: operators any; a zone's admins those they could have sent.
    package static func mayRevoke(_ invitation: Invitation, by actor: User) -> Bool {
        actor.role == .hubOperator
            || (actor.role == .zoneAdmin && actor.zoneIDs.contains(invitation.zoneID) && invitation.role != .zoneAdmin)
    }

    /// The state of `invitation` now.
    package func state(of invitation: Invitation) -> InvitationState { invitation.state(at: clock.now()) }

    /// Counts one invitation for the address and for the client; refuses past the hourly limits.
    private func throttle(email: String, client: String) async throws {
        try await throttles.limitPerHour(
            [
                ("invitation.account:\(email.prefix(300))", Self.perAddress),
                ("invitation.client:\(client.prefix(100))", Self.perClient),
            ],
            at: clock.now(), message: "too many invitations; try again within the hour")
    }
}

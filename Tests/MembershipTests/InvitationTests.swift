import Community
import Feeds
import Foundation
import HubTestSupport
import Membership
import Storage
import Synchronization
import Testing

/// Invitations on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set), through `InvitationService`
/// over the real store, outbox and throttles: who may invite whom, links that work once until revoked, replaced or
/// expired, the role added to an existing account, and the audit log.
@Suite struct InvitationTests {
    let hub: TestHub
    let service: InvitationService
    /// Tokens are numbered instead of random, so that a test can follow the link it expects.
    let tokens = Tokens()

    final class Tokens: Sendable {
        private let next = Mutex(0)
        func make() -> String {
            "token-"
                + String(
                    next.withLock {
                        $0 += 1
                        return $0
                    })
        }
    }

    /// Passwords are not what these tests are about (bcrypt is the executable's, tested there); digests stay
    /// one-way enough to tell a token from its stored form.
    struct PlainHasher: SecretHasher {
        func hashPassword(_ password: String) async -> String { "hashed:" + password }
        func verify(_ password: String, hash: String) async -> Bool { hash == "hashed:" + password }
        func digest(token: String) -> String { "digest:" + token }
    }

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        let tokens = self.tokens
        service = InvitationService(
            accounts: hub.accountStore, invitations: SQLInvitationStore(database: hub.hubDatabase.sql),
            merchants: hub.merchants, zones: hub.zoneStore, throttles: hub.throttleStore, hasher: PlainHasher(),
            notifier: OutboxMembershipNotifier(
                outbox: hub.outboxStore, baseURL: "https://hub.example", clock: hub.clock),
            clock: hub.clock, makeToken: { tokens.make() })
    }

    func mailText(to email: String) async throws -> String {
        let message = try #require(try await hub.outboxStore.messages(recipient: email).last)
        guard case .notice(_, let text) = message.payload else { return "" }
        return text
    }

    func code(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as CommunityError {
            return error.code
        } catch {
            return "\(error)"
        }
    }

    @Test func anOperatorInvitesAZoneAdminWhoSetsAPasswordAndAdministersTheZone() async throws {
        let op = try await hub.user("op@example.org", role: .hubOperator)
        let sent = try await service.invite(
            email: " Nouvelle.Admin@Example.org ", role: "zone-admin", zoneSlug: "beta", by: op, client: "1.2.3.4")
        #expect(sent.email == "nouvelle.admin@example.org" && sent.role == .zoneAdmin)
        #expect(sent.expiresAt == hub.clock.now() + 7 * 24 * 3600)
        let text = try await mailText(to: "nouvelle.admin@example.org")
        #expect(text.contains("https://hub.example/invitations/accept?token=token-1"))
        #expect(text.contains("administrateur de zone de la zone Beta") && text.contains("zone admin of the zone Beta"))
        // Only the digest is stored.
        #expect(try await hub.texts("SELECT digest FROM invitation") == ["digest:token-1"])

        let preview = try await service.preview(token: "token-1")
        #expect(preview.zone.slug == "beta" && !preview.existingAccount)
        let admin = try await service.accept(
            token: "token-1", answer: InvitationAnswer(password: "un-bon-mot-de-passe"))
        let beta = try #require(try await hub.zoneStore.zone(slug: "beta"))
        #expect(admin.role == .zoneAdmin && admin.status == .active && admin.administers(beta.id))
        #expect(
            try await hub.accountStore.credentials(email: admin.email)?.passwordHash == "hashed:un-bon-mot-de-passe")
        let stored = try #require(try await service.list(zone: nil, by: op).first)
        #expect(service.state(of: stored) == .accepted && stored.acceptedBy == admin.id)
        // The link worked once.
        #expect(await code { _ = try await service.preview(token: "token-1") } == "invitation_invalid")
        #expect(
            await code {
                _ = try await service.accept(token: "token-1", answer: .init(password: "un-autre-mot-de-passe"))
            }
                == "invitation_invalid")
        let actions = try await hub.texts("SELECT action FROM auditEntry ORDER BY id")
        #expect(actions.suffix(4) == ["invitation.send", "user.create", "role.grant", "invitation.accept"])
    }

    @Test func aZoneAdminInvitesAnOrganiserAndAMerchantOfTheirZone() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        _ = try await service.invite(
            email: "orga@example.org", role: "organiser", zoneSlug: "alpha", by: admin, client: "c")
        _ = try await service.invite(
            email: "shop@example.org", role: "merchant", zoneSlug: "alpha", by: admin, client: "c")
        let organiser = try await service.accept(token: "token-1", answer: .init(password: "un-bon-mot-de-passe"))
        #expect(organiser.role == .resident)
        #expect(
            try await hub.number("SELECT count(*) FROM popUpOrganiser WHERE userId = \(organiser.id.rawValue)") == 1)

        let badShop = InvitationAnswer(
            password: "un-bon-mot-de-passe", shopName: "Épicerie", category: "alimentation", commune: "Beauvais",
            postcode: "60000")
        #expect(await code { _ = try await service.accept(token: "token-2", answer: badShop) } == "invalid_commune")
        var shop = badShop
        (shop.commune, shop.postcode) = ("Corbeil-Essonnes", "91100")
        let merchant = try await service.accept(token: "token-2", answer: shop)
        #expect(merchant.role == .merchant && merchant.status == .active && merchant.displayName == "Épicerie")
        let owned = try await hub.merchantStore.merchants(ownedBy: merchant.id)
        let alpha = try #require(try await hub.zoneStore.zone(slug: "alpha"))
        #expect(owned.map(\.profile.name) == ["Épicerie"] && owned.first?.zoneIDs == [alpha.id])
        #expect(try await service.list(zone: alpha, by: admin).map { service.state(of: $0) } == [.accepted, .accepted])
    }

    @Test func inviterscannotGoBeyondTheirRolesOrZonesAndNothingIsWritten() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let op = try await hub.user("op@example.org", role: .hubOperator)
        let merchant = try await hub.user("shop@example.org", role: .merchant)
        let audit = try await hub.number("SELECT count(*) FROM auditEntry")
        let cases: [(User, String, String, String, String)] = [
            (admin, "x@example.org", "zone-admin", "alpha", "invitation_role_not_allowed"),
            (admin, "x@example.org", "organiser", "beta", "forbidden"),
            (op, "x@example.org", "merchant", "beta", "invitation_role_not_allowed"),
            (merchant, "x@example.org", "organiser", "alpha", "forbidden"),
            (op, "pas-une-adresse", "organiser", "beta", "invalid_email"),
            (op, "x@example.org", "organiser", "atlantide", "invalid_zone"),
            (op, "x@example.org", "maire", "beta", "invalid_role"),
        ]
        for (actor, email, role, zone, expected) in cases {
            let found = await code {
                _ = try await service.invite(email: email, role: role, zoneSlug: zone, by: actor, client: "c")
            }
            #expect(found == expected, "\(actor.email) \(role) \(zone)")
        }
        #expect(try await hub.number("SELECT count(*) FROM invitation") == 0)
        #expect(try await hub.number("SELECT count(*) FROM throttleCount") == 0)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry") == audit)
        #expect(try await hub.outboxStore.messages(recipient: "x@example.org").isEmpty)
        #expect(await code { _ = try await service.list(zone: nil, by: admin) } == "forbidden")
    }

    @Test func invitingAgainReplacesTheLiveInvitation() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let first = try await service.invite(
            email: "orga@example.org", role: "organiser", zoneSlug: "alpha", by: admin, client: "c")
        hub.clock.advance(by: 60)
        let second = try await service.invite(
            email: "ORGA@example.org", role: "organiser", zoneSlug: "alpha", by: admin, client: "c")
        #expect(second.id == first.id && second.expiresAt == first.expiresAt + 60)
        #expect(try await hub.number("SELECT count(*) FROM invitation") == 1)
        #expect(await code { _ = try await service.preview(token: "token-1") } == "invitation_invalid")
        #expect(try await service.preview(token: "token-2").invitation.id == first.id)
        // Another role is another invitation.
        _ = try await service.invite(
            email: "orga@example.org", role: "merchant", zoneSlug: "alpha", by: admin, client: "c")
        #expect(try await hub.number("SELECT count(*) FROM invitation") == 2)
    }

    @Test func revokedAndExpiredInvitationsCannotBeUsed() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let other = try await hub.user("other@example.org", role: .zoneAdmin, zones: ["beta"])
        let revoked = try await service.invite(
            email: "a@example.org", role: "organiser", zoneSlug: "alpha", by: admin, client: "c")
        _ = try await service.invite(
            email: "b@example.org", role: "organiser", zoneSlug: "alpha", by: admin, client: "c")
        #expect(await code { _ = try await service.revoke(revoked.id, by: other) } == "forbidden")
        let done = try await service.revoke(revoked.id, by: admin)
        #expect(service.state(of: done) == .revoked && done.revokedBy == admin.id)
        #expect(await code { _ = try await service.revoke(revoked.id, by: admin) } == "invitation_not_live")
        #expect(
            await code {
                _ = try await service.accept(token: "token-1", answer: .init(password: "un-bon-mot-de-passe"))
            }
                == "invitation_invalid")
        hub.clock.advance(by: 7 * 24 * 3600)
        #expect(
            await code {
                _ = try await service.accept(token: "token-2", answer: .init(password: "un-bon-mot-de-passe"))
            }
                == "invitation_invalid")
        let states = try await service.list(zone: try await hub.zoneStore.zone(slug: "alpha"), by: admin)
            .map { service.state(of: $0) }
        #expect(states == [.expired, .revoked])
        #expect(try await hub.accountStore.credentials(email: "a@example.org") == nil)
        #expect(try await hub.accountStore.credentials(email: "b@example.org") == nil)
        #expect(await code { _ = try await service.revoke(Invitation.ID(4242), by: admin) } == "invitation_not_found")
    }

    @Test func anAddressWithAnAccountGetsTheRoleAddedToIt() async throws {
        let op = try await hub.user("op@example.org", role: .hubOperator)
        let resident = try await hub.user("habitant@example.org", role: .resident)
        let merchant = try await hub.user("shop@example.org", role: .merchant)
        _ = try await service.invite(
            email: "habitant@example.org", role: "zone-admin", zoneSlug: "beta", by: op, client: "c")
        #expect(try await mailText(to: "habitant@example.org").contains("Vous avez déjà un compte"))
        #expect(try await service.preview(token: "token-1").existingAccount)
        #expect(
            await code {
                _ = try await service.accept(token: "token-1", answer: .init(password: "un-bon-mot-de-passe"))
            }
                == "email_taken")
        #expect(
            await code { _ = try await service.accept(token: "token-1", shop: .init(password: ""), as: merchant) }
                == "invitation_other_account")
        let promoted = try await service.accept(token: "token-1", shop: .init(password: ""), as: resident)
        #expect(promoted.id == resident.id && promoted.role == .zoneAdmin && promoted.zoneIDs.count == 1)
        #expect(try await hub.number("SELECT count(*) FROM \"user\"") == 3)

        _ = try await service.invite(
            email: "shop@example.org", role: "zone-admin", zoneSlug: "beta", by: op, client: "c")
        #expect(
            await code { _ = try await service.accept(token: "token-2", shop: .init(password: ""), as: merchant) }
                == "invitation_role_conflict")
        #expect(try await service.preview(token: "token-2").invitation.acceptedAt == nil)
    }

    @Test func aLinkBroughtTwiceAtOnceMakesOneAccount() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        _ = try await service.invite(
            email: "orga@example.org", role: "organiser", zoneSlug: "alpha", by: admin, client: "c")
        let service = self.service
        let attempts = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 1...4 {
                group.addTask {
                    do {
                        _ = try await service.accept(token: "token-1", answer: .init(password: "un-bon-mot-de-passe"))
                        return true
                    } catch let error as CommunityError {
                        #expect(["invitation_invalid", "email_taken"].contains(error.code), "\(error)")
                        return false
                    }
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(attempts.filter { $0 }.count == 1)
        #expect(try await hub.number("SELECT count(*) FROM \"user\" WHERE email = 'orga@example.org'") == 1)
        #expect(try await hub.number("SELECT count(*) FROM popUpOrganiser") == 1)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'invitation.accept'") == 1)
    }

    @Test func invitationsAreThrottledPerAddressAndPerClient() async throws {
        let op = try await hub.user("op@example.org", role: .hubOperator)
        for _ in 1...InvitationService.perAddress {
            _ = try await service.invite(
                email: "a@example.org", role: "organiser", zoneSlug: "beta", by: op, client: "c1")
        }
        #expect(
            await code {
                _ = try await service.invite(
                    email: "a@example.org", role: "organiser", zoneSlug: "beta", by: op, client: "c2")
            } == "rate_limited")
        for index in 1...InvitationService.perClient - InvitationService.perAddress {
            _ = try await service.invite(
                email: "p\(index)@example.org", role: "organiser", zoneSlug: "beta", by: op, client: "c1")
        }
        #expect(
            await code {
                _ = try await service.invite(
                    email: "last@example.org", role: "organiser", zoneSlug: "beta", by: op, client: "c1")
            } == "rate_limited")
        #expect(try await hub.outboxStore.messages(recipient: "last@example.org").isEmpty)
        #expect(
            try await hub.number("SELECT count(*) FROM invitation") == 1 + InvitationService.perClient
                - InvitationService.perAddress)
    }
}

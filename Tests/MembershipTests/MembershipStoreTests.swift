import Community
import Foundation
import HubTestSupport
import Membership
import Storage
import Testing

/// The membership store on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set): links work once,
/// for their own account, until they expire or a newer one replaces them; decisions are taken once.
@Suite struct MembershipStoreTests {
    let hub: TestHub
    let store: SQLMembershipStore

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        store = SQLMembershipStore(database: hub.hubDatabase.sql)
    }

    func signUp(_ email: String, token: String = "digest-1", zone: String = "beta") async throws -> User {
        let zoneID = try #require(try await hub.zoneStore.zone(slug: zone)).id
        let commune = zone == "alpha" ? ("Corbeil-Essonnes", "91100") : ("Beauvais", "60000")
        return try await store.createSignUp(
            NewAccount(email: email, displayName: "Fromagerie", role: .merchant, zoneIDs: [], passwordHash: "h"),
            shop: ShopRequest(
                name: "Fromagerie", category: .alimentation, zoneID: zoneID, commune: commune.0, postcode: commune.1),
            token: token, expiresAt: hub.clock.now() + 3600, at: hub.clock.now())
    }

    func newMerchant(slug: String = "fromagerie", zone: String = "beta") async throws -> NewMerchant {
        let zoneID = try #require(try await hub.zoneStore.zone(slug: zone)).id
        return NewMerchant(
            slug: slug,
            profile: MerchantProfile(
                name: "Fromagerie", categories: [.alimentation], commune: "Beauvais", postcode: "60000",
                zones: [zone]),
            zoneIDs: [zoneID])
    }

    @Test func aSignUpIsUnverifiedAndCannotSignInOrHoldASession() async throws {
        let user = try await signUp("fromagerie@example.org")
        #expect(user.status == .unverified)
        #expect(user.role == .merchant)
        try await hub.accountStore.createSession(
            tokenDigest: "s", user: user.id, at: hub.clock.now(), expiresAt: hub.clock.now() + 60)
        #expect(try await hub.accountStore.user(sessionDigest: "s", now: hub.clock.now()) == nil)
        #expect(try await store.pendingSignUps(zones: nil).isEmpty)
    }

    @Test func theSameAddressCannotSignUpTwice() async throws {
        _ = try await signUp("fromagerie@example.org")
        await #expect(throws: CommunityError.self) { try await signUp("Fromagerie@Example.org", token: "digest-2") }
        #expect(try await hub.number("SELECT count(*) FROM signUp") == 1)
    }

    @Test func aConfirmedSignUpWaitsForItsZoneAndTheLinkWorksOnce() async throws {
        let user = try await signUp("fromagerie@example.org")
        #expect(try await store.tokenOwner("digest-1", purpose: .verify, now: hub.clock.now()) == user.id)
        #expect(try await store.tokenOwner("digest-1", purpose: .reset, now: hub.clock.now()) == nil)
        let confirmed = try await store.confirm("digest-1", user: user.id, merchant: nil, now: hub.clock.now())
        #expect(confirmed.status == .pending)
        let waiting = try await store.pendingSignUps(zones: nil)
        #expect(waiting.map(\.user.id) == [user.id])
        #expect(waiting.first?.shop.name == "Fromagerie")
        #expect(waiting.first?.verifiedAt == hub.clock.now())
        let beta = try #require(try await hub.zoneStore.zone(slug: "beta")).id
        let alpha = try #require(try await hub.zoneStore.zone(slug: "alpha")).id
        #expect(try await store.pendingSignUps(zones: [beta]).count == 1)
        #expect(try await store.pendingSignUps(zones: [alpha]).isEmpty)
        await #expect {
            try await store.confirm("digest-1", user: user.id, merchant: nil, now: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "link_invalid" }
    }

    @Test func anExpiredOrForeignOrReplacedLinkIsRefusedAndChangesNothing() async throws {
        let user = try await signUp("fromagerie@example.org")
        let other = try await signUp("boulangerie@example.org", token: "digest-other")
        // Someone else's link does not confirm this account.
        await #expect {
            try await store.confirm("digest-other", user: user.id, merchant: nil, now: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "link_invalid" }
        // A newer link replaces the first.
        try await store.issueToken(
            "digest-2", purpose: .verify, user: user.id, expiresAt: hub.clock.now() + 3600, at: hub.clock.now())
        await #expect {
            try await store.confirm("digest-1", user: user.id, merchant: nil, now: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "link_invalid" }
        // An expired one is refused.
        hub.clock.advance(by: 3601)
        await #expect {
            try await store.confirm("digest-2", user: user.id, merchant: nil, now: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "link_invalid" }
        #expect(try await hub.accountStore.user(id: user.id)?.status == .unverified)
        #expect(try await hub.accountStore.user(id: other.id)?.status == .unverified)
        #expect(try await hub.number("SELECT count(*) FROM signUp WHERE verifiedAt IS NOT NULL") == 0)
    }

    @Test func aConfirmationInAnOpenZoneActivatesTheAccountWithItsShop() async throws {
        let user = try await signUp("fromagerie@example.org")
        let confirmed = try await store.confirm(
            "digest-1", user: user.id, merchant: try await newMerchant(), now: hub.clock.now())
        #expect(confirmed.status == .active)
        let shop = try #require(try await hub.merchantStore.merchant(slug: "fromagerie"))
        #expect(shop.ownerID == user.id)
        #expect(try await store.signUp(user: user.id)?.merchantID == shop.id)
        #expect(try await store.pendingSignUps(zones: nil).isEmpty)
    }

    @Test func anApprovalIsTakenOnceAndCreatesTheShop() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["beta"])
        let user = try await signUp("fromagerie@example.org")
        _ = try await store.confirm("digest-1", user: user.id, merchant: nil, now: hub.clock.now())
        let shop = try await store.approve(
            user: user.id, merchant: try await newMerchant(), by: admin.id, at: hub.clock.now())
        #expect(shop.ownerID == user.id)
        #expect(try await hub.accountStore.user(id: user.id)?.status == .active)
        await #expect {
            try await store.approve(
                user: user.id, merchant: try await newMerchant(slug: "autre"), by: admin.id, at: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "sign_up_decided" }
        await #expect {
            try await store.refuse(user: user.id, reason: "non", by: admin.id, at: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "sign_up_decided" }
        #expect(try await hub.number("SELECT count(*) FROM merchant") == 1)
        let actions = try await hub.audit.entries(zoneID: nil, limit: 20).map(\.action)
        #expect(actions.contains("account.approve"))
        #expect(actions.contains("account.verify"))
        #expect(actions.contains("account.sign-up"))
    }

    @Test func aRefusalKeepsTheAccountOutWithItsReason() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["beta"])
        let user = try await signUp("fromagerie@example.org")
        await #expect {
            try await store.refuse(user: user.id, reason: "trop tôt", by: admin.id, at: hub.clock.now())
        } throws: { ($0 as? CommunityError)?.code == "sign_up_decided" }
        _ = try await store.confirm("digest-1", user: user.id, merchant: nil, now: hub.clock.now())
        try await store.refuse(user: user.id, reason: "Commerce hors de la zone", by: admin.id, at: hub.clock.now())
        #expect(try await hub.accountStore.user(id: user.id)?.status == .refused)
        #expect(try await store.signUp(user: user.id)?.reason == "Commerce hors de la zone")
        #expect(try await store.pendingSignUps(zones: nil).isEmpty)
        #expect(try await hub.number("SELECT count(*) FROM merchant") == 0)
    }

    @Test func aResetLinkSetsThePasswordOnceAndEndsEverySession() async throws {
        let user = try await hub.user("marchand@example.org", role: .merchant)
        try await hub.accountStore.createSession(
            tokenDigest: "s", user: user.id, at: hub.clock.now(), expiresAt: hub.clock.now() + 600)
        try await store.issueToken(
            "reset-1", purpose: .reset, user: user.id, expiresAt: hub.clock.now() + 3600, at: hub.clock.now())
        // A verification link is not a reset link.
        await #expect { try await store.resetPassword("digest-x", hash: "new", now: hub.clock.now()) } throws: {
            ($0 as? CommunityError)?.code == "link_invalid"
        }
        let reset = try await store.resetPassword("reset-1", hash: "new-hash", now: hub.clock.now())
        #expect(reset.id == user.id)
        #expect(try await hub.accountStore.credentials(email: user.email)?.passwordHash == "new-hash")
        #expect(try await hub.accountStore.user(sessionDigest: "s", now: hub.clock.now()) == nil)
        await #expect { try await store.resetPassword("reset-1", hash: "again", now: hub.clock.now()) } throws: {
            ($0 as? CommunityError)?.code == "link_invalid"
        }
        #expect(try await hub.accountStore.credentials(email: user.email)?.passwordHash == "new-hash")
    }

    @Test func anAddressLinkMovesTheAccountOnceUnlessTheAddressWasTakenMeanwhile() async throws {
        let user = try await hub.user("ancienne@example.org", role: .merchant)
        try await store.issueEmailChange(
            "email-1", user: user.id, newEmail: "nouvelle@example.org", expiresAt: hub.clock.now() + 60,
            at: hub.clock.now())
        let (moved, previous) = try await store.changeEmail("email-1", now: hub.clock.now())
        #expect(moved.email == "nouvelle@example.org" && previous == "ancienne@example.org")
        await #expect { try await store.changeEmail("email-1", now: hub.clock.now()) } throws: {
            ($0 as? CommunityError)?.code == "link_invalid"
        }
        try await store.issueEmailChange(
            "email-2", user: user.id, newEmail: "prise@example.org", expiresAt: hub.clock.now() + 60,
            at: hub.clock.now())
        _ = try await hub.user("prise@example.org", role: .resident)
        await #expect { try await store.changeEmail("email-2", now: hub.clock.now()) } throws: {
            ($0 as? CommunityError)?.code == "email_taken"
        }
        #expect(try await hub.accountStore.user(id: user.id)?.email == "nouvelle@example.org")
    }
}

import Community
import Foundation
import HubTestSupport
import Membership
import Storage
import Testing

/// Residents' accounts and deleting an account, on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is
/// set): a resident's confirmed address brings its digest subscription with it; a deleted account keeps its id
/// and nothing else, and takes its own shops and posts off the hub.
@Suite struct AccountDeletionTests {
    let hub: TestHub
    let store: SQLMembershipStore

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        store = SQLMembershipStore(database: hub.hubDatabase.sql)
    }

    func resident(_ email: String, token: String = "digest-r") async throws -> User {
        try await store.createResident(
            NewAccount(email: email, displayName: "Camille", role: .resident, zoneIDs: [], passwordHash: "h"),
            token: token, expiresAt: hub.clock.now() + 3600, at: hub.clock.now())
    }

    /// A confirmed digest subscription of `email`, as the subscription pages leave it.
    func subscribe(_ email: String) async throws {
        try await hub.execute(
            """
            INSERT INTO subscription (email, homeZoneId, frequency, status, createdAt, updatedAt, confirmedAt)
            VALUES ('\(email)', (SELECT id FROM zone WHERE slug = 'alpha'), 'weekly', 'confirmed',
              CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """)
    }

    @Test func aResidentIsActiveOnceConfirmedAndTheirSubscriptionIsAttached() async throws {
        try await subscribe("camille@example.org")
        let user = try await resident("Camille@Example.org")
        #expect(user.status == .unverified)
        #expect(user.role == .resident)
        #expect(try await store.signUp(user: user.id) == nil)
        #expect(try await hub.number("SELECT count(*) FROM subscription WHERE userId IS NOT NULL") == 0)
        let confirmed = try await store.confirmResident("digest-r", user: user.id, now: hub.clock.now())
        #expect(confirmed.status == .active)
        #expect(try await hub.number("SELECT count(*) FROM subscription WHERE userId = \(user.id)") == 1)
        await #expect(throws: CommunityError.self) {
            try await store.confirmResident("digest-r", user: user.id, now: hub.clock.now())
        }
    }

    @Test func deletingAMerchantEmptiesTheRowHidesTheShopWithdrawsPostsAndEndsTheSubscription() async throws {
        let owner = try await hub.user("fromagerie@example.org", role: .merchant)
        let shop = try await hub.merchant("Fromagerie Dupont", owner: owner)
        let draft = try await hub.posts().create(Samples.offer(), merchantSlug: shop.slug, zoneSlug: "alpha", by: owner)
        _ = try await hub.posts().submit(draft.id, by: owner)
        try await subscribe("fromagerie@example.org")
        try await hub.accountStore.createSession(
            tokenDigest: "s", user: owner.id, at: hub.clock.now(), expiresAt: hub.clock.now() + 600)
        // A listing an admin imported stays listed, to be claimed, even though the admin leaves.
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let imported = try await hub.merchant(
            "Boulangerie Martin", owner: try await hub.user("import@example.org", role: .merchant))
        try await hub.execute(
            "UPDATE merchant SET ownerId = \(admin.id), claimable = (1 = 1) WHERE id = \(imported.id)")
        try await hub.execute(
            """
            INSERT INTO noticePreference (userId, kind, delivery, updatedAt)
            VALUES (\(owner.id), 'decision-marche', 'daily', CURRENT_TIMESTAMP)
            """)
        let auditBefore = try await hub.number("SELECT count(*) FROM auditEntry")

        let deletion = try await store.deleteAccount(owner.id, at: hub.clock.now())
        #expect(deletion == AccountDeletion(postsWithdrawn: 1, listingsHidden: 1, subscriptionsEnded: 1))

        let row = try #require(try await hub.accountStore.user(id: owner.id))
        #expect(row.email == "deleted-\(owner.id)@deleted.invalid")
        #expect(row.displayName == "Compte supprimé")
        #expect(row.status == .disabled)
        #expect(try await hub.accountStore.credentials(email: "fromagerie@example.org") == nil)
        #expect(try await hub.accountStore.user(sessionDigest: "s", now: hub.clock.now()) == nil)
        #expect(try await hub.number("SELECT count(*) FROM noticePreference") == 0)
        let hidden = try #require(try await hub.merchantStore.merchant(id: shop.id))
        #expect(hidden.hiddenAt == hub.clock.now())
        #expect(hidden.profile.email == nil && hidden.profile.phone == nil && hidden.profile.description.isEmpty)
        #expect(try await hub.texts("SELECT status FROM post WHERE merchantId = \(shop.id)") == ["withdrawn"])
        #expect(try await hub.texts("SELECT status FROM subscription") == ["unsubscribed"])
        #expect(
            try await hub.texts("SELECT action FROM consentEvent ORDER BY id") == ["unsubscribed"])
        let listed = try await hub.merchantStore.merchants(zoneID: nil, category: nil, limit: 10)
        #expect(listed.map(\.slug) == [imported.slug])
        // The audit log only grows: one entry for the deletion, the earlier ones untouched.
        #expect(try await hub.number("SELECT count(*) FROM auditEntry") == auditBefore + 1)
        #expect(try await hub.texts("SELECT action FROM auditEntry ORDER BY id DESC LIMIT 1") == ["account.delete"])

        // The imported listing's admin leaves too: it stays listed, owned by the emptied row until claimed.
        let adminDeletion = try await store.deleteAccount(admin.id, at: hub.clock.now())
        #expect(adminDeletion.listingsHidden == 0)
        #expect(
            try await hub.merchantStore.merchants(zoneID: nil, category: nil, limit: 10).map(\.slug) == [imported.slug])
    }

    @Test func theInvitationsAPersonSentOrWasSentStopWorkingAndForgetTheAddress() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let other = try await hub.user("autre.admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let invited = try await resident("camille@example.org")
        for (digest, email, inviter) in [("sent", "lea@example.org", admin), ("received", "camille@example.org", other)] {
            try await hub.execute(
                """
                INSERT INTO invitation (digest, email, role, zoneId, invitedBy, createdAt, expiresAt)
                VALUES ('\(digest)', '\(email)', 'organiser', (SELECT id FROM zone WHERE slug = 'alpha'),
                  \(inviter.id), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
                """)
        }
        _ = try await store.deleteAccount(admin.id, at: hub.clock.now())
        #expect(try await hub.texts("SELECT digest FROM invitation WHERE revokedAt IS NOT NULL") == ["sent"])
        _ = try await store.deleteAccount(invited.id, at: hub.clock.now())
        #expect(try await hub.number("SELECT count(*) FROM invitation WHERE revokedAt IS NOT NULL") == 2)
        #expect(
            try await hub.texts("SELECT email FROM invitation WHERE digest = 'received'")
                == ["deleted-\(invited.id)@deleted.invalid"])
    }

    @Test func anAccountIsDeletedOnceAndAnUnknownOneIsNotFound() async throws {
        let user = try await resident("camille@example.org")
        _ = try await store.deleteAccount(user.id, at: hub.clock.now())
        await #expect(throws: CommunityError.self) { try await store.deleteAccount(user.id, at: hub.clock.now()) }
        await #expect(throws: CommunityError.self) {
            try await store.deleteAccount(User.ID(999_999), at: hub.clock.now())
        }
        // The address is free again: the person may come back with a new account.
        _ = try await resident("camille@example.org", token: "digest-2")
    }
}

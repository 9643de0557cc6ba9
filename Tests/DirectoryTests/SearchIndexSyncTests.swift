import Directory
import Foundation
import GRDB
import HubTestSupport
import Testing

@testable import Community
@testable import Storage

/// The search indexes follow every change to merchants and posts, whichever way it is written.
@Suite struct SearchIndexSyncTests {
    let hub: TestHub
    let owner: User
    let shop: Merchant

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("marchand@example.org", role: .merchant)
        shop = try await hub.merchant("Fromagerie Dubois", owner: owner, description: "Comté affiné.")
    }

    func found(_ text: String, kind: SearchKind? = nil) async throws -> [SearchResult] {
        try await hub.search.run(SearchQuery(text: text, kind: kind)).results
    }

    func publish(_ title: String, validUntil: Date? = nil) async throws -> Post {
        let draft = try await hub.posts().create(
            Samples.offer(title, validUntil: validUntil), merchantSlug: shop.slug, zoneSlug: "alpha", by: owner)
        return try await hub.posts().submit(draft.id, by: owner)
    }

    /// Rows of each index: no entry is left behind or doubled by the triggers.
    func indexCounts() async throws -> (merchants: Int, posts: Int) {
        (
            try await hub.number(
                "SELECT count(*) FROM merchantSearch",
                postgres: "SELECT count(*) FROM searchEntry WHERE kind = 'merchant'"),
            try await hub.number(
                "SELECT count(*) FROM postSearch", postgres: "SELECT count(*) FROM searchEntry WHERE kind = 'post'")
        )
    }

    @Test func editingAMerchantReplacesItsEntry() async throws {
        var profile = shop.profile
        profile.name = "Crèmerie Dubois"
        profile.description = "Beurre de baratte."
        profile.categories = [.restauration]
        _ = try await hub.merchants.update(shop.slug, with: profile, by: owner)
        #expect(try await found("fromagerie").isEmpty)
        #expect(try await found("comte").isEmpty)
        #expect(try await found("cremerie baratte").count == 1)
        #expect(try await hub.search.run(SearchQuery(text: "dubois", category: .alimentation)).results.isEmpty)
        #expect(try await hub.search.run(SearchQuery(text: "dubois", category: .restauration)).results.count == 1)
        #expect(try await indexCounts().merchants == 1)
    }

    @Test func onlyPublishedPostsAreFound() async throws {
        let draft = try await hub.posts().create(
            Samples.offer("Raclette party"), merchantSlug: shop.slug, zoneSlug: "alpha", by: owner)
        #expect(try await found("raclette").isEmpty)
        _ = try await hub.posts().submit(draft.id, by: owner)
        #expect(
            try await found("raclette", kind: .offer) == [
                .post(try #require(try await hub.postStore.post(id: draft.id)))
            ])
    }

    @Test func editingAPublishedPostReplacesItsEntry() async throws {
        let post = try await publish("Plateau de chèvres")
        _ = try await hub.posts().edit(post.id, content: Samples.offer("Plateau de brebis"), by: owner)
        #expect(try await found("chevres").isEmpty)
        #expect(try await found("brebis").count == 1)
        #expect(try await indexCounts().posts == 1)
    }

    @Test func anExpiredOfferLeavesTheResultsAtOnceAndTheIndexWithTheSweep() async throws {
        _ = try await publish("Mont d'or", validUntil: hub.clock.now().addingTimeInterval(60))
        #expect(try await found("mont", kind: .offer).count == 1)
        hub.clock.advance(by: 60)
        #expect(try await found("mont", kind: .offer).isEmpty)
        _ = try await hub.posts().advance()
        #expect(try await indexCounts().posts == 0)
    }

    @Test func withdrawnAndRemovedPostsLeaveTheIndex() async throws {
        let withdrawn = try await publish("Tomme de Savoie")
        let removed = try await publish("Tomme des Pyrénées")
        _ = try await hub.posts().withdraw(withdrawn.id, by: owner)
        _ = try await hub.postStore.transition(
            removed.id, from: .published, to: .removed, heldReasons: [], action: .postWithdraw, by: nil,
            at: hub.clock.now())
        #expect(try await found("tomme").isEmpty)
        #expect(try await indexCounts().posts == 0)
    }

    @Test func renamingAMerchantRenamesItInItsPostsEntries() async throws {
        _ = try await publish("Plateau apéritif")
        var profile = shop.profile
        profile.name = "Maison Lenoir"
        _ = try await hub.merchants.update(shop.slug, with: profile, by: owner)
        #expect(try await found("plateau lenoir", kind: .offer).count == 1)
        #expect(try await found("plateau dubois", kind: .offer).isEmpty)
        #expect(try await indexCounts().posts == 1)
    }

    @Test func theMigrationIndexesMerchantsAndPublishedPostsThatExistedBefore() async throws {
        let queue = try DatabaseQueue()
        try SQLiteDatabase.migrator.migrate(queue, upTo: "v4-mail")
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO zone (id, slug, name, definition, createdAt, updatedAt)
                      VALUES (1, 'alpha', 'Alpha', '{}', '2026-01-01', '2026-01-01');
                    INSERT INTO user (id, email, displayName, role, passwordHash, createdAt)
                      VALUES (1, 'm@example.org', 'M', 'merchant', 'x', '2026-01-01');
                    INSERT INTO merchant (id, ownerId, slug, name, profile, createdAt, updatedAt)
                      VALUES (1, 1, 'epicerie', 'Épicerie Fine', json('{"description": "Thés", "commune": "Évry-Courcouronnes",
                        "postcode": "91000", "address": ""}'), '2026-01-01', '2026-01-02');
                    INSERT INTO merchantZone VALUES (1, 1);
                    INSERT INTO post (zoneId, merchantId, kind, title, body, category, status, createdAt, updatedAt,
                      publishedAt)
                      VALUES (1, 1, 'news', 'Arrivage de thés', '', 'alimentation', 'published', '2026-01-01',
                        '2026-01-01', '2026-01-01'),
                      (1, 1, 'news', 'Brouillon sur les thés', '', 'alimentation', 'draft', '2026-01-01',
                        '2026-01-01', NULL);
                    """)
        }
        try SQLiteDatabase.migrator.migrate(queue)
        let (key, merchants, posts) = try await queue.read { db in
            (
                try String.fetchOne(db, sql: "SELECT communeKey FROM merchant"),
                try Int64.fetchAll(db, sql: "SELECT rowid FROM merchantSearch WHERE merchantSearch MATCH 'epicerie'"),
                try Int64.fetchAll(
                    db,
                    sql: "SELECT rowid FROM postSearch WHERE postSearch MATCH 'thes AND facets : cmevrycourcouronnes'")
            )
        }
        #expect(key == "evry courcouronnes")
        #expect(merchants == [-1])
        #expect(posts == [-1])
    }
}

import Community
import Foundation
import HubTestSupport
import Storage
import Testing

@testable import zonehub

/// `SQLReachStore` on SQLite, and on PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set.
@Suite struct ReachStoreContractTests {
    /// A hub with a merchant of `alpha` and one published post.
    func hub(onDisk: Bool = false) async throws -> (TestHub, Merchant, Post) {
        let hub = try await TestHub.contract(onDisk: onDisk)
        try await hub.seedZones()
        let owner = try await hub.user("fromagerie@example.org", role: .merchant)
        let merchant = try await hub.merchant("Fromagerie", owner: owner)
        let posts = hub.posts()
        let draft = try await posts.create(Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        return (hub, merchant, try await posts.submit(draft.id, by: owner))
    }

    func tally(_ post: Post.ID, _ merchant: Merchant.ID, day: String = "2026-03-14", views: Int = 1) -> ReachTally {
        var tally = ReachTally()
        tally.posts[.init(id: post, day: day)] = .init(views: views, feedFetches: 2, digests: 1)
        tally.listings[.init(id: merchant, day: day)] = .init(views: views, clicks: 1)
        return tally
    }

    @Test func flushesAddUpAndCountsOfThingsThatDoNotExistAreDropped() async throws {
        let (hub, merchant, post) = try await hub()
        let store = SQLReachStore(database: hub.hubDatabase.sql)
        try await store.add(tally(post.id, merchant.id, views: 3))
        var second = tally(post.id, merchant.id, views: 2)
        second.posts[.init(id: Post.ID(999_999), day: "2026-03-14")] = .init(views: 5)
        second.listings[.init(id: Merchant.ID(999_999), day: "2026-03-14")] = .init(views: 5)
        second.posts[.init(id: post.id, day: "2026-03-15")] = .init(views: 1)
        try await store.add(second)
        try await store.add(ReachTally())
        let days = try await store.days(merchant: merchant.id, from: "2026-03-01", through: "2026-03-31")
        #expect(
            days == [
                ReachDayCounts(day: "2026-03-14", postViews: 5, listingViews: 5, clicks: 2, feedFetches: 4, digests: 2),
                ReachDayCounts(day: "2026-03-15", postViews: 1),
            ])
        let posts = try await store.posts(merchant: merchant.id, from: "2026-03-14", through: "2026-03-14")
        #expect(posts == [post.id: .init(views: 5, feedFetches: 4, digests: 2)])
        #expect(try await hub.number("SELECT count(*) FROM postReach") == 2)
        #expect(try await hub.number("SELECT count(*) FROM listingReach") == 1)
    }

    @Test func twoProcessesFlushingTheSameDayAddUp() async throws {
        let (hub, merchant, post) = try await hub(onDisk: true)
        let sibling = try await hub.sibling()
        let first = SQLReachStore(database: hub.hubDatabase.sql)
        let second = SQLReachStore(database: sibling.hubDatabase.sql)
        // Twenty flushes from each process at once, on the same rows.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<20 {
                group.addTask { try await first.add(tally(post.id, merchant.id, views: 1)) }
                group.addTask { try await second.add(tally(post.id, merchant.id, views: 2)) }
            }
            try await group.waitForAll()
        }
        let day = try #require(
            try await first.days(merchant: merchant.id, from: "2026-03-14", through: "2026-03-14").first)
        #expect(
            day
                == ReachDayCounts(
                    day: "2026-03-14", postViews: 60, listingViews: 60, clicks: 40, feedFetches: 80, digests: 40))
    }

    @Test func reportsGoToVisibleMerchantsWithReachWhoseAccountIsNotDeleted() async throws {
        let (hub, merchant, post) = try await hub()
        let hidden = try await hub.merchant("Cachée", owner: try await hub.user("cachee@example.org", role: .merchant))
        let gone = try await hub.merchant("Partie", owner: try await hub.user("partie@example.org", role: .merchant))
        let quiet = try await hub.merchant("Calme", owner: try await hub.user("calme@example.org", role: .merchant))
        let imported = try await hub.merchant(
            "Importée", owner: try await hub.user("import@example.org", role: .merchant))
        let store = SQLReachStore(database: hub.hubDatabase.sql)
        for shop in [merchant, hidden, gone, imported] { try await store.add(tally(post.id, shop.id)) }
        _ = quiet
        // An imported listing not yet claimed by its shop.
        try await hub.execute("UPDATE merchant SET claimable = (1 = 1) WHERE id = \(imported.id)")
        try await hub.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP WHERE id = \(hidden.id)")
        try await hub.execute("UPDATE \"user\" SET deletedAt = CURRENT_TIMESTAMP WHERE id = \(gone.ownerID)")
        let recipients = try await store.recipients(from: "2026-03-01", through: "2026-03-31")
        #expect(
            recipients == [
                ReachRecipient(
                    merchant: merchant.id, slug: merchant.slug, name: "Fromagerie", email: "fromagerie@example.org")
            ])
        #expect(try await store.recipients(from: "2026-04-01", through: "2026-04-30").isEmpty)
    }

    @Test func theReachTablesHoldSumsAndDaysOnlyNoAddressOrAgent() async throws {
        let (hub, merchant, post) = try await hub()
        try await SQLReachStore(database: hub.hubDatabase.sql).add(tally(post.id, merchant.id))
        let rows = try await hub.hubDatabase.sql.read { db in
            (try await db.fetchAll("SELECT * FROM postReach"), try await db.fetchAll("SELECT * FROM listingReach"))
        }
        #expect(rows.0.first?.columns == ["postid", "day", "views", "feedfetches", "digests"])
        #expect(rows.1.first?.columns == ["merchantid", "day", "views", "clicks"])
        // No column of any table of the hub is named after an address or a user agent of a visitor, either.
        let columns = try await hub.texts(
            hub.hubDatabase.sql.engine == .postgres
                ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name IN ('postreach', 'listingreach')"
                : "SELECT name FROM pragma_table_info('postReach') UNION ALL SELECT name FROM pragma_table_info('listingReach')"
        )
        #expect(columns.count == 9)
        for column in columns {
            #expect(
                !["ip", "address", "agent", "cookie", "visitor"].contains { column.lowercased().contains($0) },
                "\(column)")
        }
    }
}

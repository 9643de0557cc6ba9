import Community
import Foundation
import Storage

/// `ReachStore` on either engine: per-day rows, each flush adding to them (`ON CONFLICT … DO UPDATE`), so that
/// several processes on one database add up.
struct SQLReachStore: ReachStore {
    let database: any SQLDatabase

    func add(_ tally: ReachTally) async throws {
        guard !tally.isEmpty else { return }
        try await database.write { db in
            // Sorted, so that two processes flushing at once lock rows in the same order on PostgreSQL.
            for (key, counts) in tally.posts.sorted(by: {
                ($0.key.id.rawValue, $0.key.day) < ($1.key.id.rawValue, $1.key.day)
            }) {
                try await db.execute(
                    """
                    INSERT INTO postReach (postId, day, views, feedFetches, digests)
                    SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM post WHERE id = ?)
                    ON CONFLICT (postId, day) DO UPDATE SET views = postReach.views + excluded.views,
                        feedFetches = postReach.feedFetches + excluded.feedFetches,
                        digests = postReach.digests + excluded.digests
                    """, [key.id, key.day, counts.views, counts.feedFetches, counts.digests, key.id])
            }
            for (key, counts) in tally.listings.sorted(by: {
                ($0.key.id.rawValue, $0.key.day) < ($1.key.id.rawValue, $1.key.day)
            }) {
                try await db.execute(
                    """
                    INSERT INTO listingReach (merchantId, day, views, clicks)
                    SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM merchant WHERE id = ?)
                    ON CONFLICT (merchantId, day) DO UPDATE SET views = listingReach.views + excluded.views,
                        clicks = listingReach.clicks + excluded.clicks
                    """, [key.id, key.day, counts.views, counts.clicks, key.id])
            }
        }
    }

    func days(merchant: Merchant.ID, from first: String, through last: String) async throws -> [ReachDayCounts] {
        try await database.read { db in
            var days: [String: ReachDayCounts] = [:]
            for row in try await db.fetchAll(
                """
                SELECT r.day AS day, CAST(sum(r.views) AS BIGINT) AS views, CAST(sum(r.feedFetches) AS BIGINT) AS feedFetches,
                    CAST(sum(r.digests) AS BIGINT) AS digests
                FROM postReach r JOIN post p ON p.id = r.postId
                WHERE p.merchantId = ? AND r.day BETWEEN ? AND ? GROUP BY r.day
                """, [merchant, first, last])
            {
                let day: String = try row["day"]
                days[day, default: ReachDayCounts(day: day)].postViews = try row["views"]
                days[day, default: ReachDayCounts(day: day)].feedFetches = try row["feedFetches"]
                days[day, default: ReachDayCounts(day: day)].digests = try row["digests"]
            }
            for row in try await db.fetchAll(
                "SELECT day, views, clicks FROM listingReach WHERE merchantId = ? AND day BETWEEN ? AND ?",
                [merchant, first, last])
            {
                let day: String = try row["day"]
                days[day, default: ReachDayCounts(day: day)].listingViews = try row["views"]
                days[day, default: ReachDayCounts(day: day)].clicks = try row["clicks"]
            }
            return days.values.sorted { $0.day < $1.day }
        }
    }

    func posts(merchant: Merchant.ID, from first: String, through last: String) async throws
        -> [Post.ID: ReachTally.PostCounts]
    {
        try await database.read { db in
            var posts: [Post.ID: ReachTally.PostCounts] = [:]
            for row in try await db.fetchAll(
                """
                SELECT r.postId AS post, CAST(sum(r.views) AS BIGINT) AS views, CAST(sum(r.feedFetches) AS BIGINT) AS feedFetches,
                    CAST(sum(r.digests) AS BIGINT) AS digests
                FROM postReach r JOIN post p ON p.id = r.postId
                WHERE p.merchantId = ? AND r.day BETWEEN ? AND ? GROUP BY r.postId
                """, [merchant, first, last])
            {
                posts[Post.ID(try row["post"] as Int64)] = ReachTally.PostCounts(
                    views: try row["views"], feedFetches: try row["feedFetches"], digests: try row["digests"])
            }
            return posts
        }
    }

    func recipients(from first: String, through last: String) async throws -> [ReachRecipient] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT m.id AS id, m.slug AS slug, m.name AS name, u.email AS email
                FROM merchant m JOIN "user" u ON u.id = m.ownerId
                WHERE m.hiddenAt IS NULL AND NOT m.claimable AND u.deletedAt IS NULL AND u.role = 'merchant'
                    AND (EXISTS (SELECT 1 FROM listingReach l WHERE l.merchantId = m.id AND l.day BETWEEN ? AND ?)
                        OR EXISTS (SELECT 1 FROM postReach r JOIN post p ON p.id = r.postId
                            WHERE p.merchantId = m.id AND r.day BETWEEN ? AND ?))
                ORDER BY m.id
                """, [first, last, first, last]
            ).map { row in
                ReachRecipient(
                    merchant: Merchant.ID(try row["id"] as Int64), slug: try row["slug"], name: try row["name"],
                    email: try row["email"])
            }
        }
    }
}

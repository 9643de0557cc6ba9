import Foundation
import GRDB

/// `SitemapStore` on SQLite.
package struct SQLiteSitemapStore: SitemapStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    private static let live = "status = 'published' AND (validUntil IS NULL OR validUntil > ?)"

    package func chunks(size: Int, at now: Date) async throws -> [SitemapChunk] {
        try await database.read { db in
            let merchants = try Row.fetchAll(
                db, sql: "SELECT id / ? AS number, max(updatedAt) AS changed FROM merchant GROUP BY number",
                arguments: [size])
            let posts = try Row.fetchAll(
                db,
                sql: "SELECT id / ? AS number, max(updatedAt) AS changed FROM post WHERE \(Self.live) GROUP BY number",
                arguments: [size, now])
            return merchants.map { SitemapChunk(kind: .merchants, number: $0["number"], lastModified: $0["changed"]) }
                + posts.map { SitemapChunk(kind: .posts, number: $0["number"], lastModified: $0["changed"]) }
        }
    }

    package func entries(_ kind: SitemapChunk.Kind, number: Int, size: Int, at now: Date) async throws
        -> [SitemapEntry]
    {
        try await database.read { db in
            let range: StatementArguments = [number * size, (number + 1) * size]
            switch kind {
            case .merchants:
                return try Row.fetchAll(
                    db, sql: "SELECT slug, updatedAt FROM merchant WHERE id >= ? AND id < ? ORDER BY id",
                    arguments: range
                ).map { SitemapEntry(key: $0["slug"], lastModified: $0["updatedAt"]) }
            case .posts:
                return try Row.fetchAll(
                    db, sql: "SELECT id, updatedAt FROM post WHERE id >= ? AND id < ? AND \(Self.live) ORDER BY id",
                    arguments: range + [now]
                ).map { SitemapEntry(key: String($0["id"] as Int64), lastModified: $0["updatedAt"]) }
            }
        }
    }
}

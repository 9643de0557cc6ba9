import Community
import Foundation
import GRDB
import HubTestSupport
import Testing
import Storage

@Suite struct SchemaTests {
    /// Any schema change shows in review as a change to `Golden/schema.sql`. To re-record after adding a migration:
    /// `ZONEHUB_RECORD_GOLDEN=1 swift test --filter SchemaTests`.
    @Test func theMigratedSchemaMatchesTheGoldenFile() async throws {
        let database = try SQLiteDatabase.inMemory()
        let dump = try await database.schemaDump()
        #expect(dump == (try Golden.recorded(dump, as: "schema.sql")))
        #expect(
            try await database.appliedMigrations() == [
                "v1-foundation", "v2-moderation", "v3-reports", "v4-mail", "v5-pop-ups", "v6-directory",
                "v7-name-order", "v8-throttles", "v9-membership", "v10-joining", "v11-notices", "v12-bounces", "v13-reach",
                "v14-decisions", "v15-photos", "v16-catalogue", "v17-orders", "v18-place-photos",
            ])
    }

    @Test func theDatabaseRefusesToRewriteOrEraseTheAuditLog() async throws {
        let hub = try TestHub.make(onDisk: true)
        try await hub.seedZones()
        let raw = try DatabaseQueue(path: try #require(hub.path))
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE auditEntry SET action = 'x'") }
        }
        #expect(throws: DatabaseError.self) { try raw.write { try $0.execute(sql: "DELETE FROM auditEntry") } }
        #expect(try await hub.audit.entries(zoneID: nil, limit: 10).count == 2)
    }

    @Test func theDatabaseRefusesAnImpossiblePostStatus() async throws {
        let hub = try TestHub.make(onDisk: true)
        try await hub.seedZones()
        let owner = try await hub.user("m@example.org", role: .merchant)
        let merchant = try await hub.merchant("Épicerie", owner: owner)
        let post = try await hub.posts().create(
            Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        let raw = try DatabaseQueue(path: try #require(hub.path))
        #expect(throws: DatabaseError.self) {
            try raw.write { try $0.execute(sql: "UPDATE post SET status = 'lost' WHERE id = ?", arguments: [post.id.rawValue]) }
        }
        #expect(throws: DatabaseError.self) {
            try raw.write {
                try $0.execute(sql: "UPDATE post SET status = 'published' WHERE id = ?", arguments: [post.id.rawValue])
            }
        }
        #expect(try await hub.postStore.post(id: post.id)?.status == .draft)
    }

    @Test func manyConcurrentReadersThroughTheGateAllFinishOnAFileDatabase() async throws {
        let hub = try TestHub.make(onDisk: true)
        try await hub.seedZones()
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<500 {
                group.addTask { try await hub.zones.find("91").count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts.count == 500)
        #expect(Set(counts) == [4])
    }
}

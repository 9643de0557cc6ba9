import Directory
import Foundation
import HubTestSupport
import PopUps
import Testing

@testable import Community
@testable import Storage

/// Moving a hub between databases: every row arrives, on either engine, or nothing is written.
@Suite struct HubTransferTests {
    let source: TestHub
    let file: URL

    init() async throws {
        source = try TestHub.make()
        try await source.seedZones()
        let owner = try await source.user("marchand@example.org", role: .merchant)
        let merchant = try await source.merchant("Épicerie « Chez Léa »", owner: owner)
        let posts = source.posts()
        for title in ["Paniers d'été", "Crêpes 🥞 du dimanche"] {
            let draft = try await posts.create(
                Samples.offer(title), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
            _ = try await posts.submit(draft.id, by: owner)
        }
        let (venue, organiser) = try await source.venue(capacity: 2)
        let slot = try await source.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")), by: organiser
        )
        _ = try await source.bookings.book(slot.id, merchantSlug: merchant.slug, waitlist: false, by: owner)
        file = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-export-\(UUID().uuidString)")
    }

    /// A new, empty hub: on PostgreSQL when the suites run there, so the move crosses engines.
    func target() async throws -> TestHub { try await TestHub.contract() }

    @Test func everyRowArrivesAndTheTargetServesTheSameHub() async throws {
        let exported = try await HubTransfer.export(source.hubDatabase, to: file)
        #expect(exported.rows > 30)
        let target = try await target()
        let imported = try await HubTransfer.importing(file, into: target.hubDatabase)
        #expect(imported.tables.map(\.rows) == exported.tables.map(\.rows))
        let back = try await HubTransfer.read(target.hubDatabase).map(\.0)
        #expect(back.map(\.checksum) == exported.tables.map(\.checksum))
        let ids = (1...3).map { Post.ID(Int64($0)) }
        let moved = try await target.postStore.posts(ids: ids).sorted { $0.id < $1.id }
        #expect(moved == (try await source.postStore.posts(ids: ids).sorted { $0.id < $1.id }))
        #expect(moved.count == 3)
        #expect(try await target.hubDatabase.secret(named: "links") == source.hubDatabase.secret(named: "links"))
        // New rows continue the identifiers, rather than collide with the imported ones.
        let owner = try #require(try await target.accountStore.credentials(email: "marchand@example.org")).user
        let more = try await target.posts().create(
            Samples.offer("Nouvelle"), merchantSlug: "epicerie-chez-lea", zoneSlug: "alpha", by: owner)
        #expect(more.id.rawValue == Int64(try await source.postStore.count() + 1))
        #expect(try await target.search.run(SearchQuery(text: "crepes")).results.count == 1)
    }

    @Test func aFileCutShortOrAlteredIsRefusedAndNothingIsWritten() async throws {
        _ = try await HubTransfer.export(source.hubDatabase, to: file)
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let cut = file.appendingPathExtension("cut")
        try (lines.dropFirst(3).joined(separator: "\n") + "\n").write(to: cut, atomically: true, encoding: .utf8)
        let altered = file.appendingPathExtension("altered")
        let post = try #require(lines.firstIndex { $0.contains("Paniers d'été") })
        lines[post] = lines[post].replacingOccurrences(of: "Paniers d'été", with: "Paniers d'hiver")
        try (lines.joined(separator: "\n") + "\n").write(to: altered, atomically: true, encoding: .utf8)
        let target = try await target()
        for bad in [cut, altered] {
            await #expect(throws: StorageError.self) {
                try await HubTransfer.importing(bad, into: target.hubDatabase)
            }
        }
        #expect(try await target.zoneStore.zones(includeRetired: true).isEmpty)
        #expect(try await target.number("SELECT count(*) FROM auditEntry") == 0)
    }

    @Test func aHubThatHoldsDataIsNotImportedInto() async throws {
        _ = try await HubTransfer.export(source.hubDatabase, to: file)
        let target = try await target()
        try await target.seedZones()
        let error = await #expect(throws: StorageError.self) {
            try await HubTransfer.importing(file, into: target.hubDatabase)
        }
        #expect(error?.code == "database_not_empty")
        #expect(try await target.number("SELECT count(*) FROM post") == 0)
    }
}

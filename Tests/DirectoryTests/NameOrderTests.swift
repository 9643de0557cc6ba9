import Directory
import Foundation
import GRDB
import HubTestSupport
import Testing

@testable import Community
@testable import Storage

/// Merchants, zones and venues are listed in French alphabetical order on both engines: accents and case do not
/// send "Épicerie" after "Vélo".
@Suite struct NameOrderTests {
    static let names = [
        "Vélo Vallée", "Épicerie du Marché", "atelier bleu", "Zèbre & Cie", "Œufs de la ferme", "Droguerie",
    ]
    static let french = [
        "atelier bleu", "Droguerie", "Épicerie du Marché", "Œufs de la ferme", "Vélo Vallée", "Zèbre & Cie",
    ]

    @Test func theDirectoryListsMerchantsInFrenchOrderPageByPage() async throws {
        let hub = try await TestHub.contract()
        _ = try await hub.seedZones()
        let owner = try await hub.user("marchand@example.org", role: .merchant)
        for name in Self.names { _ = try await hub.merchant(name, owner: owner, description: "") }
        let alpha = try #require(try await hub.zoneStore.zone(slug: "alpha"))

        let all = try await hub.directoryStore.merchants(DirectoryFilter(zoneID: alpha.id), limit: 10, offset: 0)
        #expect(all.map(\.name) == Self.french)
        let second = try await hub.directoryStore.merchants(DirectoryFilter(zoneID: alpha.id), limit: 2, offset: 2)
        #expect(second.map(\.name) == ["Épicerie du Marché", "Œufs de la ferme"])
        #expect(try await hub.merchantStore.merchants(ownedBy: owner.id).map(\.name) == Self.french)
        let zone = try await hub.merchantStore.merchants(zoneID: alpha.id, category: .alimentation, limit: 10)
        #expect(zone.map(\.name) == Self.french)
    }

    @Test func aRenamedMerchantMovesToItsNewPlace() async throws {
        let hub = try await TestHub.contract()
        _ = try await hub.seedZones()
        let owner = try await hub.user("marchand@example.org", role: .merchant)
        for name in Self.names { _ = try await hub.merchant(name, owner: owner, description: "") }
        let zebre = try #require(try await hub.merchantStore.merchants(ownedBy: owner.id).last)
        var profile = zebre.profile
        profile.name = "Abeille & Miel"
        _ = try await hub.merchants.update(zebre.slug, with: profile, by: owner)

        let names = try await hub.merchantStore.merchants(ownedBy: owner.id).map(\.name)
        #expect(names == ["Abeille & Miel"] + Self.french.dropLast())
    }

    @Test func namesSortByTheirFoldedFormThenAsWritten() {
        let zones = ["Oise", "Île-de-France", "centre-essonne", "Centre-Essonne", "Bassin d'Arcachon"]
        #expect(
            zones.sortedByName { $0 } == [
                "Bassin d'Arcachon", "Centre-Essonne", "centre-essonne", "Île-de-France", "Oise",
            ])
    }

    /// The migration gives merchants stored before it their key, folded as the stores fold new ones.
    @Test func theMigrationKeysTheMerchantsAlreadyStored() throws {
        let queue = try DatabaseQueue()
        try SQLiteDatabase.migrator.migrate(queue, upTo: "v6-directory")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO user (id, email, displayName, role, passwordHash, createdAt)
                    VALUES (1, 'marchand@example.org', 'Marchand', 'merchant', 'x', '2026-12-01 10:00:00');
                    INSERT INTO merchant (ownerId, slug, name, profile, createdAt, updatedAt)
                    VALUES (1, 'epicerie', 'Épicerie du Marché', '{}', '2026-12-01 10:00:00', '2026-12-01 10:00:00'),
                           (1, 'atelier', 'Atelier Terre & Feu', '{}', '2026-12-01 10:00:00', '2026-12-01 10:00:00');
                    """)
        }
        try SQLiteDatabase.migrator.migrate(queue)
        let keys = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT nameKey FROM merchant ORDER BY nameKey, id")
        }
        #expect(keys == ["Atelier Terre & Feu".folded, "Épicerie du Marché".folded])
        #expect(keys == ["atelier terre feu", "epicerie du marche"])
    }
}

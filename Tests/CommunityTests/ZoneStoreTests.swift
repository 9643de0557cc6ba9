import Community
import Foundation
import HubTestSupport
import Testing

/// The zone store's contract, on SQLite in memory and on disk (and on PostgreSQL when the suites run there).
@Suite struct ZoneStoreTests {
    static let engines = [false, true]

    @Test(arguments: engines) func syncAddsThenChangesNothingTheSecondTime(onDisk: Bool) async throws {
        let hub = try await TestHub.contract(onDisk: onDisk)
        let first = try await hub.seedZones()
        #expect(first.added == ["alpha", "beta"])
        let second = try await hub.seedZones()
        #expect(second.added.isEmpty && second.updated.isEmpty && second.retired.isEmpty)
        #expect(second.unchanged == ["alpha", "beta"])
    }

    @Test(arguments: engines) func aRemovedFileRetiresTheZoneButKeepsItsPostsAndRestoringBringsItBack(onDisk: Bool)
        async throws
    {
        let hub = try await TestHub.contract(onDisk: onDisk)
        try await hub.seedZones()
        let owner = try await hub.user("m@example.org", role: .merchant)
        let merchant = try await hub.merchant("Épicerie", owner: owner)
        let post = try await hub.posts().create(
            Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)

        let retired = try await hub.zones.sync(ZoneCatalog(definitions: ["beta": Samples.beta]))
        #expect(retired.retired == ["alpha"])
        #expect(try await hub.zones.active().map(\.slug) == ["beta"])
        await #expect(throws: CommunityNotFound.zone.notFound) { try await hub.zones.zone(slug: "alpha") }
        #expect(try await hub.postStore.post(id: post.id) != nil)

        let restored = try await hub.seedZones()
        #expect(restored.updated == ["alpha"])
        #expect(try await hub.zones.zone(slug: "alpha").isRetired == false)
        let actions = try await hub.audit.entries(zoneID: nil, limit: 50).map(\.action)
        #expect(actions.filter { $0.hasPrefix("zone.") } == ["zone.restore", "zone.retire", "zone.add", "zone.add"])
    }

    @Test(arguments: engines) func anEditedFileUpdatesTheZoneAndItsCommunes(onDisk: Bool) async throws {
        let hub = try await TestHub.contract(onDisk: onDisk)
        try await hub.seedZones()
        var alpha = Samples.alpha
        alpha.name = "Alpha renommée"
        alpha.communes.append(.init(name: "Villabé", postcodes: ["91100"]))
        let report = try await hub.zones.sync(ZoneCatalog(definitions: ["alpha": alpha, "beta": Samples.beta]))
        #expect(report.updated == ["alpha"])
        #expect(try await hub.zones.zone(slug: "alpha").name == "Alpha renommée")
        #expect(try await hub.zones.find("91100").map(\.commune) == ["Corbeil-Essonnes", "Villabé"])
    }

    @Test func residentsFindTheirZoneByPostcodeOrByNameWithoutAccentsOrCase() async throws {
        let hub = try await TestHub.contract()
        try await hub.seedZones()
        let byPostcode = try await hub.zones.find("91100")
        #expect(
            byPostcode == [.init(commune: "Corbeil-Essonnes", postcode: "91100", zoneSlug: "alpha", zoneName: "Alpha")])
        #expect(try await hub.zones.find("910").map(\.commune) == ["Évry-Courcouronnes", "Évry-Courcouronnes"])
        #expect(try await hub.zones.find("EVRY").map(\.postcode) == ["91000", "91080"])
        #expect(try await hub.zones.find("saint germain les").map(\.commune) == ["Saint-Germain-lès-Corbeil"])
        #expect(try await hub.zones.find("Lyon").isEmpty)
    }

    @Test(arguments: ["", "   ", "1", "123456", String(repeating: "a", count: 81), "é"])
    func aSearchThatCannotMatchIsRefusedWithAMessage(query: String) async throws {
        let hub = try await TestHub.contract()
        try await hub.seedZones()
        await #expect {
            try await hub.zones.find(query)
        } throws: { error in
            (error as? CommunityError)?.code == "invalid_q"
        }
    }
}

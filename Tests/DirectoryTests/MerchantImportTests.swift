import Community
import Directory
import Foundation
import HubTestSupport
import Testing

/// CSV import on real SQLite: all rows or none, with an error per bad row.
@Suite struct MerchantImportTests {
    let hub: TestHub
    let admin: User

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
    }

    var importer: MerchantImporter {
        MerchantImporter(service: hub.merchants, directory: hub.directoryStore)
    }

    func run(_ text: String, dryRun: Bool = false, by actor: User? = nil) async throws -> MerchantImportReport {
        try await importer.run(Data(text.utf8), zoneSlug: "alpha", by: actor ?? admin, dryRun: dryRun)
    }

    /// Everything an import could have written: merchants, their links, the search index and the audit log.
    func snapshot() async throws -> [Int] {
        var counts: [Int] = []
        for table in ["merchant", "merchantZone", "merchantCategory", "auditEntry"] {
            counts.append(try await hub.number("SELECT count(*) FROM \(table)"))
        }
        counts.append(
            try await hub.number(
                "SELECT count(*) FROM merchantSearch",
                postgres: "SELECT count(*) FROM searchEntry WHERE kind = 'merchant'"))
        return counts
    }

    @Test func aFrenchSpreadsheetImportsWholeAndIsSearchable() async throws {
        let file = """
            \u{FEFF}name;categories;commune;postcode;address;openingHours;links;description\r
            Épicerie Martin;Alimentation;Corbeil-Essonnes;91100;"3 rue de Paris; bâtiment B";Tu-Sa 09:00-19:00;;"Produits ""bio""
            et locaux"\r
            Atelier Vélo;sport-loisirs|services;Évry-Courcouronnes;91000;;;https://velo.example.org|https://shop.example.org/velo;\r

            """
        let report = try await run(file)
        #expect(report.errors.isEmpty)
        #expect(report.imported.map(\.name) == ["Épicerie Martin", "Atelier Vélo"])
        let epicerie = try #require(report.imported.first)
        #expect(epicerie.profile.address == "3 rue de Paris; bâtiment B")
        #expect(epicerie.profile.description == "Produits \"bio\"\net locaux")
        #expect(report.imported.last?.profile.categories == [.services, .sportLoisirs])
        #expect(report.imported.last?.profile.links.count == 2)
        #expect(try await hub.search.run(SearchQuery(text: "velo")).results.count == 1)
    }

    @Test func badRowsAreEachReportedAndNothingIsImported() async throws {
        _ = try await hub.merchant("Boulangerie Dupont", owner: try await hub.user("m@example.org", role: .merchant))
        let before = try await snapshot()
        let file = """
            name,categories,commune,postcode,siret
            Fromagerie,alimentation,Corbeil-Essonnes,91100,
            Fromagerie,alimentation,Corbeil-Essonnes,91100,
            Librairie,livres,Beauvais,60000,
            Boulangerie Dupont,alimentation,Corbeil-Essonnes,91100,
            Caviste,boissons,Corbeil-Essonnes,91100,
            Fleuriste,jardin,Corbeil-Essonnes,91100,123
            Trop,de,champs,91100,,x
            ,alimentation,Corbeil-Essonnes,91100,
            Primeur,alimentation,Corbeil-Essonnes,91100,73282932000074
            """
        let report = try await run(file)
        #expect(
            report.errors.map { "\($0.line): \($0.message)" } == [
                "3: same merchant as line 2",
                "4: commune: Beauvais (60000) is not in the zone Alpha",
                "5: Boulangerie Dupont is already listed in the hub",
                "6: categories: unknown category 'boissons'",
                "7: siret: a SIRET has 14 digits",
                "8: row: has 6 fields, the header has 5",
                "9: name: is required",
            ])
        #expect(report.imported.isEmpty)
        #expect(try await snapshot() == before)
    }

    @Test func aMalformedFileIsRefusedBeforeAnyRow() async throws {
        let before = try await snapshot()
        let cases: [(String, String)] = [
            (
                "name,categories,commune,postcode\n\"Épicerie,alimentation,Corbeil-Essonnes,91100\n",
                "line 2: a quote is never closed"
            ),
            ("name,categories,commune\nA,alimentation,Corbeil-Essonnes\n", "the header has no 'postcode' column"),
            ("name,categories,commune,postcode,colour\n", "unknown column 'colour'"),
            ("name,\"categories\"x,commune,postcode\n", "line 1: text after a closing quote"),
            ("", "is empty"),
        ]
        for (text, message) in cases {
            await #expect {
                try await run(text)
            } throws: { error in
                (error as? CommunityError)?.code == "invalid_file"
                    && (error as? CommunityError)?.message.contains(message) == true
            }
        }
        await #expect(throws: CommunityError.self) {
            try await importer.run(Data([0xFF, 0xFE, 0x00]), zoneSlug: "alpha", by: admin, dryRun: false)
        }
        #expect(try await snapshot() == before)
    }

    @Test func aDryRunChecksEverythingAndWritesNothing() async throws {
        let before = try await snapshot()
        let report = try await run(
            "name,categories,commune,postcode\nFromagerie,alimentation,Corbeil-Essonnes,91100\n", dryRun: true)
        #expect(report.rows == 1 && report.errors.isEmpty && report.imported.isEmpty)
        #expect(try await snapshot() == before)
    }

    @Test func onlyTheZonesAdminsAndOperatorsImport() async throws {
        let merchant = try await hub.user("m@example.org", role: .merchant)
        let otherAdmin = try await hub.user("beta@example.org", role: .zoneAdmin, zones: ["beta"])
        for actor in [merchant, otherAdmin] {
            await #expect(throws: CommunityError.forbidden("only the zone's admins and hub operators import merchants"))
            {
                try await run("name,categories,commune,postcode\n", by: actor)
            }
        }
        await #expect(throws: CommunityNotFound.zone.error("no zone 'nowhere'")) {
            try await importer.run(Data(), zoneSlug: "nowhere", by: admin, dryRun: false)
        }
    }
}

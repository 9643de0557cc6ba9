import Foundation
import Testing

/// `zonehub merchants import` through the real binary: the report, the exit status, the database left intact.
@Suite struct MerchantsCommandTests {
    let database: String
    let directory: URL

    init() async throws {
        (directory, database) = try await Binary.hubWithZones()
        _ = try await Binary.running([
            "users", "add", "--email", "ops@example.org", "--role", "operator", "--db", database,
        ])
    }

    func file(_ text: String) throws -> String {
        let path = directory.appendingPathComponent("merchants-\(UUID().uuidString.prefix(6)).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aFileWithBadRowsIsReportedLineByLineAndNothingIsImported() async throws {
        let path = try file(
            """
            name;categories;commune;postcode
            Cave du Port;alimentation;Bergerac;24100
            Librairie;livres;Beauvais;60000
            Cave du Port;alimentation;Bergerac;24100

            """)
        let outcome = try await Binary.running(["merchants", "import", path, "--zone", "dordogne", "--db", database])
        #expect(outcome.status == 1)
        #expect(
            outcome.errors == """
                \(path):3: commune: Beauvais (60000) is not in the zone Dordogne
                \(path):4: same merchant as line 2
                error: 2 of 3 rows have errors: nothing was imported

                """)
        let check = try await Binary.running([
            "merchants", "import", path, "--zone", "dordogne", "--dry-run", "--db", database,
        ])
        #expect(check.status == 1)
    }

    @Test func aGoodFileIsCheckedByADryRunThenImported() async throws {
        let path = try file("name,categories,commune,postcode\nCave du Port,alimentation,Bergerac,24100\n")
        let dry = try await Binary.running([
            "merchants", "import", path, "--zone", "dordogne", "--dry-run", "--db", database,
        ])
        #expect(dry.status == 0)
        #expect(dry.output == "dry run: all 1 rows are valid; nothing was imported\n")
        let done = try await Binary.running(["merchants", "import", path, "--zone", "dordogne", "--db", database])
        #expect(done.output == "imported 1 merchants into dordogne\n")
        let again = try await Binary.running(["merchants", "import", path, "--zone", "dordogne", "--db", database])
        #expect(again.errors.contains(":2: Cave du Port is already listed in the hub"))
    }

    @Test func aMissingFileOrZoneIsAClearError() async throws {
        let missing = try await Binary.running([
            "merchants", "import", "/nonexistent.csv", "--zone", "dordogne", "--db", database,
        ])
        #expect(missing.status == 1 && missing.errors.hasPrefix("error: cannot read /nonexistent.csv"))
        let path = try file("name,categories,commune,postcode\n")
        let zone = try await Binary.running(["merchants", "import", path, "--zone", "nowhere", "--db", database])
        #expect(zone.errors == "error: no zone 'nowhere'\n")
    }
}

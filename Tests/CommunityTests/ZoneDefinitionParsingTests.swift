import Community
import Foundation
import HubTestSupport
import Testing

@Suite struct ZoneDefinitionParsingTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try ZoneDefinition.parse(Data(text.utf8), file: "test.json")
            return []
        } catch {
            guard case .invalid(let problems) = error else { return ["unexpected: \(error)"] }
            return problems.map(\.description)
        }
    }

    @Test func aValidFileParsesWithEveryField() throws {
        let definition = try ZoneDefinition.parse(Data(Samples.zoneFile.utf8), file: "test.json")
        #expect(definition.name == "Test")
        #expect(definition.communes == [.init(name: "Corbeil-Essonnes", postcodes: ["91100"])])
        #expect(definition.moderation.policy == .review)
        #expect(definition.digest.weeklyDay == "saturday")
    }

    @Test func aMisspelledKeyIsNamedWithASuggestion() {
        let text = Samples.zoneFile.replacingOccurrences(of: "\"timeZone\"", with: "\"timezon\"")
        #expect(
            problems(text) == [
                "test.json: timezon: unknown field (did you mean 'timeZone'?)", "test.json: timeZone: is missing",
            ])
    }

    @Test func everyProblemIsReportedAtOnceWithItsPath() {
        let text = Samples.zoneFile
            .replacingOccurrences(of: "[\"91100\"]", with: "[\"9110\", \"75001\"]")
            .replacingOccurrences(of: "\"07:30\"", with: "\"7h30\"")
            .replacingOccurrences(of: "\"review\"", with: "\"strict\"")
        #expect(
            problems(text) == [
                "test.json: communes[0].postcodes[0]: '9110' is not a five-digit postcode",
                "test.json: communes[0].postcodes[1]: '75001' is outside the zone's départements 91",
                "test.json: moderation.policy: 'strict' is not one of \"review\", \"publish\"",
                "test.json: digest.sendTime: '7h30' is not a time HH:MM (00:00 to 23:59)",
            ])
    }

    @Test func aCommuneListedTwiceIsReportedWhateverItsSpelling() {
        let text = Samples.zoneFile.replacingOccurrences(
            of: "[{ \"name\": \"Corbeil-Essonnes\", \"postcodes\": [\"91100\"] }]",
            with:
                "[{ \"name\": \"Évry\", \"postcodes\": [\"91000\"] }, { \"name\": \"EVRY\", \"postcodes\": [\"91080\"] }]"
        )
        #expect(problems(text) == ["test.json: communes[1].name: 'EVRY' is listed twice (also communes[0])"])
    }

    @Test func wrongTypesAndBoundsAreNamed() {
        let text = Samples.zoneFile
            .replacingOccurrences(of: "\"queueWarnHours\": 12", with: "\"queueWarnHours\": \"12\"")
            .replacingOccurrences(of: "\"queueEscalateHours\": 48", with: "\"queueEscalateHours\": 9999")
            .replacingOccurrences(of: "[\"91\"]", with: "\"91\"")
        #expect(
            problems(text) == [
                "test.json: departements: must be a list",
                "test.json: moderation.queueWarnHours: must be a whole number",
                "test.json: moderation.queueEscalateHours: must be between 1 and 2160",
            ])
    }

    @Test func brokenJSONAndBrokenUTF8AreReportedNotCrashed() {
        #expect(problems("{\"name\": ").first?.hasPrefix("test.json: -: not valid JSON") == true)
        let invalidUTF8 = Data([0x7B, 0xFF, 0xFE, 0x7D])
        #expect(throws: ZoneCatalogError.invalid([.init(file: "x.json", field: "-", message: "not valid UTF-8")])) {
            try ZoneDefinition.parse(invalidUTF8, file: "x.json")
        }
    }

    @Test func everyShippedZoneFileIsValid() throws {
        let zones = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("zones")
        let catalog = try ZoneCatalog.load(directory: zones)
        #expect(Set(catalog.definitions.keys) == ["centre-essonne", "oise", "dordogne", "bassin-d-arcachon"])
        let essonne = try #require(catalog.definitions["centre-essonne"])
        #expect(essonne.contains(commune: "corbeil essonnes", postcode: "91100"))
        for definition in catalog.definitions.values {
            #expect(definition.timeZone == "Europe/Paris")
            #expect(definition.locale == "fr")
            #expect(definition.communes.count >= 10)
        }
    }

    @Test func aZoneDirectoryReachedThroughASymbolicLinkIsRead() throws {
        let zones = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("zones")
        let link = FileManager.default.temporaryDirectory.appendingPathComponent("zones-link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: zones)
        #expect(try ZoneCatalog.load(directory: link).definitions.count == 4)
    }

    @Test func optionalRuleDefaultsAreReadAndBounded() throws {
        let text = Samples.zoneFile.replacingOccurrences(
            of: "\"queueEscalateHours\": 48",
            with: "\"queueEscalateHours\": 48, \"holdFirstPosts\": 0, \"weeklyQuota\": 7")
        let definition = try ZoneDefinition.parse(Data(text.utf8), file: "test.json")
        #expect(definition.moderation.holdFirstPosts == 0 && definition.moderation.weeklyQuota == 7)
        #expect(definition.moderation.trustAfterApproved == nil)
        let bad = Samples.zoneFile.replacingOccurrences(
            of: "\"queueEscalateHours\": 48", with: "\"queueEscalateHours\": 48, \"maxLinksPerPost\": -1")
        #expect(problems(bad) == ["test.json: moderation.maxLinksPerPost: must be between 0 and 50"])
    }

    @Test func merchantSignUpsDefaultToApprovalAndAreReadWhenGiven() throws {
        #expect(
            try ZoneDefinition.parse(Data(Samples.zoneFile.utf8), file: "test.json").moderation.signUpPolicy
                == .approval)
        let open = Samples.zoneFile.replacingOccurrences(
            of: "\"queueEscalateHours\": 48", with: "\"queueEscalateHours\": 48, \"merchantSignUps\": \"open\"")
        #expect(try ZoneDefinition.parse(Data(open.utf8), file: "test.json").moderation.signUpPolicy == .open)
        let bad = Samples.zoneFile.replacingOccurrences(
            of: "\"queueEscalateHours\": 48", with: "\"queueEscalateHours\": 48, \"merchantSignUps\": \"ouvert\"")
        #expect(
            problems(bad) == ["test.json: moderation.merchantSignUps: 'ouvert' is not one of \"approval\", \"open\""])
        let wrongType = Samples.zoneFile.replacingOccurrences(
            of: "\"queueEscalateHours\": 48", with: "\"queueEscalateHours\": 48, \"merchantSignUps\": true")
        #expect(problems(wrongType).count == 1)
    }

    @Test func aDirectoryWithABadFileNameOrNoFilesFails() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zones-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        #expect(throws: ZoneCatalogError.empty(directory.path)) { try ZoneCatalog.load(directory: directory) }
        try Data(Samples.zoneFile.utf8).write(to: directory.appendingPathComponent("Mauvais Nom.json"))
        #expect(
            throws: ZoneCatalogError.invalid([
                .init(
                    file: "Mauvais Nom.json", field: "-",
                    message: "file name must be a slug (a-z, 0-9, hyphens; not 'search')")
            ])
        ) { try ZoneCatalog.load(directory: directory) }
    }
}

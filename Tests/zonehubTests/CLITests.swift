import Foundation
import Testing

@testable import zonehub

@Suite(.serialized) struct CLITests {
    @Test func validatingTheShippedZonesSucceeds() async throws {
        let outcome = try await Binary.running(["zones", "validate", TestApp.zonesDirectory])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("4 zone file(s) valid"))
    }

    @Test func aZoneFileWithATypoIsReportedAsFileFieldMessage() async throws {
        let directory = try Binary.scratch()
        let good = try String(contentsOfFile: TestApp.zonesDirectory + "/oise.json", encoding: .utf8)
        try good.replacingOccurrences(of: "\"weeklyDay\"", with: "\"weeklyDya\"")
            .write(to: directory.appendingPathComponent("oise.json"), atomically: true, encoding: .utf8)
        let outcome = try await Binary.running(["zones", "validate", directory.path])
        #expect(outcome.status != 0)
        #expect(outcome.output.contains("oise.json: digest.weeklyDya: unknown field (did you mean 'weeklyDay'?)"))
        #expect(outcome.output.contains("oise.json: digest.weeklyDay: is missing"))
        #expect(outcome.errors.hasPrefix("error: "))
    }

    @Test func syncRefusesAnInvalidDirectoryAndLeavesTheDatabaseAsItWas() async throws {
        let directory = try Binary.scratch()
        let database = directory.appendingPathComponent("hub.sqlite").path
        #expect(
            try await Binary.running(["zones", "sync", TestApp.zonesDirectory, "--db", database]).output.contains(
                "added:"))
        let broken = try Binary.scratch()
        try "{".write(to: broken.appendingPathComponent("oise.json"), atomically: true, encoding: .utf8)
        let failed = try await Binary.running(["zones", "sync", broken.path, "--db", database])
        #expect(failed.status != 0)
        #expect(failed.errors.contains("oise.json: -: not valid JSON"))
        let again = try await Binary.running(["zones", "sync", TestApp.zonesDirectory, "--db", database])
        #expect(again.output == "unchanged: bassin-d-arcachon, centre-essonne, dordogne, oise\n")
    }

    @Test func addingUsersPrintsAPasswordAndRefusesBadInput() async throws {
        let database = try await Binary.hubWithZones().database
        let added = try await Binary.running([
            "users", "add", "--email", "admin@example.org", "--role", "zone-admin", "--zone", "oise", "--db", database,
        ])
        #expect(added.status == 0)
        #expect(added.output.contains("created zone-admin admin@example.org"))
        #expect(added.output.contains("initial password: "))
        let cases: [([String], String)] = [
            (
                ["--email", "x@example.org", "--role", "king"],
                "error: --role: 'king' is not one of operator, zone-admin, merchant, resident"
            ),
            (
                ["--email", "x@example.org", "--role", "zone-admin"],
                "error: zone: a zone admin needs at least one zone (--zone SLUG)"
            ),
            (
                ["--email", "x@example.org", "--role", "zone-admin", "--zone", "atlantide"],
                "error: no zone 'atlantide'"
            ),
            (
                ["--email", "not-an-email", "--role", "resident"],
                "error: email: 'not-an-email' is not an email address"
            ),
            (
                ["--email", "ADMIN@example.org", "--role", "resident"],
                "error: an account already uses this email address"
            ),
            (
                ["--email", "y@example.org", "--role", "resident", "--name", "Ana\u{1B}[31m"],
                "error: name: contains control characters"
            ),
        ]
        for (arguments, message) in cases {
            let outcome = try await Binary.running(["users", "add", "--db", database] + arguments)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.errors == message + "\n", "\(arguments)")
        }
    }

    @Test func theDemoLoadsOnceAndRefusesAHubWithRealAccounts() async throws {
        let database = try Binary.scratch().appendingPathComponent("hub.sqlite").path
        let first = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        #expect(first.status == 0)
        #expect(first.output.contains("added 8 account(s), 8 merchant(s), 18 post(s)"))
        let second = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        #expect(second.output.contains("added 0 account(s), 0 merchant(s), 0 post(s)"))

        let real = try await Binary.hubWithZones().database
        _ = try await Binary.running([
            "users", "add", "--email", "vraie@example.org", "--role", "merchant", "--db", real,
        ])
        let refused = try await Binary.running(["demo", "--db", real, "--zones", TestApp.zonesDirectory])
        #expect(refused.status == 1)
        #expect(refused.errors == "error: this hub has real accounts: the demo loads only into a new hub\n")
        let skipped = try await Binary.running(["demo", "--if-new", "--db", real, "--zones", TestApp.zonesDirectory])
        #expect(skipped.status == 0)
        #expect(skipped.output == "demo: skipped, this hub has real accounts\n")
    }

    @Test func theQueueIsWorkedFromTheCommandLine() async throws {
        let database = try Binary.scratch().appendingPathComponent("hub.sqlite").path
        _ = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        let nobody = try await Binary.running(["moderation", "list", "--zone", "centre-essonne", "--db", database])
        #expect(nobody.status == 1)
        #expect(nobody.errors == "error: say who decides with --as EMAIL (the hub has 0 operator accounts)\n")
        let admin = ["--as", "admin.centre-essonne@demo.example.org", "--db", database]
        let list = try await Binary.running(["moderation", "list", "--zone", "centre-essonne", "--json"] + admin)
        #expect(list.status == 0)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: String]])
        #expect(
            items.map { $0["title"] } == [
                "Nouveau : miels du Gâtinais", "-20 % sur les confitures artisanales",
                "Bols et tasses : nouvelle collection",
            ])
        let first = try #require(items.first?["id"])
        let second = try #require(items.last?["id"])

        let approved = try await Binary.running(["moderation", "approve", first] + admin)
        #expect(approved.output == "post \(first): approved by admin.centre-essonne\n")
        let again = try await Binary.running(["moderation", "approve", first] + admin)
        #expect(again.status == 1)
        #expect(again.errors.hasPrefix("error: admin.centre-essonne already decided this post (approve)"))
        let badReason = try await Binary.running(["moderation", "reject", second, "--reason", "vibes"] + admin)
        #expect(badReason.status == 1)
        #expect(badReason.errors.hasPrefix("error: reason: unknown reason 'vibes'"))
        let outsider = try await Binary.running([
            "moderation", "approve", second, "--as", "admin.oise@demo.example.org", "--db", database,
        ])
        #expect(outsider.errors == "error: you do not administer the zone Centre-Essonne\n")
        let rejected = try await Binary.running(
            ["moderation", "reject", second, "--reason", "off_topic", "--note", "Hors sujet"] + admin)
        #expect(rejected.output == "post \(second): rejected (off_topic) by admin.centre-essonne\n")
        let remaining = try await Binary.running(["moderation", "list", "--zone", "centre-essonne"] + admin).output
        #expect(remaining.split(separator: "\n").map { $0.prefix { $0 != "\t" } } == [Substring(items[1]["id"] ?? "")])
    }

    @Test func settingsComeFromFlagsThenEnvironmentThenDefaults() async throws {
        let defaults = try Settings(environment: [:])
        #expect(defaults.databasePath == "./data/zonehub.sqlite")
        #expect(defaults.publicURL == "http://127.0.0.1:8080")
        let environment = [
            "ZONEHUB_PORT": "9000", "ZONEHUB_PUBLIC_URL": "https://zones.example.org/", "ZONEHUB_DB": "/srv/hub.sqlite",
        ]
        let fromEnvironment = try Settings(environment: environment)
        #expect(fromEnvironment.port == 9000 && fromEnvironment.databasePath == "/srv/hub.sqlite")
        #expect(fromEnvironment.publicURL == "https://zones.example.org")
        let fromFlags = try Settings(database: "/tmp/x.sqlite", port: 7000, environment: environment)
        #expect(fromFlags.port == 7000 && fromFlags.databasePath == "/tmp/x.sqlite")
        #expect(throws: CLIError.self) { try Settings(environment: ["ZONEHUB_PORT": "http"]) }
        #expect(throws: CLIError.self) { try Settings(environment: ["ZONEHUB_PUBLIC_URL": "zones.example.org"]) }
        #expect(defaults.requestHeadTimeout == .seconds(10) && defaults.idleTimeout == .seconds(75))
        let timeouts = try Settings(environment: ["ZONEHUB_REQUEST_HEAD_TIMEOUT": "2", "ZONEHUB_IDLE_TIMEOUT": "600"])
        #expect(timeouts.requestHeadTimeout == .seconds(2) && timeouts.idleTimeout == .seconds(600))
        let noTime = #expect(throws: CLIError.self) { try Settings(environment: ["ZONEHUB_REQUEST_HEAD_TIMEOUT": "0"]) }
        #expect(noTime?.description == "ZONEHUB_REQUEST_HEAD_TIMEOUT: '0' is not a number from 1 to 300")
        #expect(throws: CLIError.self) { try Settings(environment: ["ZONEHUB_IDLE_TIMEOUT": "1m"]) }
        let badPort = try await Binary.running(["serve", "--port", "70000", "--db", "/tmp/unused.sqlite"])
        #expect(badPort.status == 1)
        #expect(badPort.errors == "error: port 70000 is out of range 0-65535\n")
    }

    @Test func passwordsAreStoredWithBcryptCost12AndTokensAsDigests() async {
        let hasher = BcryptHasher()
        let hash = await hasher.hashPassword("correct-horse-battery")
        #expect(hash.hasPrefix("$2b$12$"))
        #expect(await hasher.verify("correct-horse-battery", hash: hash))
        #expect(await !hasher.verify("correct-horse-batterz", hash: hash))
        #expect(hasher.digest(token: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

import Foundation
import Testing

@testable import zonehub

/// The settings of joining and of the legal pages, as the operator meets them: `zonehub check` warns while a legal
/// page is not published, and `check` and `serve` stop with `error: …` on an unreadable file or a bad domain.
@Suite struct JoiningSettingsTests {
    @Test func refusedDomainsAreReadCaseIgnoredAndABadEntryIsNamed() throws {
        #expect(try Settings(environment: [:]).refusedEmailDomains.isEmpty)
        let settings = try Settings(environment: [
            "ZONEHUB_REFUSED_EMAIL_DOMAINS": " YopMail.com , jetable.org,xn--bcher-kva.example"
        ])
        #expect(settings.refusedEmailDomains == ["yopmail.com", "jetable.org", "xn--bcher-kva.example"])
        for entry in [
            "yopmail", "@yopmail.com", "a..b.com", "exa mple.com", "-a.com", "a.c0m", "yopmail.com,,", "*.fr",
        ] {
            #expect {
                try Settings(environment: ["ZONEHUB_REFUSED_EMAIL_DOMAINS": entry])
            } throws: { error in
                "\(error)".hasPrefix("ZONEHUB_REFUSED_EMAIL_DOMAINS: '") && "\(error)".contains("is not a domain name")
            }
        }
    }

    @Test func checkWarnsWhileALegalPageIsNotPublishedAndPassesOnceBothAre() async throws {
        let (_, database) = try await Binary.hubWithZones()
        let arguments = ["check", "--db", database, "--zones", TestApp.zonesDirectory]
        let unset = try await Binary.running(arguments)
        #expect(unset.status == 0, "\(unset.output)\(unset.errors)")
        #expect(unset.output.contains("warn legal pages: ZONEHUB_LEGAL_NOTICE is not set: /mentions-legales says"))
        #expect(unset.output.contains("ZONEHUB_PRIVACY_POLICY is not set"))
        let directory = TestApp.repository.appendingPathComponent("docs/legal")
        let published = try await Binary.running(
            arguments,
            environment: [
                "ZONEHUB_LEGAL_NOTICE": directory.appendingPathComponent("mentions-legales.example.txt").path,
                "ZONEHUB_PRIVACY_POLICY": directory.appendingPathComponent("confidentialite.example.txt").path,
            ])
        #expect(published.status == 0, "\(published.output)\(published.errors)")
        #expect(published.output.contains("ok   legal pages: /mentions-legales and /confidentialite published"))
        #expect(!published.output.contains("warn"))
    }

    @Test func checkAndServeStopOnAnUnreadableLegalFileOrABadDomain() async throws {
        let (directory, database) = try await Binary.hubWithZones()
        let missing = directory.appendingPathComponent("mentions.txt").path
        for arguments in [
            ["check", "--db", database, "--zones", TestApp.zonesDirectory],
            ["serve", "--db", database, "--port", "0", "--zones", TestApp.zonesDirectory],
        ] {
            let unreadable = try await Binary.running(arguments, environment: ["ZONEHUB_LEGAL_NOTICE": missing])
            #expect(unreadable.status == 1, "\(arguments[0])")
            #expect(unreadable.errors.hasPrefix("error: ZONEHUB_LEGAL_NOTICE: cannot read '\(missing)': "))
            #expect(unreadable.output.isEmpty)
            let domains = try await Binary.running(
                arguments, environment: ["ZONEHUB_REFUSED_EMAIL_DOMAINS": "yopmail.com, jetable"])
            #expect(domains.status == 1, "\(arguments[0])")
            #expect(
                domains.errors
                    == "error: ZONEHUB_REFUSED_EMAIL_DOMAINS: 'jetable' is not a domain name (write them separated "
                    + "by commas, e.g. yopmail.com,jetable.org)\n")
        }
    }

    @Test func serveWarnsAtStartWhileALegalPageIsNotPublished() async throws {
        let (_, database) = try await Binary.hubWithZones()
        let server = try RunningServer(database: database)
        #expect(server.startLog.contains("ZONEHUB_LEGAL_NOTICE is not set"))
        #expect(server.startLog.contains("ZONEHUB_PRIVACY_POLICY is not set"))
    }
}

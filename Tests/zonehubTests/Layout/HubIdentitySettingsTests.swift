import Feeds
import Foundation
import Logging
import Storage
import Testing

@testable import zonehub

/// The hub's own identity as the operator sets it: each value checked with a message naming its setting, and the
/// pages, stylesheet, logo and `zonehub check` showing what was set.
@Suite struct HubIdentitySettingsTests {
    /// Runs `Settings` on `environment` and returns the message it stops with.
    private func refusal(_ environment: [String: String]) -> String {
        do {
            _ = try Settings(environment: environment)
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-logo-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func withoutSettingsTheHubIsZonehubWithTheSendersAddressAsContact() throws {
        let identity = try Settings(environment: [:]).identity
        #expect(identity.name == "zonehub")
        #expect(identity.logo == nil && identity.color == nil && identity.footer == nil)
        #expect(identity.contact == .email("zonehub@localhost.localdomain"))
    }

    @Test func validValuesAreKept() throws {
        let svg = try temporaryFile("logo.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))
        let identity = try Settings(environment: [
            "ZONEHUB_HUB_NAME": "  Aime ma Zone ", "ZONEHUB_HUB_COLOR": "#1D6B57", "ZONEHUB_HUB_LOGO": svg,
            "ZONEHUB_HUB_FOOTER": "Une association loi 1901.", "ZONEHUB_HUB_CONTACT": "bonjour@aimemazone.fr",
        ]).identity
        #expect(identity.name == "Aime ma Zone")
        #expect(identity.color == "#1d6b57")
        #expect(identity.footer == "Une association loi 1901.")
        #expect(identity.contact == .email("bonjour@aimemazone.fr"))
        guard case .file(_, let type) = identity.logo else {
            Issue.record("the logo file was not read")
            return
        }
        #expect(type == "image/svg+xml")
        let web = try Settings(environment: [
            "ZONEHUB_PUBLIC_URL": "https://aimemazone.fr", "ZONEHUB_HUB_LOGO": "https://aimemazone.fr/images/logo.png",
            "ZONEHUB_HUB_CONTACT": "https://aimemazone.fr/contact",
        ]).identity
        #expect(web.logo == .path("https://aimemazone.fr/images/logo.png"))
        #expect(web.contact == .web("https://aimemazone.fr/contact"))
    }

    @Test func aColourIsRefusedWhenMalformedOrTooLightForWhiteText() {
        for value in ["1d6b57", "#1d6b5", "#1d6b577", "vert", "#gg0000", "#+1d6b5"] {
            #expect(
                refusal(["ZONEHUB_HUB_COLOR": value])
                    == "ZONEHUB_HUB_COLOR: '\(value)' is not a colour written #rrggbb (e.g. #b5412b)")
        }
        #expect(
            refusal(["ZONEHUB_HUB_COLOR": "#ffcc00"])
                == "ZONEHUB_HUB_COLOR: #ffcc00 is too light: white text on it has a contrast of 1.5:1 and WCAG AA "
                + "asks for 4.5:1; choose a darker colour (e.g. #b5412b)")
        // The threshold itself: #767676 is the lightest grey passing AA, #777777 the first failing.
        #expect(refusal(["ZONEHUB_HUB_COLOR": "#767676"]) == "accepted")
        #expect(refusal(["ZONEHUB_HUB_COLOR": "#777777"]).contains("is too light"))
    }

    @Test func aNameFooterOrContactThatCannotBeShownIsRefusedWithItsSetting() {
        #expect(
            refusal(["ZONEHUB_HUB_NAME": String(repeating: "a", count: 61)]).hasPrefix(
                "ZONEHUB_HUB_NAME: 'aaaa"))
        #expect(refusal(["ZONEHUB_HUB_NAME": "Aime\nma Zone"]).contains("is not a name of 1 to 60 characters"))
        #expect(refusal(["ZONEHUB_HUB_NAME": "   "]).contains("is not a name of 1 to 60 characters"))
        #expect(
            refusal(["ZONEHUB_HUB_FOOTER": "Ligne 1\nLigne 2"])
                == "ZONEHUB_HUB_FOOTER: the footer's line is plain text of at most 300 characters, on one line")
        #expect(refusal(["ZONEHUB_HUB_FOOTER": String(repeating: "x", count: 301)]).hasPrefix("ZONEHUB_HUB_FOOTER:"))
        #expect(
            refusal(["ZONEHUB_HUB_CONTACT": "bonjour"])
                == "ZONEHUB_HUB_CONTACT: 'bonjour' is neither an email address nor an https:// address")
        #expect(refusal(["ZONEHUB_HUB_CONTACT": "https://"]).contains("is not an https address"))
    }

    @Test func aLogoMustBeAReadableSmallImageOrAnAddressOnTheHub() throws {
        #expect(
            refusal(["ZONEHUB_HUB_LOGO": "/nonexistent/logo.png"])
                == "ZONEHUB_HUB_LOGO: cannot read the file /nonexistent/logo.png")
        let text = try temporaryFile("logo.png", Array("not an image".utf8))
        #expect(
            refusal(["ZONEHUB_HUB_LOGO": text])
                == "ZONEHUB_HUB_LOGO: \(text) is not a PNG, JPEG, GIF, WebP or SVG image")
        let big = try temporaryFile(
            "big.png",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
                + [UInt8](
                    repeating: 0, count: 600 * 1024))
        #expect(refusal(["ZONEHUB_HUB_LOGO": big]) == "ZONEHUB_HUB_LOGO: \(big) is 600 KiB; a logo has at most 512 KiB")
        #expect(
            refusal(["ZONEHUB_HUB_LOGO": "https://cdn.example.org/logo.png"])
                .hasPrefix(
                    "ZONEHUB_HUB_LOGO: 'https://cdn.example.org/logo.png' is not on the hub (http://127.0.0.1:8080/…)"))
    }

    @Test func thePagesStylesheetAndLogoShowTheConfiguredIdentity() async throws {
        let png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8] + [1, 2, 3]
        let logo = try temporaryFile("logo.png", png)
        let app = try await TestApp(environment: [
            "ZONEHUB_HUB_NAME": "Aime ma Zone", "ZONEHUB_HUB_COLOR": "#1d6b57", "ZONEHUB_HUB_LOGO": logo,
            "ZONEHUB_HUB_FOOTER": "Association <Aime ma Zone>", "ZONEHUB_HUB_CONTACT": "bonjour@aimemazone.fr",
        ])
        try await app.test { client in
            let home = try await client.send(.get, "/")
            #expect(home.body.contains("<title>Accueil · Aime ma Zone</title>"))
            #expect(home.body.contains("<span>Aime ma Zone</span>"))
            #expect(home.body.contains("<img class=\"logo\" src=\"/static/logo\""))
            #expect(home.body.contains("<footer class=\"site\"><p>Association &lt;Aime ma Zone&gt;</p>"))
            #expect(home.body.contains("<a href=\"mailto:bonjour@aimemazone.fr\">Contact</a>"))
            #expect(home.body.contains("title=\"Aime ma Zone (Atom)\""))
            let css = try await client.send(.get, "/static/site.css")
            #expect(css.body.contains("\n:root { --accent: #1d6b57; }\n"))
            // Later in the stylesheet than the default, so it wins.
            let base = try #require(css.body.range(of: "--accent: #b5412b"))
            #expect(try #require(css.body.range(of: "--accent: #1d6b57")).lowerBound > base.lowerBound)
            let served = try await client.execute(uri: "/static/logo", method: .get) { $0 }
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "image/png")
            #expect(Array(served.body.readableBytesView) == png)
            let feed = try await client.send(.get, "/feed.atom")
            #expect(feed.body.contains("<title>Aime ma Zone</title>"))
            let opml = try await client.send(.get, "/feeds.opml")
            #expect(opml.body.contains("<head><title>Aime ma Zone — flux des zones</title></head>"))
        }
        // Without a logo file, nothing is served there.
        let plain = try await TestApp()
        let missing = try await plain.test { try await $0.send(.get, "/static/logo") }
        #expect(missing.status == .notFound)
        #expect(!missing.body.contains("class=\"logo\""))
    }

    @Test func mailGoesOutUnderTheHubsName() async throws {
        let server = try SMTPServer()
        let settings = try Settings(
            database: ":memory:", zones: TestApp.zonesDirectory,
            environment: [
                "ZONEHUB_SMTP_URL": server.url, "ZONEHUB_MAIL_FROM": "bonjour@aimemazone.fr",
                "ZONEHUB_HUB_NAME": "Aime ma Zone",
            ])
        let hub = try Hub(database: try SQLiteDatabase.inMemory(), settings: settings)
        try await hub.outbox.enqueue(
            recipient: "camille@example.org", payload: .notice(subject: "Annonce publiée", text: "Bonjour,\n"),
            dedupeKey: nil, at: Date())
        #expect(try await hub.outboxSender(logger: Logger(label: "test")).drain().sent == 1)
        let mail = String(decoding: try #require(try server.messages().first), as: UTF8.self)
        #expect(mail.contains("From: \"Aime ma Zone\" <bonjour@aimemazone.fr>\r\n"))
    }

    @Test func checkReportsTheIdentityAndStopsOnABadColour() async throws {
        let (_, database) = try await Binary.hubWithZones()
        let arguments = ["check", "--db", database, "--zones", TestApp.zonesDirectory]
        let named = try await Binary.running(
            arguments, environment: ["ZONEHUB_HUB_NAME": "Aime ma Zone", "ZONEHUB_HUB_COLOR": "#1d6b57"])
        #expect(named.status == 0, "\(named.output)\(named.errors)")
        #expect(
            named.output.contains(
                "ok   identity: name Aime ma Zone, colour #1d6b57, contact zonehub@localhost.localdomain"))
        let light = try await Binary.running(arguments, environment: ["ZONEHUB_HUB_COLOR": "#ffcc00"])
        #expect(light.status == 1)
        #expect(light.errors.hasPrefix("error: ZONEHUB_HUB_COLOR: #ffcc00 is too light"))
        #expect(light.output.isEmpty)
    }
}

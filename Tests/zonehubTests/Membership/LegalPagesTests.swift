import Community
import Foundation
import HummingbirdTesting
import Testing

@testable import zonehub

/// The "Mentions légales" and "Politique de confidentialité" pages: the operator's text from configuration, or a
/// plain statement that it is not published yet; the hub's own account of what it stores; a link to both in the
/// footer of every page.
@Suite struct LegalPagesTests {
    static let notice = """
        # A comment the operator leaves for themselves.
        Éditeur du site :

        Association des commerçants <script>alert(1)</script>
        12 rue du Marché
        60800 Crépy-en-Valois

        Hébergeur :

        Hébergeur & Cie, 1 rue des Serveurs, 75000 Paris, 01 23 45 67 89
        """

    static func file(_ text: String) throws -> String {
        let url = try Binary.scratch().appendingPathComponent("text.txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func unpublishedPagesSayPlainlyInFrenchThatThePublisherHasNotPublishedThem() async throws {
        let app = try await TestApp()
        try await app.test { client in
            let notice = try await client.send(.get, "/mentions-legales")
            #expect(notice.status == .ok)
            #expect(notice.body.contains("<h1>Mentions légales</h1>"))
            #expect(notice.body.contains("L&#39;éditeur de ce site n&#39;a pas encore publié ses mentions légales."))
            let privacy = try await client.send(.get, "/confidentialite")
            #expect(privacy.status == .ok)
            #expect(privacy.body.contains("n&#39;a pas encore publié sa politique de confidentialité"))
            // The hub's own part is there all the same, with the ways to one's data.
            #expect(privacy.body.contains("Ce que le site enregistre"))
            #expect(privacy.body.contains("<a href=\"/dashboard/data\">Télécharger mes données</a>"))
            #expect(privacy.body.contains("<a href=\"/dashboard/delete\">Supprimer mon compte</a>"))
            #expect(privacy.body.contains("Aucun cookie de suivi"))
            let english = try await client.send(.get, "/mentions-legales?lang=en")
            #expect(english.body.contains("has not published its legal notice yet"))
            #expect(try await client.send(.get, "/confidentialite?lang=en").body.contains("What the site stores"))
        }
    }

    @Test func theOperatorsTextIsShownEscapedWithItsHeadingsAndLineBreaksAndNotItsComments() async throws {
        let app = try await TestApp(environment: [
            "ZONEHUB_LEGAL_NOTICE": try Self.file(Self.notice),
            "ZONEHUB_PRIVACY_POLICY": try Self.file("Responsable du traitement :\n\nL'association, contact@exemple.fr"),
        ])
        try await app.test { client in
            let notice = try await client.send(.get, "/mentions-legales")
            #expect(notice.status == .ok)
            #expect(notice.body.contains("<div class=\"legal\" lang=\"fr\">\n<h2>Éditeur du site</h2>"))
            #expect(
                notice.body.contains(
                    "<p>Association des commerçants &lt;script&gt;alert(1)&lt;/script&gt;<br>\n12 rue du Marché<br>\n"
                        + "60800 Crépy-en-Valois</p>"))
            #expect(notice.body.contains("<h2>Hébergeur</h2>\n<p>Hébergeur &amp; Cie, 1 rue des Serveurs"))
            #expect(!notice.body.contains("<script>") && !notice.body.contains("A comment"))
            #expect(!notice.body.contains("pas encore publié"))
            let english = try await client.send(.get, "/mentions-legales?lang=en")
            #expect(english.body.contains("The hub's publisher wrote this text in French."))
            let privacy = try await client.send(.get, "/confidentialite")
            #expect(
                privacy.body.contains(
                    "<h2>Responsable du traitement</h2>\n<p>L&#39;association, contact@exemple.fr</p>"))
            // The operator's text first, then the hub's own.
            let operatorPart = try #require(privacy.body.range(of: "Responsable du traitement"))
            let hubPart = try #require(privacy.body.range(of: "Ce que le site enregistre"))
            #expect(operatorPart.lowerBound < hubPart.lowerBound)
            #expect(!privacy.body.contains("pas encore publié"))
        }
    }

    @Test func everyKindOfPageLinksBothLegalPagesInItsFooter() async throws {
        let app = try await TestApp()
        let (_, slug) = try await app.merchant("fromager@example.org")
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        try await app.test { client in
            let pages: [(String, String?)] = [
                ("/", nil), ("/zones/oise", nil), ("/merchants/\(slug)", nil), ("/sign-in", nil), ("/sign-up", nil),
                ("/mentions-legales", nil), ("/confidentialite", nil), ("/no-such-page", nil),
                ("/dashboard", admin.token), ("/zones/oise/moderation/rules", admin.token),
                ("/zones/search?q=60800", nil),
            ]
            for (path, token) in pages {
                let page = try await client.send(.get, path, token: token)
                let footer = try #require(
                    page.body.range(of: #"(?s)<footer class="site">.*</footer>"#, options: .regularExpression),
                    "\(path) has no footer")
                let text = page.body[footer]
                #expect(text.contains("<a href=\"/mentions-legales\">Mentions légales</a>"), "\(path)")
                #expect(text.contains("<a href=\"/confidentialite\">Politique de confidentialité</a>"), "\(path)")
            }
            let english = try await client.send(.get, "/?lang=en")
            #expect(english.body.contains("<a href=\"/mentions-legales\">Legal notice</a>"))
            #expect(english.body.contains("<a href=\"/confidentialite\">Privacy policy</a>"))
        }
    }

    @Test func theShippedExamplesReadAsTextsWithoutTheirComments() throws {
        let directory = TestApp.repository.appendingPathComponent("docs/legal")
        let notice = try LegalText.read(
            directory.appendingPathComponent("mentions-legales.example.txt").path, setting: "ZONEHUB_LEGAL_NOTICE")
        let headings = notice.blocks.compactMap { block -> String? in
            if case .heading(let text) = block { text } else { nil }
        }
        #expect(headings == ["Éditeur du site", "Directeur de la publication", "Hébergeur", "Logiciel"])
        let privacy = try LegalText.read(
            directory.appendingPathComponent("confidentialite.example.txt").path, setting: "ZONEHUB_PRIVACY_POLICY")
        #expect(privacy.blocks.first == .heading("Responsable du traitement"))
        for block in notice.blocks + privacy.blocks {
            if case .paragraph(let lines) = block { #expect(lines.allSatisfy { !$0.hasPrefix("#") }) }
        }
    }

    @Test func aLegalFileThatCannotBeReadIsASettingsErrorNamingIt() throws {
        let scratch = try Binary.scratch()
        let missing = scratch.appendingPathComponent("absent.txt").path
        let latin1 = scratch.appendingPathComponent("latin1.txt")
        try Data([0x45, 0x64, 0x69, 0x74, 0x65, 0x75, 0x72, 0xE9]).write(to: latin1)
        let comments = try Self.file("# rien que des commentaires\n\n# et des lignes vides\n")
        let cases: [(String, String, String)] = [
            ("ZONEHUB_LEGAL_NOTICE", missing, "ZONEHUB_LEGAL_NOTICE: cannot read '\(missing)'"),
            ("ZONEHUB_PRIVACY_POLICY", latin1.path, "ZONEHUB_PRIVACY_POLICY: '\(latin1.path)' is not UTF-8 text"),
            ("ZONEHUB_LEGAL_NOTICE", comments, "has no text (only comments or blank lines)"),
            ("ZONEHUB_LEGAL_NOTICE", scratch.path, "ZONEHUB_LEGAL_NOTICE: cannot read '\(scratch.path)'"),
        ]
        for (setting, path, message) in cases {
            #expect {
                try Settings(environment: [setting: path])
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }
}

import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// A signed-in person changes their address (confirmed from the new one, the old one told) and signs out
/// everywhere, through the router with real sessions and bcrypt.
// Unchecked: the router is only used by one test at a time.
@Suite struct AccountSettingsPagesTests: @unchecked Sendable {
    let app: TestApp

    init() async throws {
        app = try await TestApp()
    }

    func post(_ uri: String, _ form: String, token: String? = nil, client: any TestClientProtocol) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, uri, token: token, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded")
    }

    @Test func aNewAddressIsUsedOnceConfirmedFromItAndTheOldOneIsTold() async throws {
        let password = "mot-de-passe-secret"
        _ = try await app.hub.accounts.add(
            email: "ancienne@example.org", displayName: nil, role: .merchant, zoneSlugs: [], password: password, by: nil
        )
        let (_, token) = try await app.hub.accounts.signIn(email: "ancienne@example.org", password: password)
        _ = try await app.account("prise@example.org", role: .resident)
        try await app.test { client in
            let wrong = try await post(
                "/dashboard/email", "email=nouvelle%40example.org&password=pas-le-bon", token: token, client: client)
            #expect(wrong.status == .badRequest && wrong.body.contains("mot de passe incorrect"))
            let taken = try await post(
                "/dashboard/email", "email=prise%40example.org&password=\(password)", token: token, client: client)
            #expect(taken.status == .conflict && taken.body.contains("Un compte utilise déjà cette adresse"))
            let invalid = try await post(
                "/dashboard/email", "email=nulle-part&password=\(password)", token: token, client: client)
            #expect(invalid.status == .badRequest && invalid.body.contains("adresse e-mail valide"))
            let sent = try await post(
                "/dashboard/email", "email=nouvelle%40example.org&password=\(password)", token: token, client: client)
            #expect(sent.status == .ok && sent.body.contains("Un lien vient d"))
            #expect(try await app.hub.outbox.messages(recipient: "ancienne@example.org").count == 1)
            let link = try await app.mailedLink(to: "nouvelle@example.org", containing: "/dashboard/email/confirm")
            #expect(try await app.hub.accounts.user(email: "ancienne@example.org") != nil)
            let confirm = String(link.split(separator: "=").last ?? "")
            let done = try await post("/dashboard/email/confirm", "token=\(confirm)", client: client)
            #expect(done.status == .ok && done.body.contains("nouvelle@example.org"))
            #expect(try await app.hub.accounts.user(email: "ancienne@example.org") == nil)
            let again = try await post("/dashboard/email/confirm", "token=\(confirm)", client: client)
            #expect(again.status == .badRequest)
        }
        _ = try await app.hub.accounts.signIn(email: "nouvelle@example.org", password: password)
    }

    @Test func signingOutEverywhereEndsEverySession() async throws {
        let (_, first) = try await app.account("marchand@example.org", role: .merchant)
        let password = "mot-de-passe-secret"
        _ = try await app.hub.accounts.add(
            email: "deux@example.org", displayName: nil, role: .merchant, zoneSlugs: [], password: password, by: nil)
        let (_, phone) = try await app.hub.accounts.signIn(email: "deux@example.org", password: password)
        let (_, laptop) = try await app.hub.accounts.signIn(email: "deux@example.org", password: password)
        try await app.test { client in
            let out = try await post("/dashboard/sign-out-everywhere", "", token: phone, client: client)
            #expect(out.status == .seeOther || out.status == .found)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            for token in [phone, laptop] {
                #expect(try await client.send(.get, "/dashboard", token: token).status == .unauthorized)
            }
            // Another person's session is untouched.
            #expect(try await client.send(.get, "/dashboard", token: first).status == .ok)
            // Signed out, there is nothing to sign out of.
            #expect(try await post("/dashboard/sign-out-everywhere", "", client: client).status == .unauthorized)
        }
    }

    @Test func aPersonDownloadsEverythingTheHubKeepsAboutThemAndNoSecret() async throws {
        let (token, slug) = try await app.merchant("marchand@example.org", zone: "dordogne")
        let owner = try #require(try await app.hub.accounts.user(email: "marchand@example.org"))
        let post = try await app.hub.posts.create(
            PostContent(kind: .offer, title: "Coffret de Noël", body: "", category: .alimentation),
            merchantSlug: slug, zoneSlug: "dordogne", by: owner)
        _ = try await app.hub.posts.submit(post.id, by: owner)
        let (_, readerToken) = try await app.account("lectrice@example.org", role: .resident)
        let reader = try #require(try await app.hub.accounts.user(email: "lectrice@example.org"))
        _ = try await app.hub.moderation.report(post.id, reason: .spam, note: "Trop de liens", by: reader)
        try await app.test { client in
            #expect(try await client.send(.get, "/dashboard/data").status == .unauthorized)
            let file = try await client.send(.get, "/dashboard/data", token: token)
            #expect(file.status == .ok)
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"zonehub-mes-donnees-") == true)
            #expect(!file.body.contains("$2b$") && !file.body.lowercased().contains("passwordhash"))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(file.body.utf8)) as? [String: Any])
            let account = try #require(json["account"] as? [String: Any])
            #expect(account["email"] as? String == "marchand@example.org")
            let shops = try #require(json["shops"] as? [[String: Any]])
            #expect(shops.map { $0["slug"] as? String } == [slug])
            let posts = try #require(shops.first?["posts"] as? [[String: Any]])
            #expect(posts.compactMap { ($0["content"] as? [String: Any])?["title"] as? String } == ["Coffret de Noël"])
            let actions = try #require(json["actions"] as? [[String: Any]])
            #expect(
                Set(actions.compactMap { $0["action"] as? String }).isSuperset(of: ["merchant.create", "post.submit"]))
            // The reader's own file holds the report she filed, not the merchant's shop.
            let theirs = try await client.send(.get, "/dashboard/data", token: readerToken)
            let other = try #require(try JSONSerialization.jsonObject(with: Data(theirs.body.utf8)) as? [String: Any])
            #expect((other["shops"] as? [Any])?.isEmpty == true)
            let reports = try #require(other["reports"] as? [[String: Any]])
            #expect(reports.map { $0["note"] as? String } == ["Trop de liens"])
        }
    }
}

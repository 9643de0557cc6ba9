import Community
import Feeds
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Membership
import Testing

@testable import zonehub

/// Residents joining, and anyone leaving, through the pages: a real SQLite hub with the shipped zones and real
/// bcrypt; links are read from the mail the outbox would send.
// Unchecked: the router is only used by one test at a time.
@Suite struct ResidentAndDeletionPagesTests: @unchecked Sendable {
    let clock = FixedClock(Date())
    let app: TestApp

    init() async throws {
        app = try await TestApp(clock: clock)
    }

    func post(_ uri: String, _ form: String, client: any TestClientProtocol, cookie: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, uri, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded", cookie: cookie)
    }

    func signedIn(_ email: String, _ password: String, client: any TestClientProtocol) async throws -> String? {
        let answer = try await post("/sign-in", "email=\(email)&password=\(password)", client: client)
        return answer.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
    }

    @Test func aResidentSignsUpConfirmsAndFindsTheirDigestInTheirSpace() async throws {
        // The digest they already receive, confirmed from its own mail before the account existed.
        _ = try await app.hub.subscriptions.request(
            email: "camille@example.org", zoneSlugs: ["oise"], categories: [], frequency: "weekly", source: "test")
        let confirmLink = try await app.mailedLink(to: "camille@example.org", containing: "/subscriptions/confirm")
        _ = try await app.hub.subscriptions.confirm(
            token: String(confirmLink.split(separator: "=").last ?? ""), source: "test")
        try await app.test { client in
            #expect(try await client.send(.get, "/sign-in").body.contains("href=\"/sign-up/resident\""))
            let form = try await client.send(.get, "/sign-up/resident")
            #expect(form.status == .ok && form.body.contains("Prénom ou pseudonyme"))
            let sent = try await post(
                "/sign-up/resident", "displayName=Camille&email=camille%40example.org&password=une-longue-phrase",
                client: client)
            #expect(sent.status == .ok && sent.body.contains("Vérifiez vos e-mails"))
            #expect(try await signedIn("camille%40example.org", "une-longue-phrase", client: client) == nil)
            let link = try await app.mailedLink(to: "camille@example.org", containing: "/sign-up/confirm")
            let confirmed = try await post(
                "/sign-up/confirm", "token=\(link.split(separator: "=").last ?? "")", client: client)
            #expect(confirmed.status == .ok && confirmed.body.contains("Votre compte est actif"))
            let cookie = try #require(try await signedIn("camille%40example.org", "une-longue-phrase", client: client))
            let space = try await client.send(.get, "/dashboard", cookie: cookie)
            #expect(space.status == .ok && space.body.contains("Vous recevez le résumé chaque semaine"))
            let manage = try #require(
                space.body.range(of: "/subscriptions/manage\\?token=[^\"]+", options: .regularExpression))
            let managed = try await client.send(.get, String(space.body[manage]), cookie: cookie)
            #expect(managed.status == .ok && managed.body.contains("camille@example.org"))
            #expect(!space.body.contains("Rien à gérer"))
        }
        #expect(
            try await app.database.read { db in
                try await db.value("SELECT count(*) FROM subscription WHERE userId IS NOT NULL")
            } == 1)
    }

    @Test func aResidentsBadSignUpIsAnsweredInFrenchAndStoresNothing() async throws {
        try await app.test { client in
            for (form, message) in [
                ("displayName=&email=camille%40example.org&password=une-longue-phrase", "prénom ou un pseudonyme"),
                ("displayName=Camille&email=pas-une-adresse&password=une-longue-phrase", "adresse e-mail valide"),
                ("displayName=Camille&email=camille%40example.org&password=court", "de 10 à 72 caractères"),
            ] {
                let answer = try await post("/sign-up/resident", form, client: client)
                #expect(answer.status == .badRequest && answer.body.contains(message))
            }
            // A robot filling the hidden field is answered as a person would be, and nothing is stored.
            let trapped = try await post(
                "/sign-up/resident",
                "displayName=Camille&email=robot%40example.org&password=une-longue-phrase&website=x", client: client)
            #expect(trapped.status == .ok && trapped.body.contains("Vérifiez vos e-mails"))
        }
        #expect(try await app.database.read { db in try await db.value("SELECT count(*) FROM user") } == 0)
        #expect(try await app.hub.outbox.messages(recipient: "robot@example.org").isEmpty)
    }

    @Test func aMerchantDeletesTheirAccountAndTheirShopLeavesTheHub() async throws {
        let user = try await app.hub.accounts.add(
            email: "fromage@example.org", displayName: nil, role: .merchant, zoneSlugs: [],
            password: "un-bon-fromage", by: nil)
        let shop = try await app.hub.merchants.create(
            MerchantProfile(
                name: "Fromagerie du Valois", categories: [.alimentation], commune: "Bergerac", postcode: "24100",
                zones: ["dordogne"]),
            owner: user)
        let operatorAccount = try await app.account("ops@example.org", role: .hubOperator)
        try await app.test { client in
            let cookie = try #require(try await signedIn("fromage%40example.org", "un-bon-fromage", client: client))
            let form = try await client.send(.get, "/dashboard/delete", cookie: cookie)
            #expect(form.status == .ok && form.body.contains("« Fromagerie du Valois »"))
            // A wrong password changes nothing.
            let wrong = try await post("/dashboard/delete", "password=pas-le-bon", client: client, cookie: cookie)
            #expect(wrong.status == .badRequest && wrong.body.contains("Supprimer définitivement"))
            #expect(try await client.send(.get, "/merchants/\(shop.slug)").status == .ok)
            // An operator cannot leave from the web.
            let refused = try await client.send(
                .post, "/dashboard/delete", token: operatorAccount.token, bytes: Array("password=x".utf8),
                contentType: "application/x-www-form-urlencoded")
            #expect(refused.status == .forbidden && refused.body.contains("autre opérateur"))

            let deleted = try await post("/dashboard/delete", "password=un-bon-fromage", client: client, cookie: cookie)
            #expect(deleted.status == .ok && deleted.body.contains("Votre compte est supprimé"))
            #expect(deleted.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await client.send(.get, "/dashboard", cookie: cookie).status != .ok)
            #expect(try await signedIn("fromage%40example.org", "un-bon-fromage", client: client) == nil)
            #expect(try await client.send(.get, "/merchants/\(shop.slug)").status == .notFound)
            #expect(!(try await client.send(.get, "/zones/dordogne").body.contains("Fromagerie du Valois")))
        }
        let mail = try #require(try await app.hub.outbox.messages(recipient: "fromage@example.org").last)
        guard case .send(let goodbye) = try await app.hub.mailRenderer.render(mail) else {
            Issue.record("no goodbye mail")
            return
        }
        #expect(goodbye.subject == "Votre compte est supprimé")
        #expect(goodbye.text.contains("Fiches de commerce retirées de l'annuaire : 1"))
    }
}

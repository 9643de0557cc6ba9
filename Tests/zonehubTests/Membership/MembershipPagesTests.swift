import Community
import Feeds
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Membership
import Testing

@testable import zonehub

/// Joining through the pages, on a real SQLite hub with the shipped zones and real bcrypt; the links are read
/// from the mail the outbox would send.
// Unchecked: the router is only used by one test at a time.
@Suite struct MembershipPagesTests: @unchecked Sendable {
    let clock = FixedClock(Date())
    let app: TestApp

    init() async throws {
        app = try await TestApp(clock: clock)
    }

    static let shop =
        "shopName=Fromagerie%20du%20Valois&category=alimentation&commune=oise%7C60800%7CCr%C3%A9py-en-Valois"

    func post(_ uri: String, _ form: String, client: any TestClientProtocol, cookie: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, uri, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded", cookie: cookie)
    }

    func link(in email: String, path: String) async throws -> String {
        try await app.mailedLink(to: email, containing: path)
    }

    func token(_ link: String) -> String { String(link.split(separator: "=").last ?? "") }

    func signedIn(_ email: String, _ password: String, client: any TestClientProtocol) async throws -> String? {
        let answer = try await post(
            "/sign-in", "email=\(email)&password=\(password)", client: client)
        return answer.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
    }

    @Test func aMerchantSignsUpConfirmsIsApprovedAndSignsIn() async throws {
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        try await app.test { client in
            let form = try await client.send(.get, "/sign-up")
            #expect(form.status == .ok && form.body.contains("Crépy-en-Valois (60800)"))
            #expect(try await client.send(.get, "/inscription").headers[.location] == "/sign-up")
            let sent = try await post(
                "/sign-up", "email=fromage%40example.org&password=un-bon-fromage&\(Self.shop)", client: client)
            #expect(sent.status == .ok && sent.body.contains("Vérifiez vos e-mails"))
            // Not yet: the address is not confirmed.
            #expect(try await signedIn("fromage%40example.org", "un-bon-fromage", client: client) == nil)
            let confirm = try await link(in: "fromage@example.org", path: "/sign-up/confirm")
            let page = try await client.send(.get, confirm)
            #expect(page.status == .ok && page.body.contains("Confirmer mon adresse e-mail"))
            let confirmed = try await post("/sign-up/confirm", "token=\(token(confirm))", client: client)
            #expect(confirmed.status == .ok && confirmed.body.contains("administrateur de la zone va examiner"))
            // The zone's admin is told, and sees the sign-up beside the posts' queue.
            let queueLink = try await link(in: "admin.oise@example.org", path: "/moderation/sign-ups")
            #expect(queueLink == "/zones/oise/moderation/sign-ups")
            let refused = try await post(
                "/sign-in", "email=fromage%40example.org&password=un-bon-fromage", client: client)
            #expect(refused.status == .forbidden && refused.body.contains("attend la validation"))
            let queue = try await client.send(.get, queueLink, token: admin.token)
            #expect(queue.status == .ok && queue.body.contains("Fromagerie du Valois"))
            let user = try #require(try await app.hub.accounts.user(email: "fromage@example.org"))
            let approved = try await client.send(
                .post, "\(queueLink)/\(user.id.rawValue)/approve", token: admin.token, bytes: [],
                contentType: "application/x-www-form-urlencoded")
            #expect(approved.status == .ok && approved.body.contains("Inscription acceptée"))
            #expect(try await link(in: "fromage@example.org", path: "/merchants/") == "/merchants/fromagerie-du-valois")
            let cookie = try #require(try await signedIn("fromage%40example.org", "un-bon-fromage", client: client))
            let dashboard = try await client.send(.get, "/dashboard", cookie: cookie)
            #expect(dashboard.status == .ok && dashboard.body.contains("Fromagerie du Valois"))
        }
    }

    @Test func anAddressWithAnAccountGetsTheSameAnswerAndAMailInstead() async throws {
        _ = try await app.account("deja@example.org", role: .merchant)
        try await app.test { client in
            let new = try await post(
                "/sign-up", "email=nouveau%40example.org&password=un-bon-fromage&\(Self.shop)", client: client)
            let known = try await post(
                "/sign-up", "email=deja%40example.org&password=un-bon-fromage&\(Self.shop)", client: client)
            #expect(new.status == known.status)
            #expect(new.body.replacingOccurrences(of: "nouveau@", with: "deja@") == known.body)
            #expect(try await link(in: "deja@example.org", path: "/password-reset") == "/password-reset")
            #expect(try await app.hub.accounts.user(email: "deja@example.org")?.status == .active)
        }
    }

    @Test func badSignUpsAreRefusedInFrenchAndStoreNothing() async throws {
        try await app.test { client in
            let cases: [(String, String)] = [
                ("email=pas-une-adresse&password=un-bon-fromage&\(Self.shop)", "adresse e-mail valide"),
                ("email=a%40example.org&password=court&\(Self.shop)", "de 10 à 72 caractères"),
                (
                    "email=a%40example.org&password=un-bon-fromage&shopName=&category=alimentation"
                        + "&commune=oise%7C60800%7CCr%C3%A9py-en-Valois", "Le nom du commerce est obligatoire"
                ),
                (
                    "email=a%40example.org&password=un-bon-fromage&shopName=X&category=inconnue"
                        + "&commune=oise%7C60800%7CCr%C3%A9py-en-Valois", "activité du commerce"
                ),
                // A commune of another zone, or made up.
                (
                    "email=a%40example.org&password=un-bon-fromage&shopName=X&category=alimentation"
                        + "&commune=oise%7C24000%7CP%C3%A9rigueux", "commune du commerce"
                ),
                (
                    "email=a%40example.org&password=un-bon-fromage&shopName=X&category=alimentation",
                    "commune du commerce"
                ),
            ]
            for (form, message) in cases {
                let answer = try await post("/sign-up", form, client: client)
                #expect(answer.status == .badRequest, "\(form)")
                #expect(answer.body.contains(message), "\(form): \(answer.body)")
                #expect(!answer.body.contains("invalid_"), "no code shown")
            }
            // The honeypot: answered as a person, nothing stored or sent.
            let robot = try await post(
                "/sign-up", "email=robot%40example.org&password=un-bon-fromage&\(Self.shop)&website=http%3A%2F%2Fspam",
                client: client)
            #expect(robot.status == .ok && robot.body.contains("Vérifiez vos e-mails"))
            #expect(try await app.hub.outbox.messages(recipient: "robot@example.org").isEmpty)
        }
        #expect(try await app.database.read { db in try await db.value("SELECT count(*) FROM signUp") } == 0)
        #expect(try await app.hub.accounts.user(email: "robot@example.org") == nil)
    }

    @Test func alteredReusedAndReplacedLinksAreRefused() async throws {
        try await app.test { client in
            _ = try await post(
                "/sign-up", "email=fromage%40example.org&password=un-bon-fromage&\(Self.shop)", client: client)
            let first = token(try await link(in: "fromage@example.org", path: "/sign-up/confirm"))
            clock.advance(by: 60)
            _ = try await post(
                "/sign-up", "email=fromage%40example.org&password=un-bon-fromage&\(Self.shop)", client: client)
            let second = token(try await link(in: "fromage@example.org", path: "/sign-up/confirm"))
            #expect(first != second)
            // One character changed (never to itself).
            let altered = String(second.dropLast()) + (second.hasSuffix("A") ? "B" : "A")
            for bad in [first, altered, "", String(repeating: "x", count: 500)] {
                let answer = try await post("/sign-up/confirm", "token=\(bad)", client: client)
                #expect(answer.status == .badRequest && answer.body.contains("est plus valable : il a expiré"))
            }
            #expect(try await app.hub.accounts.user(email: "fromage@example.org")?.status == .unverified)
            #expect(try await post("/sign-up/confirm", "token=\(second)", client: client).status == .ok)
            let reused = try await post("/sign-up/confirm", "token=\(second)", client: client)
            #expect(reused.status == .badRequest && reused.body.contains("est plus valable : il a expiré"))
            #expect(try await app.hub.accounts.user(email: "fromage@example.org")?.status == .pending)
        }
    }

    @Test func aForgottenPasswordIsResetOnceFromTheMailAndEndsEverySession() async throws {
        let (_, bearer) = try await app.account("marchand@example.org", role: .merchant)
        try await app.test { client in
            let page = try await client.send(.get, "/sign-in")
            #expect(page.body.contains("href=\"/password-reset\"") && page.body.contains("href=\"/sign-up\""))
            let known = try await post("/password-reset", "email=marchand%40example.org", client: client)
            let unknown = try await post("/password-reset", "email=personne%40example.org", client: client)
            #expect(known.status == .ok && known.body.contains("Si un compte utilise"))
            #expect(
                known.body.replacingOccurrences(of: "marchand@", with: "personne@") == unknown.body)
            let bad = try await post("/password-reset", "email=nimporte", client: client)
            #expect(bad.status == .badRequest && bad.body.contains("adresse e-mail valide"))
            // The mail is queued after the answer.
            var reset = ""
            for _ in 0..<100 where reset.isEmpty {
                if try await !app.hub.outbox.messages(recipient: "marchand@example.org").isEmpty {
                    reset = try await link(in: "marchand@example.org", path: "/password-reset/new")
                } else {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            #expect(try await app.hub.outbox.messages(recipient: "personne@example.org").isEmpty)
            let form = try await client.send(.get, reset)
            #expect(form.status == .ok && form.body.contains("Nouveau mot de passe"))
            let differ = try await post(
                "/password-reset/new", "token=\(token(reset))&password=nouveau-secret-1&confirm=autre-chose",
                client: client)
            #expect(differ.status == .badRequest && differ.body.contains("Les deux mots de passe diffèrent"))
            let short = try await post(
                "/password-reset/new", "token=\(token(reset))&password=court&confirm=court", client: client)
            #expect(short.status == .badRequest && short.body.contains("de 10 à 72 caractères"))
            let done = try await post(
                "/password-reset/new", "token=\(token(reset))&password=nouveau-secret-1&confirm=nouveau-secret-1",
                client: client)
            #expect(done.status == .ok && done.body.contains("tous vos appareils ont été déconnectés"))
            #expect(try await app.hub.accounts.user(token: bearer) == nil)
            #expect(try await signedIn("marchand%40example.org", "nouveau-secret-1", client: client) != nil)
            let again = try await client.send(.get, reset)
            #expect(again.status == .badRequest && again.body.contains("est plus valable : il a expiré"))
        }
    }
}

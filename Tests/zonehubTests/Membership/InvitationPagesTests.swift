import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Membership
import Testing

@testable import zonehub

/// Invitations through the pages, on a real SQLite hub with the shipped zones and real bcrypt; the links are read
/// from the mail the outbox would send.
// Unchecked: the router is only used by one test at a time.
@Suite struct InvitationPagesTests: @unchecked Sendable {
    let clock = FixedClock(Date())
    let app: TestApp

    init() async throws {
        app = try await TestApp(clock: clock)
    }

    typealias Answer = (status: HTTPResponse.Status, body: String, headers: HTTPFields)

    func post(
        _ uri: String, _ form: String, token: String? = nil, cookie: String? = nil, client: any TestClientProtocol
    )
        async throws -> Answer
    {
        try await client.send(
            .post, uri, token: token, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded",
            cookie: cookie)
    }

    func link(to email: String) async throws -> String {
        try await app.mailedLink(to: email, containing: "/invitations/accept")
    }

    func token(_ link: String) -> String { String(link.split(separator: "=").last ?? "") }

    func cookie(_ answer: Answer) -> String? {
        answer.headers[.setCookie].flatMap { $0.split(separator: ";").first.map(String.init) }
    }

    func invitations() async throws -> Int {
        try await app.database.read { db in try await db.value("SELECT count(*) FROM invitation") ?? -1 }
    }

    @Test func anOperatorInvitesAZoneAdminWhoSetsAPasswordAndAdministersTheZone() async throws {
        let op = try await app.account("op@example.org", role: .hubOperator)
        try await app.test { client in
            let console = try await client.send(.get, "/console", token: op.token)
            #expect(console.body.contains("href=\"/console/invitations\""))
            let page = try await client.send(.get, "/console/invitations", token: op.token)
            #expect(page.status == .ok && page.body.contains("Aucune invitation envoyée."))
            #expect(page.body.contains("value=\"zone-admin\"") && !page.body.contains("value=\"merchant\""))
            let sent = try await post(
                "/console/invitations", "email=nouvelle%40example.org&role=zone-admin&zone=oise", token: op.token,
                client: client)
            #expect(sent.status == .ok && sent.body.contains("Invitation envoyée à nouvelle@example.org."))
            #expect(sent.body.contains("en attente") && sent.body.contains("Révoquer"))

            let link = try await link(to: "nouvelle@example.org")
            let form = try await client.send(.get, link)
            #expect(form.status == .ok && form.body.contains("administrateur de zone de la zone Oise"))
            let accepted = try await post(
                "/invitations/accept", "token=\(token(link))&password=un-bon-mot-de-passe&confirm=un-bon-mot-de-passe",
                client: client)
            #expect(accepted.status == .seeOther && accepted.headers[.location] == "/zones/oise/moderation")
            let session = try #require(cookie(accepted))
            let queue = try await client.send(.get, "/zones/oise/moderation", cookie: session)
            #expect(queue.status == .ok && queue.body.contains("href=\"/zones/oise/moderation/invitations\""))
            let listed = try await client.send(.get, "/console/invitations", token: op.token)
            #expect(listed.body.contains("acceptée") && !listed.body.contains("Révoquer</button>"))
            // Used once.
            let again = try await client.send(.get, link)
            #expect(again.status == .badRequest && again.body.contains("plus valable : elle a expiré, a été révoquée"))
        }
    }

    @Test func aZoneAdminInvitesAnOrganiserAndAMerchantOfTheirZone() async throws {
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        try await app.test { client in
            let base = "/zones/oise/moderation/invitations"
            _ = try await post(base, "email=orga%40example.org&role=organiser", token: admin.token, client: client)
            let organiserLink = try await link(to: "orga@example.org")
            let organiser = try await post(
                "/invitations/accept",
                "token=\(token(organiserLink))&password=un-bon-mot-de-passe&confirm=un-bon-mot-de-passe",
                client: client)
            #expect(organiser.headers[.location] == "/zones/oise/pop-ups")
            let popUps = try await client.send(.get, "/zones/oise/pop-ups", cookie: try #require(cookie(organiser)))
            #expect(popUps.status == .ok && popUps.body.contains("Nouveau lieu"))

            _ = try await post(base, "email=shop%40example.org&role=merchant", token: admin.token, client: client)
            let merchantLink = try await link(to: "shop@example.org")
            let form = try await client.send(.get, merchantLink)
            #expect(form.body.contains("Crépy-en-Valois (60800)") && !form.body.contains("Bergerac"))
            let merchant = try await post(
                "/invitations/accept",
                "token=\(token(merchantLink))&shopName=Fromagerie%20du%20Valois&category=alimentation"
                    + "&commune=60800%7CCr%C3%A9py-en-Valois&password=un-bon-fromage&confirm=un-bon-fromage",
                client: client)
            #expect(merchant.headers[.location] == "/dashboard")
            let dashboard = try await client.send(.get, "/dashboard", cookie: try #require(cookie(merchant)))
            #expect(dashboard.status == .ok && dashboard.body.contains("Fromagerie du Valois"))
            let list = try await client.send(.get, base, token: admin.token)
            #expect(list.body.components(separatedBy: "acceptée").count == 3)
        }
    }

    @Test func aZoneAdminCannotInviteAZoneAdminNorIntoAnotherZone() async throws {
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        let resident = try await app.account("habitant@example.org", role: .resident)
        try await app.test { client in
            let zoneAdmin = try await post(
                "/zones/oise/moderation/invitations", "email=x%40example.org&role=zone-admin", token: admin.token,
                client: client)
            #expect(zoneAdmin.status == .forbidden && zoneAdmin.body.contains("Vous ne pouvez pas inviter à ce rôle"))
            let elsewhere = try await post(
                "/zones/dordogne/moderation/invitations", "email=x%40example.org&role=organiser", token: admin.token,
                client: client)
            #expect(elsewhere.status == .forbidden)
            let cells: [(String, String?, HTTPResponse.Status)] = [
                ("/zones/dordogne/moderation/invitations", admin.token, .forbidden),
                ("/console/invitations", admin.token, .forbidden),
                ("/console/invitations", resident.token, .forbidden),
                ("/zones/oise/moderation/invitations", resident.token, .forbidden),
                ("/zones/oise/moderation/invitations", nil, .unauthorized),
            ]
            for (uri, token, status) in cells {
                #expect(try await client.send(.get, uri, token: token).status == status, "\(uri)")
                let sent = try await post(
                    uri, "email=x%40example.org&role=organiser&zone=oise", token: token, client: client)
                #expect(sent.status == status, "POST \(uri)")
            }
        }
        #expect(try await invitations() == 0)
        #expect(try await app.hub.outbox.messages(recipient: "x@example.org").isEmpty)
    }

    @Test func revokedAndExpiredLinksAreRefusedInFrench() async throws {
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        try await app.test { client in
            let base = "/zones/oise/moderation/invitations"
            _ = try await post(base, "email=a%40example.org&role=organiser", token: admin.token, client: client)
            _ = try await post(base, "email=b%40example.org&role=organiser", token: admin.token, client: client)
            let (first, second) = (try await link(to: "a@example.org"), try await link(to: "b@example.org"))
            let id = try #require(try await app.hub.invitations.preview(token: token(first)).invitation.id)
            let revoked = try await post("\(base)/\(id.rawValue)/revoke", "", token: admin.token, client: client)
            #expect(revoked.status == .ok && revoked.body.contains("Invitation de a@example.org révoquée"))
            #expect(revoked.body.contains("révoquée") && revoked.body.contains("en attente"))
            let twice = try await post("\(base)/\(id.rawValue)/revoke", "", token: admin.token, client: client)
            #expect(twice.status == .conflict && twice.body.contains("déjà été acceptée, révoquée ou a expiré"))

            let refused = try await client.send(.get, first)
            #expect(
                refused.status == .badRequest && refused.body.contains("plus valable : elle a expiré, a été révoquée"))
            clock.advance(by: InvitationService.lifetime + 1)
            let expired = try await post(
                "/invitations/accept",
                "token=\(token(second))&password=un-bon-mot-de-passe&confirm=un-bon-mot-de-passe",
                client: client)
            #expect(
                expired.status == .badRequest && expired.body.contains("plus valable : elle a expiré, a été révoquée"))
            #expect(try await client.send(.get, base, token: admin.token).body.contains("expirée"))
        }
        #expect(try await app.hub.accounts.user(email: "a@example.org") == nil)
        #expect(try await app.hub.accounts.user(email: "b@example.org") == nil)
    }

    @Test func badInputIsAnsweredInFrenchAndWritesNothing() async throws {
        let op = try await app.account("op@example.org", role: .hubOperator)
        try await app.test { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("email=pas-une-adresse&role=organiser&zone=oise", .badRequest, "Indiquez une adresse e-mail valide"),
                (
                    "email=x%40example.org&role=organiser&zone=atlantide", .badRequest,
                    "Choisissez une zone de la liste."
                ),
                ("email=x%40example.org&role=maire&zone=oise", .badRequest, "Choisissez un rôle de la liste."),
                ("email=x%40example.org&role=merchant&zone=oise", .forbidden, "Vous ne pouvez pas inviter à ce rôle"),
            ]
            for (form, status, message) in cases {
                let answer = try await post("/console/invitations", form, token: op.token, client: client)
                #expect(answer.status == status && answer.body.contains(message), "\(form)")
                #expect(!answer.body.contains("invalid_"), "no code shown")
            }
            #expect(try await invitations() == 0)

            _ = try await post(
                "/console/invitations", "email=x%40example.org&role=organiser&zone=oise", token: op.token,
                client: client)
            let token = token(try await link(to: "x@example.org"))
            let answers: [(String, String)] = [
                ("password=un-bon-mot-de-passe&confirm=un-autre", "Les deux mots de passe diffèrent."),
                ("password=court&confirm=court", "de 10 à 72 caractères"),
            ]
            for (form, message) in answers {
                let answer = try await post("/invitations/accept", "token=\(token)&\(form)", client: client)
                #expect(answer.status == .badRequest && answer.body.contains(message), "\(form)")
            }
            let altered = try await client.send(.get, "/invitations/accept?token=\(token.dropLast())x")
            #expect(
                altered.status == .badRequest && altered.body.contains("plus valable : elle a expiré, a été révoquée"))
        }
        #expect(try await app.hub.accounts.user(email: "x@example.org") == nil)
    }

    @Test func invitationsAreThrottledPerAddress() async throws {
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        try await app.test { client in
            for _ in 1...InvitationService.perAddress {
                let sent = try await post(
                    "/zones/oise/moderation/invitations", "email=a%40example.org&role=organiser", token: admin.token,
                    client: client)
                #expect(sent.status == .ok)
            }
            let refused = try await post(
                "/zones/oise/moderation/invitations", "email=a%40example.org&role=organiser", token: admin.token,
                client: client)
            #expect(refused.status == .tooManyRequests && refused.body.contains("Trop de demandes"))
        }
        #expect(try await app.hub.outbox.messages(recipient: "a@example.org").count == InvitationService.perAddress)
    }

    @Test func anAddressWithAnAccountAcceptsOnceSignedIn() async throws {
        let admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        let resident = try await app.account("habitant@example.org", role: .resident)
        let other = try await app.account("autre@example.org", role: .resident)
        try await app.test { client in
            _ = try await post(
                "/zones/oise/moderation/invitations", "email=habitant%40example.org&role=organiser",
                token: admin.token, client: client)
            let link = try await link(to: "habitant@example.org")
            let anonymous = try await client.send(.get, link)
            #expect(
                anonymous.body.contains("Un compte utilise déjà cette adresse")
                    && !anonymous.body.contains("type=\"password\""))
            let wrong = try await post(
                "/invitations/accept", "token=\(token(link))", token: other.token, client: client)
            #expect(wrong.status == .forbidden && wrong.body.contains("envoyée à une autre adresse"))
            let signedIn = try await client.send(.get, link, token: resident.token)
            #expect(signedIn.body.contains("Accepter l&#39;invitation"))
            let accepted = try await post(
                "/invitations/accept", "token=\(token(link))", token: resident.token, client: client)
            #expect(accepted.status == .seeOther && accepted.headers[.location] == "/zones/oise/pop-ups")
        }
        let popUps = try await app.hub.popUps.venues.organises(
            try await app.hub.zones.zone(slug: "oise").id,
            try await app.hub.accounts.user(email: "habitant@example.org"))
        #expect(popUps)
    }
}

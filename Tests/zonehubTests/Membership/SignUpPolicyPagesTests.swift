import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// A zone's admins choose on its rules page whether new merchant accounts wait for them or are active once their
/// address is confirmed: the choice is stored with the other rules (and wins over the zone file, as theirs do),
/// audited, and decides the next sign-up. On the contract engine: PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set.
// Unchecked: the router is only used by one test at a time.
@Suite struct SignUpPolicyPagesTests: @unchecked Sendable {
    let store: TestHub
    let hub: Hub
    let router: Router<HubRequestContext>

    init() async throws {
        store = try await TestHub.contract()
        let settings = try Settings(
            database: ":memory:", host: "127.0.0.1", port: 8080, zones: TestApp.zonesDirectory, environment: [:])
        hub = Hub(database: store.hubDatabase, linkKey: Data(repeating: 7, count: 32), settings: settings)
        _ = try await hub.syncZones(from: TestApp.zonesDirectory)
        router = buildRouter(hub: hub)
    }

    static let rules =
        "holdFirstPosts=2&trustAfterApproved=3&maxLinks=3&weeklyQuota=10&holdOnContactChange=on"
        + "&watchedTerms=hold%20%7C%20gu%C3%A9rit"

    func post(_ uri: String, _ form: String, token: String? = nil, client: any TestClientProtocol) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, uri, token: token, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded")
    }

    /// Signs a shop of the Oise up and follows the link mailed to it; returns the account as it then is.
    func signUpAndConfirm(_ email: String, shop: String, client: any TestClientProtocol) async throws -> User {
        let form =
            "email=\(email.replacingOccurrences(of: "@", with: "%40"))&password=un-bon-fromage&shopName=\(shop)"
            + "&category=alimentation&commune=oise%7C60800%7CCr%C3%A9py-en-Valois"
        let sent = try await post("/sign-up", form, client: client)
        #expect(sent.status == .ok && sent.body.contains("Vérifiez vos e-mails"))
        let message = try #require(try await hub.outbox.messages(recipient: email).last)
        guard case .send(let mail) = try await hub.mailRenderer.render(message) else {
            Issue.record("no mail for \(email)")
            return try #require(try await hub.accounts.user(email: email))
        }
        let line = try #require(mail.text.split(separator: "\n").first { $0.contains("/sign-up/confirm") })
        let token = try #require(line.split(separator: "=").last)
        let confirmed = try await post("/sign-up/confirm", "token=\(token)", client: client)
        #expect(confirmed.status == .ok)
        return try #require(try await hub.accounts.user(email: email))
    }

    @Test func theRulesPageChoiceDecidesWhetherTheNextSignUpWaitsOrIsActiveAndIsAudited() async throws {
        let password = "mot-de-passe-admin"
        _ = try await hub.accounts.add(
            email: "admin.oise@example.org", displayName: nil, role: .zoneAdmin, zoneSlugs: ["oise"],
            password: password, by: nil)
        let admin = try await hub.accounts.signIn(email: "admin.oise@example.org", password: password).token
        try await Application(router: router).test(.router) { client in
            // The zone file says nothing: approval, shown in French.
            let page = try await client.send(.get, "/zones/oise/moderation/rules", token: admin)
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"merchantSignUps\" value=\"approval\" checked> "))
            #expect(page.body.contains("Les nouveaux commerçants attendent l&#39;accord d&#39;un administrateur"))
            #expect(page.body.contains("Les nouveaux commerçants sont acceptés dès leur adresse confirmée"))

            let opened = try await post(
                "/zones/oise/moderation/rules", Self.rules + "&merchantSignUps=open", token: admin, client: client)
            #expect(opened.status == .seeOther)
            let reread = try await client.send(.get, "/zones/oise/moderation/rules", token: admin)
            #expect(reread.body.contains("name=\"merchantSignUps\" value=\"open\" checked> "))
            let fromage = try await signUpAndConfirm("fromage@example.org", shop: "Fromagerie", client: client)
            #expect(fromage.status == .active)
            #expect(try await hub.merchants.merchant(slug: "fromagerie").ownerID == fromage.id)

            let closed = try await post(
                "/zones/oise/moderation/rules", Self.rules + "&merchantSignUps=approval", token: admin, client: client)
            #expect(closed.status == .seeOther)
            let pain = try await signUpAndConfirm("pain@example.org", shop: "Boulangerie", client: client)
            #expect(pain.status == .pending)
        }
        let audited = try await store.texts(
            "SELECT details FROM auditEntry WHERE action = 'rules.update' ORDER BY id")
        #expect(audited.count == 2)
        #expect(audited.first?.contains(#"\"merchantSignUps\":\"open\""#) == true, "\(audited)")
        #expect(audited.last?.contains(#"\"merchantSignUps\":\"approval\""#) == true, "\(audited)")
    }

    @Test func aMissingOrUnknownChoiceIsRefusedInFrenchAndChangesNothing() async throws {
        let password = "mot-de-passe-admin"
        _ = try await hub.accounts.add(
            email: "admin.oise@example.org", displayName: nil, role: .zoneAdmin, zoneSlugs: ["oise"],
            password: password, by: nil)
        let admin = try await hub.accounts.signIn(email: "admin.oise@example.org", password: password).token
        try await Application(router: router).test(.router) { client in
            for choice in ["&merchantSignUps=ouvert", ""] {
                let refused = try await post(
                    "/zones/oise/moderation/rules", Self.rules + choice, token: admin, client: client)
                #expect(refused.status == .badRequest)
                #expect(
                    refused.body.contains(
                        "Choisissez si les nouveaux commerçants attendent l&#39;accord d&#39;un administrateur."))
                #expect(!refused.body.contains("invalid_merchantSignUps"))
            }
        }
        #expect(try await store.number("SELECT count(*) FROM zoneRules") == 0)
        #expect(try await store.number("SELECT count(*) FROM auditEntry WHERE action = 'rules.update'") == 0)
    }
}

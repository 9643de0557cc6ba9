import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The operators' console and the zone admins' merchants page through the router, with real sessions: what each
/// role may do, in its zone and another, and that a disabled account's session ends at once.
// Unchecked: the router is only used by one test at a time.
@Suite struct ConsolePagesTests: @unchecked Sendable {
    let app: TestApp

    init() async throws {
        app = try await TestApp()
    }

    func post(_ uri: String, _ form: String = "", token: String? = nil, client: any TestClientProtocol) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, uri, token: token, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded")
    }

    @Test func anOperatorFindsDisablesEnablesAndGivesZones() async throws {
        let (_, operatorToken) = try await app.account("op@example.org", role: .hubOperator)
        let (merchantToken, _) = try await app.merchant("boutique@example.org", zone: "oise")
        let merchant = try #require(try await app.hub.accounts.user(email: "boutique@example.org"))
        let (resident, _) = try await app.account("habitant@example.org", role: .resident)
        try await app.test { client in
            let found = try await client.send(.get, "/console?q=boutique", token: operatorToken)
            #expect(found.status == .ok && found.body.contains("boutique@example.org"))
            #expect(!found.body.contains("habitant@example.org"))
            #expect(found.body.contains("commerçant") && found.body.contains("actif"))
            let disabled = try await post(
                "/console/users/\(merchant.id.rawValue)/disable", token: operatorToken, client: client)
            #expect(disabled.status == .ok && disabled.body.contains("Compte désactivé"))
            // The merchant's session ended with it.
            #expect(try await client.send(.get, "/dashboard", token: merchantToken).status == .unauthorized)
            let enabled = try await post(
                "/console/users/\(merchant.id.rawValue)/enable", token: operatorToken, client: client)
            #expect(enabled.body.contains("Compte réactivé"))
            let granted = try await post(
                "/console/users/\(resident.id.rawValue)/grant", "zone=dordogne", token: operatorToken, client: client)
            #expect(granted.status == .ok && granted.body.contains("administrateur de zone"))
            #expect(try await app.hub.accounts.user(email: "habitant@example.org")?.role == .zoneAdmin)
            let refused = try await post(
                "/console/users/\(merchant.id.rawValue)/grant", "zone=dordogne", token: operatorToken, client: client)
            #expect(refused.status == .badRequest && refused.body.contains("un commerçant a besoin d"))
            let revoked = try await post(
                "/console/users/\(resident.id.rawValue)/revoke", "zone=dordogne", token: operatorToken, client: client)
            #expect(revoked.body.contains("Zone retirée"))
            #expect(try await app.hub.accounts.user(email: "habitant@example.org")?.role == .resident)
        }
    }

    @Test func anOperatorLiftsASignInLockout() async throws {
        let (_, operatorToken) = try await app.account("op@example.org", role: .hubOperator)
        let (user, _) = try await app.account("oublieux@example.org", role: .merchant)
        let now = app.hub.clock.now()
        for _ in 0..<SignInThrottle.freeFailures {
            try await app.hub.signInThrottle.failed(email: user.email, client: "192.0.2.9", now: now)
        }
        await #expect(throws: CommunityError.self) {
            try await app.hub.signInThrottle.check(email: user.email, client: "192.0.2.10", now: now)
        }
        try await app.test { client in
            let lifted = try await post(
                "/console/users/\(user.id.rawValue)/unlock", token: operatorToken, client: client)
            #expect(lifted.status == .ok && lifted.body.contains("Blocage de connexion levé"))
        }
        try await app.hub.signInThrottle.check(email: user.email, client: "192.0.2.10", now: now)
    }

    @Test func everyConsoleActionIsRefusedToWhoeverMayNotTakeIt() async throws {
        let (oiseAdmin, adminToken) = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        let (ownToken, _) = try await app.merchant("oise-shop@example.org", zone: "oise")
        _ = try await app.merchant("dordogne-shop@example.org", zone: "dordogne")
        let own = try #require(try await app.hub.accounts.user(email: "oise-shop@example.org"))
        let other = try #require(try await app.hub.accounts.user(email: "dordogne-shop@example.org"))
        let (_, residentToken) = try await app.account("habitant@example.org", role: .resident)
        try await app.test { client in
            // Nobody signed in: every console action asks to sign in first.
            #expect(try await client.send(.get, "/console").status != .ok)
            for action in ["disable", "enable", "unlock", "grant", "revoke"] {
                let answer = try await post(
                    "/console/users/\(other.id.rawValue)/\(action)", "zone=oise", client: client)
                #expect(answer.status == .unauthorized || answer.status == .seeOther, "\(action)")
            }
            // Zone admins, merchants and residents: no console.
            for token in [adminToken, ownToken, residentToken] {
                #expect(try await client.send(.get, "/console", token: token).status == .forbidden)
                for action in ["disable", "enable", "unlock", "grant", "revoke"] {
                    let answer = try await post(
                        "/console/users/\(other.id.rawValue)/\(action)", "zone=oise", token: token, client: client)
                    #expect(answer.status == .forbidden, "\(action)")
                }
            }
            // A zone admin suspends the merchants of their zone, not another zone's, and not from another zone's page.
            let page = try await client.send(.get, "/zones/oise/moderation/merchants", token: adminToken)
            #expect(page.status == .ok && page.body.contains("oise-shop@example.org"))
            #expect(!page.body.contains("dordogne-shop@example.org"))
            #expect(
                try await client.send(.get, "/zones/dordogne/moderation/merchants", token: adminToken).status
                    == .forbidden)
            let suspended = try await post(
                "/zones/oise/moderation/merchants/\(own.id.rawValue)/disable", token: adminToken, client: client)
            #expect(suspended.status == .ok && suspended.body.contains("Commerçant suspendu"))
            let foreign = try await post(
                "/zones/oise/moderation/merchants/\(other.id.rawValue)/disable", token: adminToken, client: client)
            #expect(foreign.status == .forbidden)
            let himself = try await post(
                "/zones/oise/moderation/merchants/\(oiseAdmin.id.rawValue)/disable", token: adminToken, client: client)
            #expect(himself.status == .forbidden)
            // Merchants may not suspend anyone.
            let (otherToken, _) = try await app.merchant("troisieme@example.org", zone: "oise")
            let byMerchant = try await post(
                "/zones/oise/moderation/merchants/\(own.id.rawValue)/enable", token: otherToken, client: client)
            #expect(byMerchant.status == .forbidden)
        }
        #expect(try await app.hub.accounts.user(email: "oise-shop@example.org")?.status == .disabled)
        #expect(try await app.hub.accounts.user(email: "dordogne-shop@example.org")?.status == .active)
    }
}

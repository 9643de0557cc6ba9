import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// Cross-site requests, security headers, sign-in throttling and report limits, through the router.
@Suite struct WebSecurityTests {
    static let form = "application/x-www-form-urlencoded"

    func post(
        _ app: TestApp, _ uri: String, _ body: String, cookie: String? = nil, headers extra: [String: String] = [:]
    ) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        var headers = HTTPFields()
        headers[.contentType] = Self.form
        if let cookie { headers[.cookie] = cookie }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await app.test { [headers] client in
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) {
                ($0.status, String(buffer: $0.body), $0.headers)
            }
        }
    }

    @Test(arguments: [
        ["Sec-Fetch-Site": "cross-site"], ["Sec-Fetch-Site": "same-site"], ["Origin": "https://evil.example"],
        ["Origin": "null"],
    ])
    func aFormSentFromAnotherSiteIsRefusedAndChangesNothing(headers: [String: String]) async throws {
        let app = try await TestApp()
        let (_, token) = try await app.account("resident@example.org", role: .resident)
        let answer = try await post(
            app, "/dashboard/password", "current=x&new=nouveau-mot-de-passe&confirm=nouveau-mot-de-passe",
            cookie: "zonehub_session=\(token)", headers: headers)
        #expect(answer.status == .forbidden)
        #expect(answer.body.contains("Ce formulaire a été envoyé depuis un autre site."))
        #expect(try await app.hub.accounts.user(token: token) != nil, "the session is untouched")
    }

    @Test(arguments: [
        ["Sec-Fetch-Site": "same-origin"], ["Origin": "http://127.0.0.1:8080"], ["Origin": "http://localhost"], [:],
    ])
    func aFormFromTheHubsOwnPagesOrFromNoBrowserPasses(headers: [String: String]) async throws {
        let app = try await TestApp()
        // Hummingbird's test client sends `localhost` as the authority.
        let answer = try await post(app, "/sign-in", "email=nobody@example.org&password=wrong", headers: headers)
        #expect(answer.status == .unauthorized)
        #expect(answer.body.contains("Adresse e-mail inconnue ou mot de passe incorrect."))
    }

    @Test func oneClickUnsubscriptionIsOpenToMailProviders() async throws {
        let app = try await TestApp()
        let answer = try await post(
            app, "/subscriptions/unsubscribe?token=forged", "List-Unsubscribe=One-Click",
            headers: ["Sec-Fetch-Site": "cross-site"])
        #expect(answer.status != .forbidden)
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let app = try await TestApp()
        for path in ["/", "/zones/oise", "/feed.atom", "/nowhere"] {
            let answer = try await app.test { try await $0.send(.get, path) }
            let csp = try #require(answer.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("script-src"), "no script may run")
            #expect(answer.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "strict-origin-when-cross-origin")
            #expect(answer.headers[HTTPField.Name("Strict-Transport-Security")!] == nil, "the test hub is http")
        }
    }

    @Test func fiveWrongPasswordsLockTheAccountForAMinuteThenLonger() async throws {
        let clock = FixedClock()
        let app = try await TestApp(clock: clock)
        let password = "un-bon-mot-de-passe"
        _ = try await app.hub.accounts.add(
            email: "cible@example.org", displayName: nil, role: .resident, zoneSlugs: [], password: password, by: nil)
        let signIn = { (password: String) in
            try await post(app, "/sign-in", "email=cible@example.org&password=\(password)")
        }
        for _ in 1...4 { #expect(try await signIn("devine").status == .unauthorized) }
        #expect(try await signIn("devine").status == .unauthorized)  // the fifth failure starts the wait
        let locked = try await signIn(password)
        #expect(locked.status == .tooManyRequests)
        #expect(locked.body.contains("Trop d&#39;essais manqués"))
        let api = try await app.test {
            try await $0.send(
                .post, "/api/v1/sessions", json: #"{"email": "cible@example.org", "password": "\#(password)"}"#)
        }
        #expect(api.status == .tooManyRequests && api.body.contains("sign_in_locked"))
        clock.advance(by: 61)
        #expect(try await signIn("devine").status == .unauthorized)  // the sixth: two minutes now
        clock.advance(by: 61)
        #expect(try await signIn(password).status == .tooManyRequests)
        clock.advance(by: 60)
        let open = try await signIn(password)
        #expect(open.status == .seeOther && open.headers[.setCookie]?.contains("zonehub_session=") == true)
        #expect(try await signIn("devine").status == .unauthorized, "a success starts the count afresh")
    }

    @Test func signingInEndsTheSessionTheBrowserHeldBefore() async throws {
        let app = try await TestApp()
        let (_, old) = try await app.account("avant@example.org", role: .resident)
        let password = "un-bon-mot-de-passe"
        _ = try await app.hub.accounts.add(
            email: "apres@example.org", displayName: nil, role: .resident, zoneSlugs: [], password: password, by: nil)
        let answer = try await post(
            app, "/sign-in", "email=apres@example.org&password=\(password)", cookie: "zonehub_session=\(old)")
        #expect(answer.status == .seeOther)
        let cookie = try #require(answer.headers[.setCookie])
        #expect(!cookie.contains(old))
        #expect(try await app.hub.accounts.user(token: old) == nil)
    }

    @Test func reportsPastTwentyAnHourAreRefused() async throws {
        let app = try await TestApp()
        let (_, token) = try await app.account("lecteur@example.org", role: .resident)
        var statuses: [Int] = []
        for _ in 1...21 {
            let answer = try await app.test {
                try await $0.send(
                    .post, "/api/v1/posts/999999/reports", token: token, json: #"{"reason": "spam"}"#)
            }
            statuses.append(Int(answer.status.code))
        }
        #expect(statuses.prefix(20).allSatisfy { $0 != 429 })
        #expect(statuses.last == 429)
    }
}

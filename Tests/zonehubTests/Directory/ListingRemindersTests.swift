import Community
import Foundation
import HubTestSupport
import Testing

@testable import zonehub

/// Reminders through the outbox, the stale mark, and the confirm button, on a fixed clock.
@Suite struct ListingRemindersTests {
    let clock = FixedClock()
    let app: TestApp
    let token: String
    let day: TimeInterval = 86_400

    static let password = "mot-de-passe-de-test"

    init() async throws {
        app = try await TestApp(clock: clock)
        let owner = try await app.hub.accounts.add(
            email: "fiche@example.org", displayName: nil, role: .merchant, zoneSlugs: [], password: Self.password,
            by: nil)
        _ = try await app.hub.merchants.create(
            MerchantProfile(
                name: "Boutique fiche", categories: [.alimentation], commune: "Bergerac", postcode: "24100",
                zones: ["dordogne"]),
            owner: owner)
        token = try await app.hub.accounts.signIn(email: "fiche@example.org", password: Self.password).token
    }

    /// A new session for the merchant (sessions end long before a listing goes stale).
    func signInAgain() async throws -> String {
        try await app.hub.accounts.signIn(email: "fiche@example.org", password: Self.password).token
    }

    @Test func aReminderIsQueuedOnceWhenThePeriodHasPassed() async throws {
        #expect(try await app.hub.listingReminders.run() == 0)
        clock.advance(by: 90 * day)
        #expect(try await app.hub.listingReminders.run() == 1)
        #expect(try await app.hub.listingReminders.run() == 0)
        let messages = try await app.hub.outbox.messages(recipient: "fiche@example.org")
        #expect(messages.count == 1)
        guard case .notice(let subject, let text) = try #require(messages.first).payload else {
            Issue.record("not a notice")
            return
        }
        #expect(subject == "Votre fiche est-elle toujours à jour ? Boutique fiche")
        #expect(text.contains("depuis le 14 mars 2026"))
        #expect(text.contains("http://127.0.0.1:8080/merchants/boutique-fiche"))
    }

    @Test func aStaleListingIsMarkedUntilItsMerchantConfirmsIt() async throws {
        clock.advance(by: 120 * day)
        let token = try await signInAgain()
        let stale = try await app.test { try await $0.send(.get, "/merchants/boutique-fiche") }
        #expect(stale.body.contains("class=\"stale\""))
        #expect(!stale.body.contains("/merchants/boutique-fiche/confirm"))
        let directory = try await app.test { try await $0.send(.get, "/zones/dordogne/directory") }
        #expect(directory.body.contains("class=\"stale\""))
        let own = try await app.test {
            try await $0.send(.get, "/merchants/boutique-fiche", cookie: "zonehub_session=\(token)")
        }
        #expect(own.body.contains("action=\"/merchants/boutique-fiche/confirm\""))
        let confirm = try await app.test {
            try await $0.send(.post, "/merchants/boutique-fiche/confirm", cookie: "zonehub_session=\(token)")
        }
        #expect(confirm.status == .seeOther)
        let fresh = try await app.test { try await $0.send(.get, "/merchants/boutique-fiche") }
        #expect(!fresh.body.contains("class=\"stale\""))
        #expect(fresh.body.contains("Fiche confirmée par le commerçant le 12 juillet 2026"))
    }

    @Test func theAPIConfirmsForTheOwnerOnly() async throws {
        let token = token
        let (_, other) = try await app.account("autre@example.org", role: .merchant)
        clock.advance(by: day)
        let refused = try await app.test {
            try await $0.send(.post, "/api/v1/merchants/boutique-fiche/confirm", token: other)
        }
        #expect(refused.status == .forbidden)
        let anonymous = try await app.test { try await $0.send(.post, "/api/v1/merchants/boutique-fiche/confirm") }
        #expect(anonymous.status == .unauthorized)
        let missing = try await app.test { try await $0.send(.post, "/api/v1/merchants/nope/confirm", token: token) }
        #expect(missing.status == .notFound)
        let done = try await app.test {
            try await $0.send(.post, "/api/v1/merchants/boutique-fiche/confirm", token: token)
        }
        #expect(done.status == .ok)
        #expect(try decodeJSON(done.body)["confirmedAt"] as? String == "2026-03-15T10:00:00Z")
    }
}

import Community
import Feeds
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The subscription pages through Hummingbird's test client, on a real SQLite hub with a fixed clock.
// Unchecked: the router is only used by one test at a time.
@Suite struct SubscriptionPagesTests: @unchecked Sendable {
    let clock = FixedClock()
    let app: TestApp

    init() async throws {
        app = try await TestApp(clock: clock)
    }

    func post(_ uri: String, _ form: String, client: any TestClientProtocol) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, uri, bytes: Array(form.utf8), contentType: "application/x-www-form-urlencoded")
    }

    func link(in email: String, path: String) async throws -> String {
        try await app.mailedLink(to: email, containing: path)
    }

    func subscribed(_ email: String, client: any TestClientProtocol) async throws -> Subscription {
        _ = try await post("/subscribe", "email=\(email)&zones=oise&frequency=daily", client: client)
        let confirm = try await link(in: email, path: "/subscriptions/confirm")
        let token = String(confirm.split(separator: "=").last!)
        _ = try await post("/subscriptions/confirm", "token=\(token)", client: client)
        return try #require(try await app.hub.subscriptionStore.subscription(email: email))
    }

    @Test func subscribingAnswersTheSameForANewAndAnAlreadySubscribedAddress() async throws {
        try await app.test { client in
            let new = try await post("/subscribe", "email=ana%40example.org&zones=oise&frequency=weekly", client: client)
            #expect(new.status == .ok)
            #expect(new.body.contains("Vérifiez votre boîte mail"))
            _ = try await subscribed("bob@example.org", client: client)
            clock.advance(by: 3600)
            let known = try await post("/subscribe", "email=bob%40example.org&zones=oise&frequency=weekly", client: client)
            #expect(known.status == new.status && known.body == new.body)
        }
    }

    @Test func nothingIsConfirmedUntilTheButtonIsPressed() async throws {
        try await app.test { client in
            _ = try await post(
                "/subscribe", "email=ana%40example.org&zones=oise&zones=dordogne&categories=livres&frequency=daily",
                client: client)
            let confirm = try await link(in: "ana@example.org", path: "/subscriptions/confirm")
            let page = try await client.send(.get, confirm)
            #expect(page.status == .ok && page.body.contains("Je confirme mon abonnement"))
            #expect(try await app.hub.subscriptionStore.subscription(email: "ana@example.org")?.status == .pending)
            let token = String(confirm.split(separator: "=").last!)
            let done = try await post("/subscriptions/confirm", "token=\(token)", client: client)
            #expect(done.status == .ok && done.body.contains("Abonnement confirmé"))
            let subscription = try #require(try await app.hub.subscriptionStore.subscription(email: "ana@example.org"))
            #expect(subscription.status == .confirmed)
            #expect(subscription.preferences.categories == [.livres])
            #expect(subscription.preferences.zoneIDs.count == 2)
            // Confirming twice is harmless.
            #expect(try await post("/subscriptions/confirm", "token=\(token)", client: client).status == .ok)
            let consent = try await app.hub.subscriptionStore.consent(subscription.id)
            #expect(consent.map(\.action) == ["requested", "confirmed"])
            #expect(consent[0].wording == SubscriptionService.consentWording)
        }
    }

    @Test func badInputIsRefusedWithAFrenchMessageAndStoresNothing() async throws {
        try await app.test { client in
            for form in [
                "email=pas-une-adresse&zones=oise&frequency=daily", "email=a%40example.org&frequency=daily",
                "email=a%40example.org&zones=atlantide&frequency=daily", "email=a%40example.org&zones=oise&frequency=hourly",
                "email=a%40example.org&zones=oise&frequency=daily&categories=armes",
            ] {
                let answer = try await post("/subscribe", form, client: client)
                #expect(answer.status == .badRequest)
                #expect(answer.body.contains("role=\"alert\""))
            }
            #expect(try await app.hub.subscriptionStore.count(status: nil) == 0)
        }
    }

    @Test func tooManyRequestsFromOneClientAreRefused() async throws {
        try await app.test { client in
            for n in 1...5 {
                let answer = try await post("/subscribe", "email=n\(n)%40example.org&zones=oise&frequency=daily", client: client)
                #expect(answer.status == .ok)
            }
            let refused = try await post("/subscribe", "email=n6%40example.org&zones=oise&frequency=daily", client: client)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.contains("Trop de demandes"))
            #expect(try await app.hub.subscriptionStore.subscription(email: "n6@example.org") == nil)
        }
    }

    @Test func forgedAndExpiredLinksAreRefusedAndChangeNothing() async throws {
        try await app.test { client in
            _ = try await post("/subscribe", "email=ana%40example.org&zones=oise&frequency=daily", client: client)
            let confirm = try await link(in: "ana@example.org", path: "/subscriptions/confirm")
            let token = String(confirm.split(separator: "=").last!)
            let forged = token.replacingOccurrences(of: "c.1.", with: "c.2.")
            #expect(try await client.send(.get, "/subscriptions/confirm?token=\(forged)").status == .notFound)
            #expect(try await post("/subscriptions/unsubscribe?token=\(forged)", "", client: client).status == .notFound)
            #expect(try await client.send(.get, "/subscriptions/manage?token=nonsense").status == .notFound)
            clock.advance(by: LinkTokens.confirmationLifetime + 1)
            let expired = try await post("/subscriptions/confirm", "token=\(token)", client: client)
            #expect(expired.status == .badRequest && expired.body.contains("Ce lien a expiré"))
            #expect(try await app.hub.subscriptionStore.subscription(email: "ana@example.org")?.status == .pending)
        }
    }

    @Test func oneClickUnsubscriptionNeedsNoCookieAndAGetNeverUnsubscribes() async throws {
        try await app.test { client in
            let subscription = try await subscribed("ana@example.org", client: client)
            let token = app.hub.linkTokens.token(.manage, for: subscription.id)
            let page = try await client.send(.get, "/subscriptions/unsubscribe?token=\(token)")
            #expect(page.status == .ok && page.body.contains("Passer au résumé hebdomadaire"))
            #expect(try await app.hub.subscriptionStore.subscription(id: subscription.id)?.status == .confirmed)
            let oneClick = try await post(
                "/subscriptions/unsubscribe?token=\(token)", "List-Unsubscribe=One-Click", client: client)
            #expect(oneClick.status == .ok)
            #expect(try await app.hub.subscriptionStore.subscription(id: subscription.id)?.status == .unsubscribed)
            #expect(try await app.hub.subscriptionStore.consent(subscription.id).last?.source == "one-click")
            // Again: still 2xx, nothing changes.
            #expect(
                try await post("/subscriptions/unsubscribe?token=\(token)", "List-Unsubscribe=One-Click", client: client)
                    .status == .ok)
        }
    }

    @Test func weeklyInsteadKeepsTheSubscriptionAndRecordsTheChange() async throws {
        try await app.test { client in
            let subscription = try await subscribed("ana@example.org", client: client)
            let token = app.hub.linkTokens.token(.manage, for: subscription.id)
            let saved = try await post(
                "/subscriptions/manage", "token=\(token)&zones=oise&frequency=weekly", client: client)
            #expect(saved.status == .ok && saved.body.contains("Vos préférences sont enregistrées"))
            let after = try await app.hub.subscriptionStore.subscription(id: subscription.id)
            #expect(after?.status == .confirmed && after?.preferences.frequency == .weekly)
            #expect(try await app.hub.subscriptionStore.consent(subscription.id).last?.action == "changed")
            let bad = try await post("/subscriptions/manage", "token=\(token)&frequency=weekly", client: client)
            #expect(bad.status == .badRequest)
        }
    }
}

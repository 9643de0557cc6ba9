import Catalogue
import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Orders
import Testing

@testable import zonehub

/// Orders through the pages: a resident orders for collection, the merchant answers, each step is mailed; guests
/// confirm by a mailed link; every refusal shows beside its field with the values kept. The clock is fixed at
/// Saturday 14 March 2026, 11:00 in Paris.
@Suite struct OrderPagesTests {
    let form = "application/x-www-form-urlencoded"

    /// A hub with a merchant selling two products and one window on Monday 16 March, 10:00–12:00.
    // The test client's closures read only its strings and identifiers.
    struct Shop: @unchecked Sendable {
        let app: TestApp
        let clock: FixedClock
        let owner: String
        let slug: String
        let products: [Product]
        let window: CollectionWindow
    }

    func shop(capacity: Int = 5) async throws -> Shop {
        let clock = FixedClock()
        let app = try await TestApp(clock: clock)
        let (owner, slug) = try await app.merchant("boulangerie@example.org")
        let user = try #require(try await app.hub.accounts.user(email: "boulangerie@example.org"))
        var products: [Product] = []
        for (name, cents) in [("Bûche chocolat", 3200), ("Pain de campagne", 450)] {
            products.append(
                try await app.hub.catalogue.add(
                    ProductDetails(name: name, priceCents: cents, unit: .piece), merchantSlug: slug, by: user))
        }
        let answer = try await app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(slug)/windows", token: owner,
                json: "day=2026-03-16&from=10%3A00&until=12%3A00&capacity=\(capacity)", contentType: form)
        }
        #expect(answer.status == .seeOther)
        let window = try #require(try await app.hub.orders.windows(merchantSlug: slug, by: user).first)
        return Shop(app: app, clock: clock, owner: owner, slug: slug, products: products, window: window)
    }

    func order(_ shop: Shop, _ body: String, token: String? = nil) async throws
        -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await shop.app.test {
            try await $0.send(.post, "/merchants/\(shop.slug)/order", token: token, json: body, contentType: form)
        }
    }

    func subjects(_ app: TestApp, _ email: String) async throws -> [String] {
        try await app.hub.outbox.messages(recipient: email).compactMap {
            if case .notice(let subject, _) = $0.payload { subject } else { nil }
        }
    }

    @Test func aResidentOrdersAndTheMerchantAcceptsPartMarksItReadyAndCollected() async throws {
        let shop = try await shop()
        let (_, resident) = try await shop.app.account("claire@example.org", role: .resident)
        let formPage = try await shop.app.test {
            try await $0.send(
                .get, "/merchants/\(shop.slug)/order?product=\(shop.products[0].id.rawValue)", token: resident)
        }
        #expect(formPage.status == .ok)
        #expect(formPage.body.contains("lundi 16 mars 2026, de 10:00 à 12:00"))
        #expect(formPage.body.contains("name=\"q-\(shop.products[0].id.rawValue)\" type=\"number\" value=\"1\""))
        let sent = try await order(
            shop,
            "q-\(shop.products[0].id.rawValue)=2&q-\(shop.products[1].id.rawValue)=3&window=\(shop.window.id.rawValue)"
                + "&note=Sans+noisettes",
            token: resident)
        #expect(sent.status == .seeOther)
        #expect(sent.headers[.location]?.contains("/account/orders?ok=order-sent") == true)
        let mine = try await shop.app.test { try await $0.send(.get, "/account/orders?ok=order-sent", token: resident) }
        #expect(mine.body.contains("Votre commande est envoyée"))
        #expect(mine.body.contains("En attente de réponse"))
        #expect(mine.body.contains("Total à payer au retrait : 77,50 €"))
        #expect(try await subjects(shop.app, "claire@example.org").count == 1)
        #expect(try await subjects(shop.app, "boulangerie@example.org").first?.hasPrefix("Nouvelle commande") == true)

        let claire = try #require(try await shop.app.hub.accounts.user(email: "claire@example.org"))
        let request = try #require(try await shop.app.hub.orders.myRequests(by: claire).first)
        let dashboard = try await shop.app.test {
            try await $0.send(.get, "/dashboard/merchants/\(shop.slug)/orders", token: shop.owner)
        }
        #expect(dashboard.body.contains("À répondre (1)"))
        #expect(dashboard.body.contains("Sans noisettes"))
        let base = "/dashboard/merchants/\(shop.slug)/orders/\(request.id.rawValue)"
        let lines = request.lines
        let accepted = try await shop.app.test {
            try await $0.send(
                .post, "\(base)/accept", token: shop.owner,
                json: "q-\(lines[0].id.rawValue)=1&q-\(lines[1].id.rawValue)=3", contentType: form)
        }
        #expect(accepted.status == .seeOther)
        #expect(accepted.headers[.location]?.contains("ok=order-accepted") == true)
        let ready = try await shop.app.test { try await $0.send(.post, "\(base)/ready", token: shop.owner) }
        #expect(ready.status == .seeOther)
        let subjects = try await subjects(shop.app, "claire@example.org")
        #expect(subjects.contains { $0.hasPrefix("Commande acceptée") })
        #expect(subjects.contains { $0.hasPrefix("Commande prête à retirer") })
        let acceptedMail = try await shop.app.hub.outbox.messages(recipient: "claire@example.org").compactMap {
            if case .notice(let subject, let text) = $0.payload, subject.hasPrefix("Commande acceptée") {
                text
            } else {
                nil
            }
        }.first
        #expect(acceptedMail?.contains("1 sur 2 × Bûche chocolat") == true)
        #expect(acceptedMail?.contains("lundi 16 mars 2026, de 10:00 à 12:00") == true)
        let collected = try await shop.app.test { try await $0.send(.post, "\(base)/collected", token: shop.owner) }
        #expect(collected.status == .seeOther)
        #expect(try await shop.app.hub.orders.orders.request(id: request.id)?.status == .collected)
        let again = try await shop.app.test { try await $0.send(.post, "\(base)/ready", token: shop.owner) }
        #expect(again.status == .conflict)
        #expect(again.body.contains("Cette commande est terminée"))
    }

    @Test func anOrderFormWithManyMistakesShowsEveryErrorBesideItsFieldAndKeepsTheValues() async throws {
        let shop = try await shop()
        let answer = try await order(
            shop,
            "q-\(shop.products[0].id.rawValue)=deux&q-\(shop.products[1].id.rawValue)=150&email=pas-une-adresse"
                + "&name=&note=Merci")
        #expect(answer.status == .badRequest)
        #expect(answer.body.contains("Une quantité s&#39;écrit en chiffres"))
        #expect(answer.body.contains("Chaque quantité va de 1 à 99."))
        #expect(answer.body.contains("Choisissez un créneau de retrait"))
        #expect(answer.body.contains("Donnez une adresse e-mail valide"))
        #expect(answer.body.contains("Donnez votre nom"))
        #expect(answer.body.contains("value=\"deux\""))
        #expect(answer.body.contains("value=\"pas-une-adresse\""))
        #expect(answer.body.contains(">Merci</textarea>"))
        #expect(try await shop.app.hub.outbox.messages(recipient: "pas-une-adresse").isEmpty)
        let english = try await shop.app.test {
            try await $0.send(
                .post, "/merchants/\(shop.slug)/order?lang=en", json: "email=a%40b.fr&name=A", contentType: form)
        }
        #expect(english.status == .badRequest)
    }

    @Test func aFullWindowIsRefusedBesideTheWindowChoice() async throws {
        let shop = try await shop(capacity: 1)
        let (_, first) = try await shop.app.account("un@example.org", role: .resident)
        let (_, second) = try await shop.app.account("deux@example.org", role: .resident)
        let body = "q-\(shop.products[1].id.rawValue)=1&window=\(shop.window.id.rawValue)"
        #expect(try await order(shop, body, token: first).status == .seeOther)
        let full = try await order(shop, body, token: second)
        #expect(full.status == .conflict)
        #expect(full.body.contains("Ce créneau de retrait est complet"))
        #expect(full.body.contains("ne propose pas de créneau de retrait libre"))
        let slug = shop.slug
        _ = try await shop.app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(slug)/windows", token: shop.owner,
                json: "day=2026-03-17&from=16%3A00&until=18%3A00&capacity=4", contentType: form)
        }
        let beside = try await order(shop, body + "&note=Merci", token: second)
        #expect(beside.status == .conflict)
        #expect(beside.body.contains("id=\"window-error\""))
        #expect(beside.body.contains("mardi 17 mars 2026, de 16:00 à 18:00"))
        #expect(beside.body.contains("name=\"q-\(shop.products[1].id.rawValue)\" type=\"number\" value=\"1\""))
        #expect(beside.body.contains(">Merci</textarea>"))
    }

    @Test func aGuestConfirmsTheOrderByTheMailedLinkAndTheMerchantIsToldThen() async throws {
        let shop = try await shop()
        let sent = try await order(
            shop,
            "q-\(shop.products[1].id.rawValue)=2&window=\(shop.window.id.rawValue)&email=Paul%40Example.org&name=Paul")
        #expect(sent.status == .ok)
        #expect(sent.body.contains("Nous avons envoyé un lien à paul@example.org"))
        #expect(try await subjects(shop.app, "boulangerie@example.org").isEmpty)
        let link = try await shop.app.mailedLink(to: "paul@example.org", containing: "/orders/confirm?token=")
        let page = try await shop.app.test { try await $0.send(.get, link) }
        #expect(page.body.contains("Confirmer la commande"))
        let token = String(link.split(separator: "=", maxSplits: 1)[1])
        let confirmed = try await shop.app.test {
            try await $0.send(.post, "/orders/confirm", json: "token=\(token)", contentType: form)
        }
        #expect(confirmed.status == .ok)
        #expect(confirmed.body.contains("le commerce va vous répondre"))
        #expect(try await subjects(shop.app, "boulangerie@example.org").count == 1)
        let twice = try await shop.app.test {
            try await $0.send(.post, "/orders/confirm", json: "token=\(token)", contentType: form)
        }
        #expect(twice.status == .conflict)
        let wrong = try await shop.app.test { try await $0.send(.get, "/orders/confirm?token=faux") }
        #expect(wrong.status == .badRequest)
        #expect(wrong.body.contains("Ce lien n&#39;est pas valable"))
    }

    @Test func refusingWithoutAReasonShowsTheErrorBesideTheReasonAndChangesNothing() async throws {
        let shop = try await shop()
        let (user, resident) = try await shop.app.account("claire@example.org", role: .resident)
        _ = try await order(
            shop, "q-\(shop.products[1].id.rawValue)=1&window=\(shop.window.id.rawValue)", token: resident)
        let request = try #require(try await shop.app.hub.orders.myRequests(by: user).first)
        let base = "/dashboard/merchants/\(shop.slug)/orders/\(request.id.rawValue)"
        let refused = try await shop.app.test {
            try await $0.send(.post, "\(base)/refuse", token: shop.owner, json: "reason=+", contentType: form)
        }
        #expect(refused.status == .badRequest)
        #expect(refused.body.contains("id=\"reason-\(request.id.rawValue)-error\""))
        #expect(refused.body.contains("Donnez le motif du refus"))
        let tooMany = try await shop.app.test {
            try await $0.send(
                .post, "\(base)/accept", token: shop.owner, json: "q-\(request.lines[0].id.rawValue)=7",
                contentType: form)
        }
        #expect(tooMany.status == .badRequest)
        #expect(tooMany.body.contains("value=\"7\""))
        #expect(try await shop.app.hub.orders.orders.request(id: request.id)?.status == .requested)
        let done = try await shop.app.test {
            try await $0.send(
                .post, "\(base)/refuse", token: shop.owner, json: "reason=Ferm%C3%A9+lundi", contentType: form)
        }
        #expect(done.status == .seeOther)
        let mail = try await shop.app.hub.outbox.messages(recipient: "claire@example.org").compactMap {
            if case .notice(let subject, let text) = $0.payload, subject.hasPrefix("Commande refusée") {
                text
            } else {
                nil
            }
        }.first
        #expect(mail?.contains("Motif : Fermé lundi") == true)
        let mine = try await shop.app.test { try await $0.send(.get, "/account/orders", token: resident) }
        #expect(mine.body.contains("Refusée"))
        #expect(!mine.body.contains("/cancel"))
    }

    @Test func aResidentCancelsAfterConfirmingAndAnotherMerchantSeesNothing() async throws {
        let shop = try await shop()
        let (user, resident) = try await shop.app.account("claire@example.org", role: .resident)
        _ = try await order(
            shop, "q-\(shop.products[1].id.rawValue)=1&window=\(shop.window.id.rawValue)", token: resident)
        let request = try #require(try await shop.app.hub.orders.myRequests(by: user).first)
        let (rival, rivalSlug) = try await shop.app.merchant("rival@example.org")
        for path in [
            "/dashboard/merchants/\(shop.slug)/orders", "/dashboard/merchants/\(shop.slug)/orders.csv",
        ] {
            let answer = try await shop.app.test { try await $0.send(.get, path, token: rival) }
            #expect(answer.status == .forbidden, "\(path)")
        }
        let foreign = try await shop.app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(rivalSlug)/orders/\(request.id.rawValue)/accept", token: rival)
        }
        #expect(foreign.status == .notFound)
        let question = try await shop.app.test {
            try await $0.send(.get, "/account/orders/\(request.id.rawValue)/cancel", token: resident)
        }
        #expect(question.body.contains("cela ne se défait pas"))
        let cancelled = try await shop.app.test {
            try await $0.send(.post, "/account/orders/\(request.id.rawValue)/cancel", token: resident)
        }
        #expect(cancelled.status == .seeOther)
        #expect(try await shop.app.hub.orders.orders.request(id: request.id)?.status == .cancelled)
        let window = try #require(try await shop.app.hub.orders.orders.window(id: shop.window.id))
        #expect(window.held == 0)
    }

    @Test func theCSVExportHasOneLinePerOrderLineAndTheCalendarNeedsItsToken() async throws {
        let shop = try await shop()
        let (_, resident) = try await shop.app.account("claire@example.org", role: .resident)
        _ = try await order(
            shop,
            "q-\(shop.products[0].id.rawValue)=1&q-\(shop.products[1].id.rawValue)=2&window=\(shop.window.id.rawValue)"
                + "&note=%3D1%2B1",
            token: resident)
        let csv = try await shop.app.test {
            try await $0.send(.get, "/dashboard/merchants/\(shop.slug)/orders.csv", token: shop.owner)
        }
        #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
        let rows = try CSVTable.parse(Data(csv.body.utf8), file: OrderFormField.quantity).rows
        #expect(rows.count == 2)
        #expect(rows[0].fields[1] == "en attente de réponse")
        #expect(rows[0].fields[5] == "Bûche chocolat")
        #expect(rows[1].fields[6] == "2")
        #expect(rows[0].fields[8] == "32 €")
        #expect(rows[0].fields[9] == "'=1+1")
        let user = try #require(try await shop.app.hub.accounts.user(email: "boulangerie@example.org"))
        let merchant = try await shop.app.hub.orders.managed(merchantSlug: shop.slug, by: user)
        let token = shop.app.hub.linkTokens.ordersCalendarToken(for: merchant.id)
        let calendar = try await shop.app.test {
            try await $0.send(.get, "/merchants/\(shop.slug)/orders.ics?token=\(token)")
        }
        #expect(calendar.status == .ok)
        #expect(calendar.body.contains("DTSTART;TZID=Europe/Paris:20260316T100000"))
        #expect(calendar.body.contains("Pain de campagne"))
        let dashboard = try await shop.app.test {
            try await $0.send(.get, "/dashboard/merchants/\(shop.slug)/orders", token: shop.owner)
        }
        #expect(dashboard.body.contains("orders.ics?token=\(token)"))
        for bad in ["", "o.\(merchant.id.rawValue).faux", shop.app.hub.linkTokens.calendarToken(for: merchant.id)] {
            let refused = try await shop.app.test {
                try await $0.send(.get, "/merchants/\(shop.slug)/orders.ics?token=\(bad)")
            }
            #expect(refused.status.code >= 400 && refused.status.code < 500, "\(bad)")
        }
    }

    @Test func aMerchantOpensAPreOrderAndResidentsOrderUntilTheLastUnits() async throws {
        let shop = try await shop()
        let bad = try await shop.app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(shop.slug)/campaigns", token: shop.owner,
                json: "title=&closesAt=demain&collectFrom=2026-03-20T10%3A00&collectUntil=2026-03-21T12%3A00"
                    + "&p-\(shop.products[0].id.rawValue)=-4", contentType: form)
        }
        #expect(bad.status == .badRequest)
        #expect(bad.body.contains("Indiquez une date et une heure"))
        #expect(bad.body.contains("value=\"-4\""))
        let opened = try await shop.app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(shop.slug)/campaigns", token: shop.owner,
                json: "title=B%C3%BBches+de+No%C3%ABl&closesAt=2026-03-18T18%3A00&collectFrom=2026-03-20T10%3A00"
                    + "&collectUntil=2026-03-21T12%3A00&p-\(shop.products[0].id.rawValue)=3", contentType: form)
        }
        #expect(opened.status == .seeOther)
        let user = try #require(try await shop.app.hub.accounts.user(email: "boulangerie@example.org"))
        let campaign = try #require(try await shop.app.hub.campaigns.campaigns(merchantSlug: shop.slug, by: user).first)
        let path = "/merchants/\(shop.slug)/campaigns/\(campaign.id.rawValue)"
        let page = try await shop.app.test { try await $0.send(.get, path) }
        #expect(page.body.contains("Bûches de Noël"))
        #expect(page.body.contains("3 restantes"))
        #expect(page.body.contains("mercredi 18 mars 2026 à 18:00"))
        let (_, first) = try await shop.app.account("un@example.org", role: .resident)
        let (_, second) = try await shop.app.account("deux@example.org", role: .resident)
        let q = "q-\(shop.products[0].id.rawValue)"
        let ordered = try await shop.app.test {
            try await $0.send(.post, path, token: first, json: "\(q)=2", contentType: form)
        }
        #expect(ordered.status == .seeOther)
        let soldOut = try await shop.app.test {
            try await $0.send(.post, path, token: second, json: "\(q)=2", contentType: form)
        }
        #expect(soldOut.status == .conflict)
        #expect(soldOut.body.contains("il ne reste que 1 unité de « Bûche chocolat »"))
        #expect(soldOut.body.contains("value=\"2\""))
        let dashboard = try await shop.app.test {
            try await $0.send(.get, "/dashboard/merchants/\(shop.slug)/orders", token: shop.owner)
        }
        #expect(dashboard.body.contains("2 promises, 1 restante sur 3"))
        // Residents find the open campaign on the merchant's page, and no longer once it is closed.
        let merchantPage = try await shop.app.test { try await $0.send(.get, "/merchants/\(shop.slug)") }
        #expect(merchantPage.body.contains("<h2>Précommandes ouvertes</h2>"))
        #expect(merchantPage.body.contains("<a href=\"\(path)\">Bûches de Noël</a>"))
        let closed = try await shop.app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(shop.slug)/campaigns/\(campaign.id.rawValue)/close", token: shop.owner)
        }
        #expect(closed.status == .seeOther)
        let late = try await shop.app.test {
            try await $0.send(.post, path, token: second, json: "\(q)=1", contentType: form)
        }
        #expect(late.status.code >= 400)
        let afterClosing = try await shop.app.test { try await $0.send(.get, "/merchants/\(shop.slug)") }
        #expect(afterClosing.status == .ok && !afterClosing.body.contains("Précommandes ouvertes"))
    }

    @Test func theSweeperExpiresUnansweredRequestsAndMailsTheirResidents() async throws {
        let shop = try await shop()
        let (_, resident) = try await shop.app.account("claire@example.org", role: .resident)
        _ = try await order(
            shop, "q-\(shop.products[1].id.rawValue)=1&window=\(shop.window.id.rawValue)", token: resident)
        let sweeper = shop.app.hub.orderSweeper(logger: .init(label: "test"))
        #expect(try await sweeper.sweep() == 0)
        shop.clock.advance(by: 3 * 86_400)
        #expect(try await sweeper.sweep() == 1)
        let subjects = try await subjects(shop.app, "claire@example.org")
        #expect(subjects.contains { $0.hasPrefix("Commande expirée") })
    }

    @Test func theMailTextsAreBilingualAndNameTheWindow() {
        let window = CollectionWindow(
            id: .init(1), merchantID: .init(1), startsAt: Date(timeIntervalSince1970: 1_773_651_600),
            endsAt: Date(timeIntervalSince1970: 1_773_658_800), capacity: 5, held: 1, createdAt: Date(), removedAt: nil)
        #expect(OrderWording.window(window, .fr) == "lundi 16 mars 2026, de 10:00 à 12:00")
        #expect(OrderWording.window(window, .en) == "Monday 16 March 2026, from 10:00 to 12:00")
    }
}

import Catalogue
import Community
import Foundation
import HubTestSupport
import Orders
import Storage
import Testing

/// Order requests through the service, on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set): the
/// life of a request, the places it holds, who may act, and what is refused with the data left as it was.
@Suite struct OrderServiceTests {
    let f: OrdersFixture

    init() async throws { f = try await OrdersFixture() }

    func ask(
        _ lines: [LineRequest], in window: CollectionWindow, by user: User? = nil
    ) async throws -> OrderRequest {
        try await f.orders.request(lines, window: window.id, merchantSlug: f.shop.slug, by: .user(user ?? f.resident))
            .request
    }

    @Test func aRequestIsAcceptedInPartMadeReadyAndCollected() async throws {
        let window = try await f.window(capacity: 2)
        let asked = try await ask(
            [LineRequest(productID: f.comte.id, quantity: 2), LineRequest(productID: f.buche.id, quantity: 1)],
            in: window)
        #expect(asked.status == .requested && asked.userID == f.resident.id && asked.windowID == window.id)
        #expect(asked.lines.map(\.name) == ["Comté 18 mois", "Bûche de Noël"])
        #expect(asked.lines.map(\.priceCents) == [2890, 3200] && asked.totalCents == 2 * 2890 + 3200)
        #expect(asked.answerBy == f.hub.clock.now().addingTimeInterval(22 * 3600))
        #expect(try await f.store.window(id: window.id)?.placesLeft == 1)

        let accepted = try await f.orders.accept(
            asked.id, quantities: [asked.lines[0].id: 1, asked.lines[1].id: 0], merchantSlug: f.shop.slug, by: f.owner)
        #expect(accepted.status == .accepted && accepted.lines.map(\.acceptedQuantity) == [1, 0])
        #expect(accepted.totalCents == 2890)
        let ready = try await f.orders.markReady(asked.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(ready.status == .ready)
        let collected = try await f.orders.markCollected(asked.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(collected.status == .collected)
        #expect(try await f.store.window(id: window.id)?.placesLeft == 1)
        let actions = try await f.hub.texts(
            "SELECT action FROM auditEntry WHERE subject = 'orderRequest:\(asked.id)' ORDER BY id")
        #expect(actions == ["order.request", "order.accept", "order.ready", "order.collect"])
        let again = await errorCode {
            _ = try await f.orders.markNotCollected(asked.id, merchantSlug: f.shop.slug, by: f.owner)
        }
        #expect(again == "wrong_status" || again == "order_final")
    }

    @Test func refusingNeedsAReasonAndFreesThePlace() async throws {
        let window = try await f.window(capacity: 1)
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        #expect(try await f.store.window(id: window.id)?.placesLeft == 0)
        let noReason = await errorCode {
            _ = try await f.orders.refuse(asked.id, reason: "  ", merchantSlug: f.shop.slug, by: f.owner)
        }
        #expect(noReason == "invalid_reason")
        #expect(try await f.store.request(id: asked.id)?.status == .requested)
        let refused = try await f.orders.refuse(
            asked.id, reason: "Plus de comté avant lundi.", merchantSlug: f.shop.slug, by: f.owner)
        #expect(refused.status == .refused && refused.reason == "Plus de comté avant lundi.")
        #expect(try await f.store.window(id: window.id)?.placesLeft == 1)
    }

    @Test func illegalStepsAreRefusedAndChangeNothing() async throws {
        let window = try await f.window()
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        #expect(
            await errorCode { _ = try await f.orders.markReady(asked.id, merchantSlug: f.shop.slug, by: f.owner) }
                == "wrong_status")
        #expect(
            await errorCode { _ = try await f.orders.markCollected(asked.id, merchantSlug: f.shop.slug, by: f.owner) }
                == "wrong_status")
        _ = try await f.orders.refuse(asked.id, reason: "Fermé.", merchantSlug: f.shop.slug, by: f.owner)
        #expect(
            await errorCode { _ = try await f.orders.markReady(asked.id, merchantSlug: f.shop.slug, by: f.owner) }
                == "order_final")
        #expect(await errorCode { _ = try await f.orders.cancel(asked.id, by: f.resident) } == "order_final")
        #expect(try await f.store.request(id: asked.id)?.status == .refused)
        #expect(try await f.count("SELECT count(*) FROM auditEntry WHERE action LIKE 'order.%'") == 2)
    }

    @Test func theResidentCancelsBeforeItIsReadyAndNotAfter() async throws {
        let window = try await f.window(capacity: 1)
        let first = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        #expect(try await f.orders.cancel(first.id, by: f.resident).status == .cancelled)
        #expect(try await f.store.window(id: window.id)?.placesLeft == 1)
        let second = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        _ = try await f.orders.accept(second.id, merchantSlug: f.shop.slug, by: f.owner)
        _ = try await f.orders.markReady(second.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(await errorCode { _ = try await f.orders.cancel(second.id, by: f.resident) } == "wrong_status")
    }

    @Test func onlyTheOwnerOrAnOperatorAnswersAndOnlyTheResidentCancels() async throws {
        let window = try await f.window()
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        let stranger = try await f.hub.user("autre@example.org", role: .merchant)
        #expect(
            await errorCode { _ = try await f.orders.accept(asked.id, merchantSlug: f.shop.slug, by: stranger) }
                == "forbidden")
        #expect(await errorCode { _ = try await f.orders.cancel(asked.id, by: stranger) } == "order_not_found")
        #expect(await errorCode { _ = try await f.orders.request(asked.id, by: stranger) } == "order_not_found")
        let other = try await f.hub.merchant("Épicerie", owner: stranger)
        #expect(
            await errorCode { _ = try await f.orders.accept(asked.id, merchantSlug: other.slug, by: stranger) }
                == "order_not_found")
        #expect(try await f.store.request(id: asked.id)?.status == .requested)
        let operator_ = try await f.hub.user("ops@example.org", role: .hubOperator)
        #expect(try await f.orders.accept(asked.id, merchantSlug: f.shop.slug, by: operator_).status == .accepted)
        #expect(try await f.orders.request(asked.id, by: f.owner).id == asked.id)
        #expect(try await f.orders.request(asked.id, by: f.resident).id == asked.id)
    }

    @Test func anotherMerchantIsToldTheRequestDoesNotExistWhateverItsStatus() async throws {
        let window = try await f.window()
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        let stranger = try await f.hub.user("autre@example.org", role: .merchant)
        let other = try await f.hub.merchant("Épicerie", owner: stranger)
        func steps() async -> [String?] {
            [
                await errorCode { _ = try await f.orders.markReady(asked.id, merchantSlug: other.slug, by: stranger) },
                await errorCode {
                    _ = try await f.orders.markCollected(asked.id, merchantSlug: other.slug, by: stranger)
                },
                await errorCode {
                    _ = try await f.orders.markNotCollected(asked.id, merchantSlug: other.slug, by: stranger)
                },
            ]
        }
        let notFound = [String?](repeating: "order_not_found", count: 3)
        #expect(await steps() == notFound)  // requested: none of the three steps follows
        _ = try await f.orders.accept(asked.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(await steps() == notFound)  // accepted: ready would follow
        _ = try await f.orders.markReady(asked.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(await steps() == notFound)  // ready: collected or not would follow
        #expect(try await f.store.request(id: asked.id)?.status == .ready)
        _ = try await f.orders.markCollected(asked.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(await steps() == notFound)  // collected: final
        #expect(try await f.store.request(id: asked.id)?.status == .collected)
    }

    @Test func productsOfAnotherMerchantOrRemovedAreRefusedNamingTheLine() async throws {
        let window = try await f.window()
        for (product, line) in [(f.elsewhere, 1), (f.removed, 1)] {
            do {
                _ = try await ask(
                    [LineRequest(productID: f.comte.id, quantity: 1), LineRequest(productID: product.id, quantity: 1)],
                    in: window)
                Issue.record("\(product.name) was accepted")
            } catch let error as CommunityError {
                #expect(error.code == "invalid_line_product" && error.message.hasPrefix("lines[\(line)]"))
                #expect(error.frenchMessage.hasPrefix("Ligne 2 :"))
            }
        }
        #expect(
            await errorCode { _ = try await ask([LineRequest(productID: f.comte.id, quantity: -1)], in: window) }
                == "invalid_line_quantity")
        #expect(
            await errorCode { _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1000)], in: window) }
                == "invalid_line_quantity")
        #expect(try await f.count("SELECT count(*) FROM orderRequest") == 0)
        #expect(try await f.count("SELECT count(*) FROM orderLine") == 0)
    }

    @Test func aWindowPastFullRemovedOrOfAnotherMerchantCannotBeChosen() async throws {
        let soon = try await f.window(inHours: 2)
        #expect(
            await errorCode { _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: soon) }
                == "window_past")
        let full = try await f.window(capacity: 1)
        _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: full)
        let neighbour = try await f.resident(1)
        #expect(
            await errorCode {
                _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: full, by: neighbour)
            }
                == "window_full")
        let removed = try await f.window(inHours: 30)
        try await f.orders.removeWindow(removed.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(
            await errorCode { _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: removed) }
                == "window_removed")
        #expect(
            await errorCode {
                _ = try await f.orders.request(
                    [LineRequest(productID: f.elsewhere.id, quantity: 1)], window: full.id,
                    merchantSlug: f.other.slug, by: .user(f.resident))
            } == "window_not_found")
        #expect(try await f.count("SELECT count(*) FROM orderRequest") == 1)
        let past = await errorCode {
            _ = try await f.orders.addWindow(
                WindowDetails(
                    startsAt: f.hub.clock.now().addingTimeInterval(-60), endsAt: f.hub.clock.now(), capacity: 3),
                merchantSlug: f.shop.slug, by: f.owner)
        }
        #expect(past == "invalid_start")
    }

    @Test func removingAWindowKeepsItsOrdersAndListsShowPlacesLeft() async throws {
        let window = try await f.window(capacity: 3)
        let later = try await f.window(inHours: 48, capacity: 2)
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        let listed = try await f.orders.choosableWindows(merchantSlug: f.shop.slug)
        #expect(listed.map(\.id) == [window.id, later.id] && listed.map(\.placesLeft) == [2, 2])
        try await f.orders.removeWindow(window.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(try await f.orders.windows(merchantSlug: f.shop.slug, by: f.owner).map(\.id) == [later.id])
        let (kept, requests) = try await f.orders.orders(inWindow: window.id, merchantSlug: f.shop.slug, by: f.owner)
        #expect(kept.removedAt != nil && requests.map(\.id) == [asked.id])
        #expect(
            await errorCode { try await f.orders.removeWindow(window.id, merchantSlug: f.shop.slug, by: f.owner) }
                == "window_not_found")
    }

    @Test func readsByStatusByWindowAndByResident() async throws {
        let window = try await f.window()
        let other = try await f.window(inHours: 30)
        let first = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        let second = try await ask([LineRequest(productID: f.buche.id, quantity: 2)], in: other)
        _ = try await f.orders.accept(second.id, merchantSlug: f.shop.slug, by: f.owner)
        let all = try await f.orders.requests(merchantSlug: f.shop.slug, by: f.owner)
        #expect(all.map(\.id) == [second.id, first.id])
        #expect(
            try await f.orders.requests(merchantSlug: f.shop.slug, statuses: [.requested], by: f.owner).map(\.id) == [
                first.id
            ])
        #expect(
            try await f.orders.requests(merchantSlug: f.shop.slug, window: other.id, by: f.owner).map(\.id) == [
                second.id
            ])
        #expect(try await f.orders.myRequests(by: f.resident).map(\.id) == [second.id, first.id])
        #expect(try await f.orders.myRequests(by: f.owner).isEmpty)
        #expect(
            await errorCode { _ = try await f.orders.requests(merchantSlug: f.shop.slug, by: f.resident) }
                == "forbidden")
    }

    @Test func residentsHaveAtMostThreeOpenRequestsPerMerchantAndTenInAll() async throws {
        let window = try await f.window(capacity: 50)
        for _ in 1...3 { _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window) }
        #expect(
            await errorCode { _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window) }
                == "too_many_open_with_merchant")
        let guest = OrderRequester.guest(email: "LEA@example.org", name: "Léa")
        #expect(
            await errorCode {
                _ = try await f.orders.request(
                    [LineRequest(productID: f.comte.id, quantity: 1)], window: window.id, merchantSlug: f.shop.slug,
                    by: guest)
            } == "too_many_open_with_merchant")
        #expect(try await f.count("SELECT count(*) FROM orderRequest") == 3)
        let first = try await f.store.requests(of: f.resident.id, limit: 1)[0]
        _ = try await f.orders.cancel(first.id, by: f.resident)
        _ = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        // Ten in all, over several merchants: seven more with three other shops.
        var shops: [(Merchant, User, CollectionWindow, Product)] = []
        for number in 1...3 {
            let owner = try await f.hub.user("shop\(number)@example.org", role: .merchant)
            let shop = try await f.hub.merchant("Boutique \(number)", owner: owner)
            let product = try await SQLCatalogueStore(database: f.hub.hubDatabase.sql).add(
                [ProductDetails(name: "Pain", priceCents: 100, unit: .piece)], to: shop, limit: 10, imported: false,
                by: owner.id, at: f.hub.clock.now())[0]
            let start = f.hub.clock.now().addingTimeInterval(86_400)
            let window = try await f.orders.addWindow(
                WindowDetails(startsAt: start, endsAt: start.addingTimeInterval(3600), capacity: 10),
                merchantSlug: shop.slug, by: owner)
            shops.append((shop, owner, window, product))
        }
        var placed = 3
        outer: for (shop, _, window, product) in shops {
            for _ in 1...3 {
                guard placed < 10 else { break outer }
                _ = try await f.orders.request(
                    [LineRequest(productID: product.id, quantity: 1)], window: window.id, merchantSlug: shop.slug,
                    by: .user(f.resident))
                placed += 1
            }
        }
        let (shop, _, window3, product) = shops[2]
        #expect(
            await errorCode {
                _ = try await f.orders.request(
                    [LineRequest(productID: product.id, quantity: 1)], window: window3.id, merchantSlug: shop.slug,
                    by: .user(f.resident))
            } == "too_many_open_orders")
    }

    @Test func aGuestConfirmsWithTheMailedTokenBeforeItExpires() async throws {
        let window = try await f.window(capacity: 1)
        let placed = try await f.orders.request(
            [LineRequest(productID: f.buche.id, quantity: 1)], window: window.id, merchantSlug: f.shop.slug,
            note: "Sans inscription", by: .guest(email: "Invite@Example.org", name: "Invité"))
        let token = try #require(placed.token)
        #expect(placed.request.status == .unconfirmed && placed.request.email == "invite@example.org")
        #expect(placed.request.confirmBy == f.hub.clock.now().addingTimeInterval(21 * 3600))
        #expect(try await f.store.window(id: window.id)?.placesLeft == 1)
        #expect(try await f.count("SELECT count(*) FROM orderRequest WHERE tokenHash = '\(token)'") == 0)
        #expect(await errorCode { _ = try await f.orders.confirm(token: "not-the-token") } == "invalid_token")
        #expect(
            await errorCode { _ = try await f.orders.accept(placed.request.id, merchantSlug: f.shop.slug, by: f.owner) }
                == "wrong_status")
        f.hub.clock.advance(by: 3600)
        let confirmed = try await f.orders.confirm(token: token)
        #expect(confirmed.status == .requested && confirmed.answerBy == f.hub.clock.now().addingTimeInterval(21 * 3600))
        #expect(try await f.store.window(id: window.id)?.placesLeft == 0)
        #expect(try await f.orders.guestRequest(token: token).id == placed.request.id)
        #expect(await errorCode { _ = try await f.orders.confirm(token: token) } == "wrong_status")
        #expect(try await f.orders.cancel(token: token).status == .cancelled)
    }

    @Test func aGuestsLateConfirmationIsRefusedAndTheSweepExpiresIt() async throws {
        let window = try await f.window()
        let placed = try await f.orders.request(
            [LineRequest(productID: f.buche.id, quantity: 1)], window: window.id, merchantSlug: f.shop.slug,
            by: .guest(email: "invite@example.org", name: "Invité"))
        f.hub.clock.advance(by: 22 * 3600)
        #expect(await errorCode { _ = try await f.orders.confirm(token: placed.token!) } == "confirmation_expired")
        let expired = try await f.orders.expireOverdue()
        #expect(expired.map(\.id) == [placed.request.id] && expired[0].status == .expired)
        #expect(expired[0].reason == "not_confirmed")
    }

    @Test func requestsTheMerchantDoesNotAnswerExpireAndFreeTheirPlace() async throws {
        let window = try await f.window(inHours: 72, capacity: 1)
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        let answered = try await ask([LineRequest(productID: f.buche.id, quantity: 1)], in: try await f.window())
        _ = try await f.orders.accept(answered.id, merchantSlug: f.shop.slug, by: f.owner)
        f.hub.clock.advance(by: 47 * 3600)
        #expect(try await f.orders.expireOverdue().isEmpty)
        f.hub.clock.advance(by: 3600)
        let expired = try await f.orders.expireOverdue()
        #expect(expired.map(\.id) == [asked.id] && expired[0].reason == "not_answered")
        #expect(try await f.store.window(id: window.id)?.placesLeft == 1)
        #expect(try await f.store.request(id: answered.id)?.status == .accepted)
        #expect(try await f.orders.expireOverdue().isEmpty)
        #expect(
            await errorCode { _ = try await f.orders.accept(asked.id, merchantSlug: f.shop.slug, by: f.owner) }
                == "order_final")
        #expect(try await f.count("SELECT count(*) FROM auditEntry WHERE action = 'order.expire'") == 1)
    }

    @Test func theDatabaseRefusesOverfillingAWindowAndReopeningAFinishedRequest() async throws {
        let window = try await f.window(capacity: 1)
        let asked = try await ask([LineRequest(productID: f.comte.id, quantity: 1)], in: window)
        let now = "'2026-03-14 10:00:00.000'"
        await #expect(throws: (any Error).self) {
            try await f.hub.execute(
                """
                INSERT INTO orderRequest (merchantId, windowId, email, residentName, note, status, createdAt, updatedAt)
                VALUES (\(f.shop.id), \(window.id), 'x@example.org', 'X', '', 'requested', \(now), \(now))
                """)
        }
        _ = try await f.orders.cancel(asked.id, by: f.resident)
        await #expect(throws: (any Error).self) {
            try await f.hub.execute("UPDATE orderRequest SET status = 'requested' WHERE id = \(asked.id)")
        }
        #expect(try await f.store.request(id: asked.id)?.status == .cancelled)
        // The same row goes in once the place is free: only the window's capacity refused it.
        try await f.hub.execute(
            """
            INSERT INTO orderRequest (merchantId, windowId, email, residentName, note, status, createdAt, updatedAt)
            VALUES (\(f.shop.id), \(window.id), 'x@example.org', 'X', '', 'requested', \(now), \(now))
            """)
        #expect(try await f.store.window(id: window.id)?.placesLeft == 0)
    }
}

import Catalogue
import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Orders
import Testing

@testable import zonehub

/// Order requests through the JSON API: windows, campaigns, requests and the merchant's answers, every refusal
/// with its code and French text, and the data left as it was. `send` holds every answer to `openapi.json`.
@Suite struct OrderAPITests {
    @Test func aMerchantOffersWindowsAndResidentsSeeOnlyThoseTheyMayChoose() async throws {
        let shop = try await OrderAPIShop()
        let (app, token) = (shop.app, shop.ownerToken)
        let base = "/api/v1/merchants/\(shop.slug)/collection-windows"
        try await app.test { client in
            let added = try await client.send(.post, base, token: token, json: shop.windowJSON(inHours: 24))
            #expect(added.status == .created)
            let window = try decodeJSON(added.body)
            #expect(window["capacity"] as? Int == 5 && window["placesLeft"] as? Int == 5)
            let soon = try await client.send(.post, base, token: token, json: shop.windowJSON(inHours: 1))
            #expect(soon.status == .created)
            for (json, code) in [
                (shop.windowJSON(inHours: 24, capacity: 0), "invalid_capacity"),
                (shop.windowJSON(inHours: 24, capacity: 501), "invalid_capacity"),
                (shop.windowJSON(inHours: -2), "invalid_start"),
                (shop.windowJSON(inHours: 24, length: -1), "invalid_end"),
                (shop.windowJSON(inHours: 24, length: 13), "invalid_end"),
                (#"{"startsAt": "demain", "endsAt": "2026-12-24T10:00:00Z", "capacity": 3}"#, ""),
            ] {
                let refused = try await client.send(.post, base, token: token, json: json)
                #expect(refused.status == .badRequest, "\(json)")
                // A date that is not one is refused by the decoder, before any rule.
                #expect(try code.isEmpty || decodeJSON(refused.body)["error"] as? String == code, "\(json)")
            }
            let rival = try await client.send(.post, base, token: shop.rivalToken, json: shop.windowJSON(inHours: 30))
            #expect(rival.status == .forbidden)
            let anonymous = try await client.send(.post, base, json: shop.windowJSON(inHours: 30))
            #expect(anonymous.status == .unauthorized)
            // Residents see the window they may choose; the owner also sees the one starting within 3 hours.
            let publicList = try await client.send(.get, base)
            #expect(try shop.ids(publicList.body) == [window["id"] as? Int])
            let ownerList = try await client.send(.get, base, token: token)
            #expect(try shop.ids(ownerList.body).count == 2)
            let id = try #require(window["id"] as? Int)
            let rivalRemoval = try await client.send(.delete, "\(base)/\(id)", token: shop.rivalToken)
            #expect(rivalRemoval.status == .forbidden)
            let removed = try await client.send(.delete, "\(base)/\(id)", token: token)
            #expect(removed.status == .noContent)
            let again = try await client.send(.delete, "\(base)/\(id)", token: token)
            #expect(again.status == .notFound)
            #expect(try decodeJSON(again.body)["error"] as? String == "window_not_found")
            #expect(try shop.ids(try await client.send(.get, base).body).isEmpty)
            let unknown = try await client.send(.get, "/api/v1/merchants/nulle-part/collection-windows")
            #expect(unknown.status == .notFound)
        }
    }

    @Test func aResidentOrdersInAWindowAndTheMerchantAnswersEachStep() async throws {
        let shop = try await OrderAPIShop()
        let app = shop.app
        let window = try await shop.window(inHours: 24)
        let resident = try await app.account("lea@example.org", role: .resident)
        let orders = "/api/v1/merchants/\(shop.slug)/order-requests"
        try await app.test { client in
            let created = try await client.send(
                .post, orders, token: resident.token,
                json: """
                    {"window": \(window.id), "lines": [{"product": \(shop.comte.id), "quantity": 2},
                    {"product": \(shop.brie.id), "quantity": 1}], "note": "Bien affiné, merci"}
                    """)
            #expect(created.status == .created)
            let order = try decodeJSON(created.body)
            #expect(order["status"] as? String == "requested")
            #expect(order["totalCents"] as? Int == 2 * 2890 + 2450)
            #expect(order["merchant"] as? String == shop.slug && order["note"] as? String == "Bien affiné, merci")
            let id = try #require(order["id"] as? Int)
            let lines = try #require(order["lines"] as? [[String: Any]])
            let comteLine = try #require(lines.first?["id"] as? Int)

            let waiting = try await client.send(.get, "\(orders)?status=requested,accepted", token: shop.ownerToken)
            #expect(try shop.ids(waiting.body) == [id])
            let none = try await client.send(.get, "\(orders)?status=ready", token: shop.ownerToken)
            #expect(try shop.ids(none.body).isEmpty)
            let inWindow = try await client.send(.get, "\(orders)?window=\(window.id)", token: shop.ownerToken)
            #expect(try shop.ids(inWindow.body) == [id])
            let badStatus = try await client.send(.get, "\(orders)?status=lost", token: shop.ownerToken)
            #expect(badStatus.status == .badRequest)
            #expect(try decodeJSON(badStatus.body)["error"] as? String == "invalid_order_status")
            let rivalList = try await client.send(.get, orders, token: shop.rivalToken)
            #expect(rivalList.status == .forbidden)
            let residentList = try await client.send(.get, orders, token: resident.token)
            #expect(residentList.status == .forbidden)

            let tooEarly = try await client.send(.post, "\(orders)/\(id)/ready", token: shop.ownerToken)
            #expect(tooEarly.status == .conflict)
            #expect(try decodeJSON(tooEarly.body)["error"] as? String == "wrong_status")
            let tooMuch = try await client.send(
                .post, "\(orders)/\(id)/accept", token: shop.ownerToken,
                json: #"{"lines": [{"line": \#(comteLine), "quantity": 3}]}"#)
            #expect(tooMuch.status == .badRequest)
            #expect(try decodeJSON(tooMuch.body)["error"] as? String == "invalid_accepted_quantity")
            let rivalAccept = try await client.send(
                .post, "/api/v1/merchants/\(shop.rivalSlug)/order-requests/\(id)/accept", token: shop.rivalToken)
            #expect(rivalAccept.status == .notFound)
            let accepted = try await client.send(
                .post, "\(orders)/\(id)/accept", token: shop.ownerToken,
                json: #"{"lines": [{"line": \#(comteLine), "quantity": 1}]}"#)
            #expect(accepted.status == .ok)
            let acceptedOrder = try decodeJSON(accepted.body)
            #expect(acceptedOrder["status"] as? String == "accepted")
            #expect(acceptedOrder["totalCents"] as? Int == 2890 + 2450)
            let ready = try await client.send(.post, "\(orders)/\(id)/ready", token: shop.ownerToken)
            #expect(try decodeJSON(ready.body)["status"] as? String == "ready")
            let lateCancel = try await client.send(.post, "/api/v1/order-requests/\(id)/cancel", token: resident.token)
            #expect(lateCancel.status == .conflict)
            let collected = try await client.send(.post, "\(orders)/\(id)/collected", token: shop.ownerToken)
            #expect(try decodeJSON(collected.body)["status"] as? String == "collected")
            let final = try await client.send(.post, "\(orders)/\(id)/not-collected", token: shop.ownerToken)
            #expect(final.status == .conflict)
            #expect(try decodeJSON(final.body)["error"] as? String == "order_final")

            let mine = try await client.send(.get, "/api/v1/me/order-requests", token: resident.token)
            let listed = try #require(try decodeJSON(mine.body)["items"] as? [[String: Any]])
            #expect(listed.map { $0["status"] as? String } == ["collected"])
            #expect(listed.first?["merchant"] as? String == shop.slug)
            let one = try await client.send(.get, "/api/v1/order-requests/\(id)", token: shop.ownerToken)
            #expect(one.status == .ok)
            let stranger = try await client.send(.get, "/api/v1/order-requests/\(id)", token: shop.rivalToken)
            #expect(stranger.status == .notFound)
        }
    }

    @Test func theMerchantRefusesWithAReasonAndNotCollectedEndsARequest() async throws {
        let shop = try await OrderAPIShop()
        let app = shop.app
        let window = try await shop.window(inHours: 24)
        let resident = try await app.account("lea@example.org", role: .resident)
        let orders = "/api/v1/merchants/\(shop.slug)/order-requests"
        let json = #"{"window": \#(window.id), "lines": [{"product": \#(shop.comte.id), "quantity": 1}]}"#
        try await app.test { client in
            let first = try decodeJSON(try await client.send(.post, orders, token: resident.token, json: json).body)
            let second = try decodeJSON(try await client.send(.post, orders, token: resident.token, json: json).body)
            let (refusedID, missedID) = (try #require(first["id"] as? Int), try #require(second["id"] as? Int))
            for body in [#"{"reason": "   "}"#, #"{}"#] {
                let noReason = try await client.send(
                    .post, "\(orders)/\(refusedID)/refuse", token: shop.ownerToken, json: body)
                #expect(noReason.status == .badRequest, "\(body)")
            }
            let refused = try await client.send(
                .post, "\(orders)/\(refusedID)/refuse", token: shop.ownerToken,
                json: #"{"reason": "Plus de comté avant mardi."}"#)
            let refusal = try decodeJSON(refused.body)
            #expect(
                refusal["status"] as? String == "refused"
                    && refusal["reason"] as? String == "Plus de comté avant mardi.")
            _ = try await client.send(.post, "\(orders)/\(missedID)/accept", token: shop.ownerToken)
            _ = try await client.send(.post, "\(orders)/\(missedID)/ready", token: shop.ownerToken)
            let missed = try await client.send(.post, "\(orders)/\(missedID)/not-collected", token: shop.ownerToken)
            #expect(try decodeJSON(missed.body)["status"] as? String == "not-collected")
            let unknown = try await client.send(.post, "\(orders)/999999/accept", token: shop.ownerToken)
            #expect(unknown.status == .notFound)
            #expect(try decodeJSON(unknown.body)["error"] as? String == "order_not_found")
        }
        #expect(try await shop.statuses() == ["not-collected", "refused"])
    }

    @Test func badOrdersAreRefusedWithTheirCodeInFrenchOrEnglishAndWriteNothing() async throws {
        let shop = try await OrderAPIShop()
        let app = shop.app
        let window = try await shop.window(inHours: 24)
        let soon = try await shop.window(inHours: 2)
        let resident = try await app.account("lea@example.org", role: .resident)
        let orders = "/api/v1/merchants/\(shop.slug)/order-requests"
        @Sendable func order(window: Int64? = nil, campaign: Int64? = nil, product: Int64? = nil, quantity: Int = 1)
            -> String
        {
            let place = [window.map { "\"window\": \($0)" }, campaign.map { "\"campaign\": \($0)" }].compactMap { $0 }
            return "{"
                + (place + [#""lines": [{"product": \#(product ?? shop.comte.id.rawValue), "quantity": \#(quantity)}]"#])
                .joined(separator: ", ") + "}"
        }
        let w = window.id.rawValue
        let cases: [(String, HTTPResponse.Status, String, String)] = [
            (
                order(window: w, quantity: 0), .badRequest, "invalid_line_quantity",
                "Ligne 1 : la quantité 0 doit aller de 1 à 99."
            ),
            (
                order(window: w, quantity: -4), .badRequest, "invalid_line_quantity",
                "Ligne 1 : la quantité -4 doit aller de 1 à 99."
            ),
            (
                order(window: w, quantity: 100), .badRequest, "invalid_line_quantity",
                "Ligne 1 : la quantité 100 doit aller de 1 à 99."
            ),
            (
                order(window: w, product: shop.rivalProduct.id.rawValue), .badRequest, "invalid_line_product",
                "Ligne 1 : ce produit n'est pas (ou plus) proposé par ce commerce."
            ),
            (order(window: soon.id.rawValue), .conflict, "window_past", OrdersProblem.windowPast.french),
            (order(window: 987_654), .notFound, "window_not_found", OrdersNotFound.window.french),
            (order(), .badRequest, "missing_field", BodyProblem.missingField.french),
            (order(window: w, campaign: 1), .badRequest, "invalid_field", BodyProblem.invalidField.french),
            (#"{"window": \#(w), "lines": []}"#, .badRequest, "invalid_lines", OrdersField.lines.french),
            (
                #"{"window": \#(w), "lines": [{"product": 1, "quantity": 1e12}]}"#, .badRequest,
                "invalid_line_quantity",
                "Ligne 1 : la quantité 1000000000000 doit aller de 1 à 99."
            ),
        ]
        try await app.test { client in
            for (json, status, code, french) in cases {
                let refused = try await client.send(
                    .post, orders, token: resident.token, json: json, language: "fr-FR,fr;q=0.9,en;q=0.8")
                #expect(refused.status == status, "\(json)")
                let body = try decodeJSON(refused.body)
                #expect(body["error"] as? String == code, "\(json)")
                #expect(body["message"] as? String == french, "\(json)")
            }
            let english = try await client.send(
                .post, orders, token: resident.token, json: order(window: w, quantity: 0), language: "en")
            #expect(try decodeJSON(english.body)["message"] as? String == "lines[0]: quantity 0 must be from 1 to 99")
            let anonymous = try await client.send(.post, orders, json: order(window: w))
            #expect(anonymous.status == .unauthorized)
        }
        #expect(try await shop.statuses().isEmpty)
        #expect(try await app.hub.orders.choosableWindows(merchantSlug: shop.slug).first?.held == 0)
    }

    @Test func aFullWindowAndTheResidentsLimitsAreToldWhy() async throws {
        let shop = try await OrderAPIShop()
        let app = shop.app
        let small = try await shop.window(inHours: 24, capacity: 1)
        let large = try await shop.window(inHours: 48, capacity: 10)
        let lea = try await app.account("lea@example.org", role: .resident)
        let paul = try await app.account("paul@example.org", role: .resident)
        let orders = "/api/v1/merchants/\(shop.slug)/order-requests"
        @Sendable func order(_ window: CollectionWindow) -> String {
            #"{"window": \#(window.id), "lines": [{"product": \#(shop.comte.id), "quantity": 1}]}"#
        }
        try await app.test { client in
            #expect(try await client.send(.post, orders, token: lea.token, json: order(small)).status == .created)
            let full = try await client.send(.post, orders, token: paul.token, json: order(small))
            #expect(full.status == .conflict)
            #expect(try decodeJSON(full.body)["error"] as? String == "window_full")
            #expect(try await client.send(.post, orders, token: lea.token, json: order(large)).status == .created)
            #expect(try await client.send(.post, orders, token: lea.token, json: order(large)).status == .created)
            let limited = try await client.send(.post, orders, token: lea.token, json: order(large))
            #expect(limited.status == .tooManyRequests)
            #expect(try decodeJSON(limited.body)["error"] as? String == "too_many_open_with_merchant")
            // Cancelling one frees a place in the resident's limit.
            let mine = try await client.send(.get, "/api/v1/me/order-requests", token: lea.token)
            let newest = try #require(try shop.ids(mine.body).first)
            let notHers = try await client.send(
                .post, "/api/v1/order-requests/\(newest ?? 0)/cancel", token: paul.token)
            #expect(notHers.status == .notFound)
            let cancelled = try await client.send(
                .post, "/api/v1/order-requests/\(newest ?? 0)/cancel", token: lea.token)
            #expect(try decodeJSON(cancelled.body)["status"] as? String == "cancelled")
            #expect(try await client.send(.post, orders, token: lea.token, json: order(large)).status == .created)
        }
        #expect(try await shop.statuses() == ["cancelled", "requested", "requested", "requested"])
    }

    @Test func aCampaignPromisesItsUnitsUntilItClosesOrSellsOut() async throws {
        let shop = try await OrderAPIShop()
        let app = shop.app
        let campaigns = "/api/v1/merchants/\(shop.slug)/pre-order-campaigns"
        let orders = "/api/v1/merchants/\(shop.slug)/order-requests"
        let lea = try await app.account("lea@example.org", role: .resident)
        let paul = try await app.account("paul@example.org", role: .resident)
        try await app.test { client in
            let rivalProduct = try await client.send(
                .post, campaigns, token: shop.ownerToken,
                json: shop.campaignJSON(product: shop.rivalProduct.id.rawValue))
            #expect(rivalProduct.status == .badRequest)
            #expect(try decodeJSON(rivalProduct.body)["error"] as? String == "invalid_campaign_products")
            let pastClosing = try await client.send(
                .post, campaigns, token: shop.ownerToken, json: shop.campaignJSON(closingInHours: -1))
            #expect(try decodeJSON(pastClosing.body)["error"] as? String == "invalid_closesAt")
            let notOwner = try await client.send(.post, campaigns, token: lea.token, json: shop.campaignJSON())
            #expect(notOwner.status == .forbidden)
            let opened = try await client.send(.post, campaigns, token: shop.ownerToken, json: shop.campaignJSON())
            #expect(opened.status == .created)
            let campaign = try #require(try decodeJSON(opened.body)["id"] as? Int)
            @Sendable func order(_ quantity: Int) -> String {
                #"{"campaign": \#(campaign), "lines": [{"product": \#(shop.buche.id), "quantity": \#(quantity)}]}"#
            }
            let tooMany = try await client.send(.post, orders, token: lea.token, json: order(4))
            #expect(tooMany.status == .conflict)
            #expect(try decodeJSON(tooMany.body)["error"] as? String == "sold_out")
            let promised = try await client.send(.post, orders, token: lea.token, json: order(2))
            #expect(promised.status == .created)
            #expect(try decodeJSON(promised.body)["status"] as? String == "accepted")
            let publicList = try decodeJSON(try await client.send(.get, campaigns).body)
            let item = try #require((publicList["items"] as? [[String: Any]])?.first)
            let units = try #require((item["products"] as? [[String: Any]])?.first)
            #expect(units["left"] as? Int == 1 && units["promised"] as? Int == 2 && item["open"] as? Bool == true)
            let rivalClose = try await client.send(.post, "\(campaigns)/\(campaign)/close", token: shop.rivalToken)
            #expect(rivalClose.status == .forbidden)
            let closed = try await client.send(.post, "\(campaigns)/\(campaign)/close", token: shop.ownerToken)
            #expect(closed.status == .ok)
            #expect(try decodeJSON(closed.body)["open"] as? Bool == false)
            let late = try await client.send(.post, orders, token: paul.token, json: order(1))
            #expect(late.status == .conflict)
            #expect(try decodeJSON(late.body)["error"] as? String == "campaign_closed")
            #expect(try shop.ids(try await client.send(.get, campaigns).body).isEmpty)
            let ownerList = try decodeJSON(try await client.send(.get, campaigns, token: shop.ownerToken).body)
            #expect((ownerList["items"] as? [[String: Any]])?.first?["open"] as? Bool == false)
            let unknown = try await client.send(.post, "\(campaigns)/424242/close", token: shop.ownerToken)
            #expect(try decodeJSON(unknown.body)["error"] as? String == "campaign_not_found")
        }
        #expect(try await shop.statuses() == ["accepted"])
    }

    @Test func fortyResidentsOrderingTheLastTenUnitsAtOnceGetExactlyTenPromised() async throws {
        let shop = try await OrderAPIShop(onDisk: true)
        let app = shop.app
        let campaign = try await app.hub.campaigns.open(
            CampaignDetails(
                title: "Bûches de Noël", closesAt: Date().addingTimeInterval(86_400),
                collectFrom: Date().addingTimeInterval(2 * 86_400), collectUntil: Date().addingTimeInterval(3 * 86_400),
                products: [(shop.buche.id, 10)]),
            merchantSlug: shop.slug, by: shop.owner)
        // Accounts are made two at a time: each costs two bcrypt hashes.
        let accounts = app.hub.accounts
        let residents = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let password = "mot-de-passe-\(index)-long"
                    let user = try await accounts.add(
                        email: "habitant\(index)@example.org", displayName: nil, role: .resident, zoneSlugs: [],
                        password: password, by: nil)
                    return try await accounts.signIn(email: user.email, password: password).token
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let path = "/api/v1/merchants/\(shop.slug)/order-requests"
        let json = #"{"campaign": \#(campaign.id), "lines": [{"product": \#(shop.buche.id), "quantity": 1}]}"#
        let outcomes = try await app.test { client in
            try await withThrowingTaskGroup(of: String.self) { group in
                for token in residents {
                    group.addTask {
                        let answer = try await client.send(.post, path, token: token, json: json)
                        let body = try decodeJSON(answer.body)
                        return "\(answer.status.code) \(body["status"] as? String ?? body["error"] as? String ?? "?")"
                    }
                }
                var counts: [String: Int] = [:]
                for try await outcome in group { counts[outcome, default: 0] += 1 }
                return counts
            }
        }
        #expect(outcomes == ["201 accepted": 10, "409 sold_out": 30])
        let stored = try await app.hub.campaigns.campaigns(merchantSlug: shop.slug, by: shop.owner)
        #expect(stored.first?.products.first?.promised == 10)
    }
}

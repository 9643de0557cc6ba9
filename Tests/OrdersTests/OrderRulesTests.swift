import Catalogue
import Community
import Foundation
import HubTestSupport
import Orders
import Testing

/// The pure rules: lines, windows, deadlines, answers and the statuses a request moves through.
@Suite struct OrderRulesTests {
    let now = Date(timeIntervalSince1970: 1_773_482_400)
    let product = Product.ID(7)

    @Test func linesAreRefusedNamingTheLine() {
        let bad = [
            LineRequest(productID: product, quantity: 2), LineRequest(productID: Product.ID(8), quantity: -3),
        ]
        do {
            _ = try OrderRules.validated(bad)
            Issue.record("a negative quantity was accepted")
        } catch {
            #expect(error.code == "invalid_line_quantity")
            #expect(error.message == "lines[1]: quantity -3 must be from 1 to 99")
            #expect(error.frenchMessage == "Ligne 2 : la quantité -3 doit aller de 1 à 99.")
        }
        #expect(
            errorCode { _ = try OrderRules.validated([LineRequest(productID: product, quantity: 100)]) }
                == "invalid_line_quantity")
        #expect(
            errorCode { _ = try OrderRules.validated([LineRequest(productID: product, quantity: 0)]) }
                == "invalid_line_quantity")
        #expect(errorCode { _ = try OrderRules.validated([]) } == "invalid_lines")
        let many = (1...21).map { LineRequest(productID: Product.ID(Int64($0)), quantity: 1) }
        #expect(errorCode { _ = try OrderRules.validated(many) } == "invalid_lines")
        let twice = [LineRequest(productID: product, quantity: 1), LineRequest(productID: product, quantity: 2)]
        #expect(errorCode { _ = try OrderRules.validated(twice) } == "invalid_line_product")
        #expect(errorCode { _ = try OrderRules.validated([LineRequest(productID: product, quantity: 99)]) } == nil)
    }

    @Test func windowsStartInTheFutureLastAtMost12HoursAndHold1To500Orders() {
        func check(_ start: TimeInterval, _ length: TimeInterval, _ capacity: Int) -> String? {
            errorCode {
                _ = try OrderRules.validated(
                    WindowDetails(
                        startsAt: now.addingTimeInterval(start), endsAt: now.addingTimeInterval(start + length),
                        capacity: capacity), now: now)
            }
        }
        #expect(check(3600, 3600, 10) == nil)
        #expect(check(-60, 3600, 10) == "invalid_start")
        #expect(check(400 * 86_400, 3600, 10) == "invalid_start")
        #expect(check(3600, 0, 10) == "invalid_end")
        #expect(check(3600, 13 * 3600, 10) == "invalid_end")
        #expect(check(3600, 3600, 0) == "invalid_capacity")
        #expect(check(3600, 3600, 501) == "invalid_capacity")
    }

    @Test func aWindowCannotBeChosenPastWithinTheLeadTimeFullOrRemoved() {
        func window(startingIn hours: Double, held: Int = 0, removed: Bool = false) -> CollectionWindow {
            let start = now.addingTimeInterval(hours * 3600)
            return CollectionWindow(
                id: .init(1), merchantID: .init(1), startsAt: start, endsAt: start.addingTimeInterval(3600),
                capacity: 2, held: held, createdAt: now, removedAt: removed ? now : nil)
        }
        #expect(errorCode { try OrderRules.checkChoosable(window(startingIn: 3), now: now) } == nil)
        #expect(errorCode { try OrderRules.checkChoosable(window(startingIn: 2.9), now: now) } == "window_past")
        #expect(errorCode { try OrderRules.checkChoosable(window(startingIn: -1), now: now) } == "window_past")
        #expect(errorCode { try OrderRules.checkChoosable(window(startingIn: 5, held: 2), now: now) } == "window_full")
        #expect(
            errorCode { try OrderRules.checkChoosable(window(startingIn: 5, removed: true), now: now) }
                == "window_removed")
    }

    @Test func theMerchantAnswersWithin48HoursAndTwoHoursBeforeTheWindowAtTheLatest() {
        let far = now.addingTimeInterval(7 * 86_400)
        #expect(OrderRules.answerBy(now: now, windowStart: far) == now.addingTimeInterval(48 * 3600))
        let soon = now.addingTimeInterval(5 * 3600)
        #expect(OrderRules.answerBy(now: now, windowStart: soon) == now.addingTimeInterval(3 * 3600))
        #expect(OrderRules.confirmBy(now: now, windowStart: far) == now.addingTimeInterval(24 * 3600))
        #expect(OrderRules.confirmBy(now: now, windowStart: soon) == now.addingTimeInterval(2 * 3600))
    }

    @Test func acceptedQuantitiesGoFromZeroToWhatWasAskedAndNotAllZero() throws {
        let lines = [
            OrderLine(
                id: .init(1), productID: product, name: "Comté", priceCents: 100, quantity: 3,
                acceptedQuantity: nil),
            OrderLine(
                id: .init(2), productID: .init(8), name: "Morbier", priceCents: 100, quantity: 1,
                acceptedQuantity: nil),
        ]
        #expect(try OrderRules.validated(accepted: [:], lines: lines) == [.init(1): 3, .init(2): 1])
        #expect(
            try OrderRules.validated(accepted: [.init(1): 2, .init(2): 0], lines: lines) == [.init(1): 2, .init(2): 0])
        #expect(
            errorCode { _ = try OrderRules.validated(accepted: [.init(1): 4], lines: lines) }
                == "invalid_accepted_quantity")
        #expect(
            errorCode { _ = try OrderRules.validated(accepted: [.init(1): -1], lines: lines) }
                == "invalid_accepted_quantity")
        #expect(
            errorCode { _ = try OrderRules.validated(accepted: [.init(1): 0, .init(2): 0], lines: lines) }
                == "invalid_accepted_quantity")
        #expect(
            errorCode { _ = try OrderRules.validated(accepted: [.init(9): 1], lines: lines) }
                == "invalid_accepted_quantity")
    }

    @Test func onlyLegalStepsAreAllowedAndFinalStatusesNeverChange() {
        #expect(errorCode { try OrderRules.check(.refused, from: [.accepted], to: .ready) } == "order_final")
        #expect(errorCode { try OrderRules.check(.requested, from: [.accepted], to: .ready) } == "wrong_status")
        #expect(errorCode { try OrderRules.check(.accepted, from: [.accepted], to: .ready) } == nil)
        for status in OrderStatus.allCases where status.isFinal { #expect(status.next.isEmpty) }
        #expect(OrderStatus.requested.holdsPlace && !OrderStatus.unconfirmed.holdsPlace)
        #expect(!OrderStatus.cancelled.holdsPlace && !OrderStatus.expired.holdsPlace && !OrderStatus.refused.holdsPlace)
        #expect(!OrderStatus.ready.next.contains(.cancelled))
    }

    @Test func aGuestGivesAnAddressAndANameAndNotesAreBounded() {
        #expect(
            errorCode { _ = try OrderRules.requester(.guest(email: "pas-une-adresse", name: "Léa"), note: "") }
                == "invalid_email")
        #expect(
            errorCode { _ = try OrderRules.requester(.guest(email: "lea@example.org", name: "  "), note: "") }
                == "invalid_name")
        #expect(
            errorCode {
                _ = try OrderRules.requester(
                    .guest(email: "lea@example.org", name: "Léa"), note: String(repeating: "a", count: 501))
            } == "invalid_note")
        let guest = try? OrderRules.requester(.guest(email: " Lea@Example.org ", name: "Léa"), note: "Merci")
        #expect(guest?.email == "lea@example.org" && guest?.userID == nil && guest?.note == "Merci")
    }

    @Test func aCampaignClosesInTheFutureBeforeItsCollection() {
        func details(close: Double = 24, from: Double = 48, until: Double = 52, quantity: Int = 10)
            -> CampaignDetails
        {
            CampaignDetails(
                title: "Bûches", closesAt: now.addingTimeInterval(close * 3600),
                collectFrom: now.addingTimeInterval(from * 3600), collectUntil: now.addingTimeInterval(until * 3600),
                products: [(product, quantity)])
        }
        #expect(errorCode { _ = try OrderRules.validated(details(), now: now) } == nil)
        #expect(errorCode { _ = try OrderRules.validated(details(close: -1), now: now) } == "invalid_closesAt")
        #expect(errorCode { _ = try OrderRules.validated(details(from: 12), now: now) } == "invalid_collect_from")
        #expect(errorCode { _ = try OrderRules.validated(details(until: 48), now: now) } == "invalid_collect_until")
        #expect(
            errorCode { _ = try OrderRules.validated(details(quantity: 0), now: now) } == "invalid_campaign_products")
        var untitled = details()
        untitled.title = " "
        #expect(errorCode { _ = try OrderRules.validated(untitled, now: now) } == "invalid_title")
    }
}

import Community
import Feeds
import Foundation
import Logging
import Orders

/// Mails residents and merchants at each step of an order, through the durable outbox (one mail per step and
/// request). Mail is French first, with the English text below it.
struct OrderMailer: Sendable {
    let outbox: any OutboxStore
    let orders: any OrderStore
    let merchants: any MerchantStore
    let accounts: any AccountStore
    /// The hub's public address, for the links in each mail.
    let publicURL: String
    let clock: any HubClock
    let logger = Logger(label: "zonehub.orders")

    /// A request was stored: the resident is told it was received (a guest gets the link to confirm it), and the
    /// merchant is told a request waits, unless it waits for the guest first.
    func received(_ placement: OrderPlacement) async {
        let request = placement.request
        await send(request, step: "received") { merchant, place in
            OrderMailText.received(
                request, merchant: merchant, place: place,
                confirmLink: placement.token.map { "\(publicURL)/orders/confirm?token=\($0)" },
                ordersLink: "\(publicURL)/account/orders")
        }
        if request.status != .unconfirmed { await tellMerchant(request) }
    }

    /// A guest confirmed: the merchant now has something to answer.
    func confirmed(_ request: OrderRequest) async { await tellMerchant(request) }

    /// The merchant answered (accepted, refused, ready) or the request expired: the resident is told.
    func changed(_ request: OrderRequest) async {
        guard [.accepted, .refused, .ready, .expired].contains(request.status) else { return }
        await send(request, step: request.status.rawValue) { merchant, place in
            OrderMailText.changed(request, merchant: merchant, place: place, link: "\(publicURL)/account/orders")
        }
    }

    func tellMerchant(_ request: OrderRequest) async {
        do {
            guard let merchant = try await merchants.merchant(id: request.merchantID),
                let owner = try await accounts.user(id: merchant.ownerID)
            else { return }
            let (subject, text) = OrderMailText.arrived(
                request, merchant: merchant, place: try await place(request),
                link: "\(publicURL)/dashboard/merchants/\(merchant.slug)/orders#commande-\(request.id.rawValue)")
            try await outbox.enqueue(
                recipient: owner.email, payload: .notice(subject: subject, text: text),
                dedupeKey: "order:\(request.id.rawValue):merchant", at: clock.now())
        } catch {
            logger.error("cannot queue an order notice", metadata: ["order": "\(request.id)", "error": "\(error)"])
        }
    }

    func send(
        _ request: OrderRequest, step: String,
        _ text: (Merchant, OrderMailText.Place) -> (subject: String, text: String)
    ) async {
        do {
            guard let merchant = try await merchants.merchant(id: request.merchantID) else { return }
            let (subject, body) = text(merchant, try await place(request))
            try await outbox.enqueue(
                recipient: request.email, payload: .notice(subject: subject, text: body),
                dedupeKey: "order:\(request.id.rawValue):\(step)", at: clock.now())
        } catch {
            // The step stands and shows on the pages; only the mail is missing.
            logger.error("cannot queue an order notice", metadata: ["order": "\(request.id)", "error": "\(error)"])
        }
    }

    /// Where and when the request is collected.
    func place(_ request: OrderRequest) async throws -> OrderMailText.Place {
        if let id = request.windowID, let window = try await orders.window(id: id) {
            return .window(window)
        }
        if let id = request.campaignID, let campaign = try await orders.campaign(id: id) {
            return .campaign(campaign)
        }
        return .unknown
    }
}

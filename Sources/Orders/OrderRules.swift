import Catalogue
import Community
import Foundation

/// The rules of windows, requests and campaigns: pure functions of their input and the time.
package enum OrderRules {
    /// A window must start at least this long after a request chooses it, so the merchant can answer.
    package static let leadTime: TimeInterval = 3 * 3600
    /// The merchant answers within 48 hours, and at the latest 2 hours before the window starts.
    package static let answerWithin: TimeInterval = 48 * 3600
    package static let answerBeforeStart: TimeInterval = 2 * 3600
    /// A guest confirms their address within 24 hours (and before the window's lead time).
    package static let confirmWithin: TimeInterval = 24 * 3600
    /// Open requests (unconfirmed, requested, accepted, ready) a resident or guest address may have with one
    /// merchant, and in all.
    package static let openPerMerchant = 3
    package static let openInAll = 10
    package static let maxLines = 20
    package static let quantities = 1...99
    package static let capacities = 1...500
    package static let maxUpcomingWindows = 200
    package static let maxWindowLength: TimeInterval = 12 * 3600
    package static let maxOpenCampaigns = 10
    package static let campaignQuantities = 1...10_000
    package static let maxCampaignProducts = 50
    package static let maxCollectionLength: TimeInterval = 14 * 86_400
    static let year: TimeInterval = 366 * 86_400

    /// A window the merchant offers, checked against `now`.
    package static func validated(_ window: WindowDetails, now: Date) throws(CommunityError) -> WindowDetails {
        guard window.startsAt > now, window.startsAt.timeIntervalSince(now) <= year else {
            throw OrdersField.start.invalid("must be in the future, within a year")
        }
        guard window.endsAt > window.startsAt, window.endsAt.timeIntervalSince(window.startsAt) <= maxWindowLength
        else { throw OrdersField.end.invalid("must come after the start, 12 hours later at most") }
        guard capacities.contains(window.capacity) else {
            throw OrdersField.capacity.invalid("must be from 1 to 500 orders")
        }
        return window
    }

    /// Refuses a window no new request may choose at `now`: removed, starting within the lead time, or full.
    package static func checkChoosable(_ window: CollectionWindow, now: Date) throws(CommunityError) {
        guard window.removedAt == nil else { throw OrdersProblem.windowRemoved.error("this window is not offered") }
        guard window.startsAt.timeIntervalSince(now) >= leadTime else {
            throw OrdersProblem.windowPast.error("this window is past or starts within 3 hours")
        }
        guard window.placesLeft > 0 else { throw OrdersProblem.windowFull.error("every place of this window is taken") }
    }

    /// Until when the merchant may answer a request made (or confirmed) at `now` for a window starting at `start`.
    package static func answerBy(now: Date, windowStart start: Date) -> Date {
        min(now.addingTimeInterval(answerWithin), start.addingTimeInterval(-answerBeforeStart))
    }

    /// Until when a guest may confirm a request made at `now` for a window starting at `start`.
    package static func confirmBy(now: Date, windowStart start: Date?) -> Date {
        let day = now.addingTimeInterval(confirmWithin)
        guard let start else { return day }
        return min(day, start.addingTimeInterval(-leadTime))
    }

    /// The lines asked for: 1–20, each product once, quantities 1–99; each error names its line.
    package static func validated(_ lines: [LineRequest]) throws(CommunityError) -> [LineRequest] {
        guard (1...maxLines).contains(lines.count) else {
            throw OrdersField.lines.invalid("an order holds 1 to \(maxLines) products (got \(lines.count))")
        }
        var seen: Set<Product.ID> = []
        for (index, line) in lines.enumerated() {
            guard quantities.contains(line.quantity) else {
                throw OrdersField.lineQuantity.line(
                    index, "quantity \(line.quantity) must be from 1 to 99",
                    french: "la quantité \(line.quantity) doit aller de 1 à 99.")
            }
            guard seen.insert(line.productID).inserted else {
                throw OrdersField.lineProduct.line(
                    index, "this product is already on another line",
                    french: "ce produit figure déjà sur une autre ligne.")
            }
        }
        return lines
    }

    /// Refuses a line whose product is not one of `merchant`'s listed products.
    package static func checkProducts(_ lines: [LineRequest], listed: [Product], merchant: Merchant.ID)
        throws(CommunityError) -> [(LineRequest, Product)]
    {
        var result: [(LineRequest, Product)] = []
        for (index, line) in lines.enumerated() {
            guard let product = listed.first(where: { $0.id == line.productID }), product.merchantID == merchant
            else {
                throw OrdersField.lineProduct.line(
                    index, "product \(line.productID) is not sold by this merchant (or was removed)",
                    french: "ce produit n'est pas (ou plus) proposé par ce commerce.")
            }
            result.append((line, product))
        }
        return result
    }

    /// The resident's name and note, and the guest's address.
    package static func requester(_ requester: OrderRequester, note: String) throws(CommunityError) -> (
        userID: User.ID?, email: String, name: String, note: String
    ) {
        let note = try TextRules.text(note, field: OrdersField.note, max: 500)
        switch requester {
        case .user(let user):
            let name = try TextRules.line(
                user.displayName.isEmpty ? user.email : user.displayName, field: OrdersField.name, max: 200)
            return (user.id, user.email.lowercased(), String(name.prefix(80)), note)
        case .guest(let email, let name):
            let address = try AccountService.normalizedEmail(email, field: OrdersField.email)
            let name = try TextRules.line(name, field: OrdersField.name, max: 80, required: true)
            return (nil, address, name, note)
        }
    }

    /// The merchant's accepted quantity per line: one per line, each 0…asked, not all 0 (that is a refusal).
    package static func validated(accepted: [OrderLine.ID: Int], lines: [OrderLine]) throws(CommunityError)
        -> [OrderLine.ID: Int]
    {
        var result: [OrderLine.ID: Int] = [:]
        for (index, line) in lines.enumerated() {
            let quantity = accepted[line.id] ?? line.quantity
            guard (0...line.quantity).contains(quantity) else {
                throw OrdersField.acceptedQuantity.line(
                    index, "accepted quantity \(quantity) must be from 0 to \(line.quantity)",
                    french: "la quantité acceptée \(quantity) doit aller de 0 à \(line.quantity).")
            }
            result[line.id] = quantity
        }
        guard accepted.keys.allSatisfy({ id in lines.contains { $0.id == id } }) else {
            throw OrdersField.acceptedQuantity.invalid("names a line of another order")
        }
        guard result.values.contains(where: { $0 > 0 }) else {
            throw OrdersField.acceptedQuantity.invalid("accept at least one unit, or refuse the order with a reason")
        }
        return result
    }

    /// A refusal's reason: required, 500 characters at most.
    package static func reason(_ reason: String) throws(CommunityError) -> String {
        try TextRules.text(reason, field: OrdersField.reason, max: 500, required: true)
    }

    /// A campaign as the merchant opens it, checked against `now` (products are checked against the catalogue by the
    /// service).
    package static func validated(_ campaign: CampaignDetails, now: Date) throws(CommunityError) -> CampaignDetails {
        var valid = campaign
        valid.title = try TextRules.line(campaign.title, field: OrdersField.title, max: 120, required: true)
        valid.description = try TextRules.text(campaign.description, field: OrdersField.description, max: 2000)
        guard campaign.closesAt > now, campaign.closesAt.timeIntervalSince(now) <= year else {
            throw OrdersField.closesAt.invalid("must be in the future, within a year")
        }
        guard campaign.collectFrom >= campaign.closesAt else {
            throw OrdersField.collectFrom.invalid("must be at or after the closing of orders")
        }
        guard campaign.collectUntil > campaign.collectFrom,
            campaign.collectUntil.timeIntervalSince(campaign.collectFrom) <= maxCollectionLength
        else {
            throw OrdersField.collectUntil.invalid("must come after the start of collection, 14 days later at most")
        }
        guard (1...maxCampaignProducts).contains(campaign.products.count),
            Set(campaign.products.map(\.productID)).count == campaign.products.count
        else { throw OrdersField.campaignProducts.invalid("list 1 to 50 different products") }
        for (index, entry) in campaign.products.enumerated() where !campaignQuantities.contains(entry.quantity) {
            throw OrdersField.campaignProducts.invalid(
                "quantity \(entry.quantity) must be from 1 to 10000", at: "[\(index)]")
        }
        return valid
    }

    /// Refuses an action on a request whose status is not one of `from`, naming where it is.
    package static func check(_ status: OrderStatus, from: Set<OrderStatus>, to: OrderStatus) throws(CommunityError) {
        guard !from.contains(status) else { return }
        if status.isFinal {
            throw OrdersProblem.orderFinal.error("this order is \(status.english) and no longer changes")
        }
        throw OrdersProblem.wrongStatus.error("this order is \(status.english); it cannot become \(to.english)")
    }
}

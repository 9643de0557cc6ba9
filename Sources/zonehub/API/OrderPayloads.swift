import Catalogue
import Community
import Foundation
import Orders

/// A collection window as the API shows it.
struct CollectionWindowPayload: Codable {
    let id: Int64
    let merchant: String
    let startsAt: Date
    let endsAt: Date
    let capacity: Int
    let held: Int
    let placesLeft: Int

    init(_ window: CollectionWindow, merchant: String) {
        id = window.id.rawValue
        self.merchant = merchant
        startsAt = window.startsAt
        endsAt = window.endsAt
        capacity = window.capacity
        held = window.held
        placesLeft = window.placesLeft
    }
}

/// A pre-order campaign with the units left per product.
struct PreOrderCampaignPayload: Codable {
    struct Item: Codable {
        let product: Int64
        let name: String
        let priceCents: Int
        let quantity: Int
        let promised: Int
        let left: Int
    }

    let id: Int64
    let merchant: String
    let title: String
    let description: String
    let closesAt: Date
    let collectFrom: Date
    let collectUntil: Date
    let open: Bool
    let products: [Item]
    let createdAt: Date

    init(_ campaign: PreOrderCampaign, merchant: String, now: Date) {
        id = campaign.id.rawValue
        self.merchant = merchant
        title = campaign.title
        description = campaign.description
        closesAt = campaign.closesAt
        collectFrom = campaign.collectFrom
        collectUntil = campaign.collectUntil
        open = campaign.isOpen(at: now)
        products = campaign.products.map {
            Item(
                product: $0.productID.rawValue, name: $0.name, priceCents: $0.priceCents, quantity: $0.quantity,
                promised: $0.promised, left: $0.left)
        }
        createdAt = campaign.createdAt
    }
}

/// An order request with its lines, for its resident and its merchant.
struct OrderRequestPayload: Codable {
    struct Line: Codable {
        let id: Int64
        let product: Int64
        let name: String
        let priceCents: Int
        let quantity: Int
        let acceptedQuantity: Int?
    }

    let id: Int64
    let merchant: String
    let window: Int64?
    let campaign: Int64?
    let status: String
    let reason: String?
    let residentName: String
    let email: String
    let note: String
    let confirmBy: Date?
    let answerBy: Date?
    let lines: [Line]
    let totalCents: Int
    let createdAt: Date
    let updatedAt: Date

    init(_ request: OrderRequest, merchant: String) {
        id = request.id.rawValue
        self.merchant = merchant
        window = request.windowID?.rawValue
        campaign = request.campaignID?.rawValue
        status = request.status.rawValue
        reason = request.reason
        residentName = request.residentName
        email = request.email
        note = request.note
        confirmBy = request.confirmBy
        answerBy = request.answerBy
        lines = request.lines.map {
            Line(
                id: $0.id.rawValue, product: $0.productID.rawValue, name: $0.name, priceCents: $0.priceCents,
                quantity: $0.quantity, acceptedQuantity: $0.acceptedQuantity)
        }
        totalCents = request.totalCents
        createdAt = request.createdAt
        updatedAt = request.updatedAt
    }
}

/// A window as the merchant offers it.
struct CollectionWindowInput: Codable {
    let startsAt: Date
    let endsAt: Date
    let capacity: Int

    var details: WindowDetails { WindowDetails(startsAt: startsAt, endsAt: endsAt, capacity: capacity) }
}

/// A product and a number of units, in a campaign or an order.
struct ProductQuantityInput: Codable {
    let product: Int64
    let quantity: Int
}

/// A campaign as the merchant opens it.
struct PreOrderCampaignInput: Codable {
    let title: String
    let description: String?
    let closesAt: Date
    let collectFrom: Date
    let collectUntil: Date
    let products: [ProductQuantityInput]

    var details: CampaignDetails {
        CampaignDetails(
            title: title, description: description ?? "", closesAt: closesAt, collectFrom: collectFrom,
            collectUntil: collectUntil, products: products.map { (Product.ID($0.product), $0.quantity) })
    }
}

/// What a resident asks for: products collected in one of the merchant's windows or in a campaign (one of the two).
struct OrderRequestInput: Codable {
    let window: Int64?
    let campaign: Int64?
    let lines: [ProductQuantityInput]
    let note: String?

    var lineRequests: [LineRequest] {
        lines.map { LineRequest(productID: Product.ID($0.product), quantity: $0.quantity) }
    }
}

/// The merchant's accepted quantity per line; lines left out are accepted whole.
struct OrderAcceptanceInput: Codable {
    struct Line: Codable {
        let line: Int64
        let quantity: Int
    }

    let lines: [Line]?

    /// The quantities by line; a line named twice is refused.
    func quantities() throws(CommunityError) -> [OrderLine.ID: Int] {
        var result: [OrderLine.ID: Int] = [:]
        for (index, entry) in (lines ?? []).enumerated() {
            guard result.updateValue(entry.quantity, forKey: OrderLine.ID(entry.line)) == nil else {
                throw OrdersField.acceptedQuantity.invalid("names line \(entry.line) twice", at: "[\(index)]")
            }
        }
        return result
    }
}

struct OrderRefusalInput: Codable {
    let reason: String
}

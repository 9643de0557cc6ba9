import Catalogue
import Community
import Foundation

/// A merchant's holiday pre-order campaign ("Bûches de Noël"): products each with a quantity, ordered until
/// `closesAt` and collected between `collectFrom` and `collectUntil`. An order in it promises units at once.
package struct PreOrderCampaign: Equatable, Sendable, Identifiable {
    package typealias ID = Identifier<PreOrderCampaign>

    package let id: ID
    package let merchantID: Merchant.ID
    package let title: String
    package let description: String
    package let closesAt: Date
    package let collectFrom: Date
    package let collectUntil: Date
    package let products: [CampaignProduct]
    package let createdAt: Date

    package init(
        id: ID, merchantID: Merchant.ID, title: String, description: String, closesAt: Date, collectFrom: Date,
        collectUntil: Date, products: [CampaignProduct], createdAt: Date
    ) {
        self.id = id
        self.merchantID = merchantID
        self.title = title
        self.description = description
        self.closesAt = closesAt
        self.collectFrom = collectFrom
        self.collectUntil = collectUntil
        self.products = products
        self.createdAt = createdAt
    }

    /// Whether residents may still order at `date`.
    package func isOpen(at date: Date) -> Bool { date < closesAt }
}

/// A product of a campaign: how many units it offers and how many are promised.
package struct CampaignProduct: Equatable, Sendable {
    package let productID: Product.ID
    /// The product's current name and price (orders copy them when they are made).
    package let name: String
    package let priceCents: Int
    package let quantity: Int
    package let promised: Int

    package init(productID: Product.ID, name: String, priceCents: Int, quantity: Int, promised: Int) {
        self.productID = productID
        self.name = name
        self.priceCents = priceCents
        self.quantity = quantity
        self.promised = promised
    }

    package var left: Int { max(0, quantity - promised) }
}

/// A campaign as the merchant opens it.
package struct CampaignDetails: Equatable, Sendable {
    package var title: String
    package var description: String
    package var closesAt: Date
    package var collectFrom: Date
    package var collectUntil: Date
    /// Products of the merchant's catalogue and the units each offers (1–10 000).
    package var products: [(productID: Product.ID, quantity: Int)]

    package init(
        title: String, description: String = "", closesAt: Date, collectFrom: Date, collectUntil: Date,
        products: [(productID: Product.ID, quantity: Int)]
    ) {
        self.title = title
        self.description = description
        self.closesAt = closesAt
        self.collectFrom = collectFrom
        self.collectUntil = collectUntil
        self.products = products
    }

    package static func == (left: Self, right: Self) -> Bool {
        left.title == right.title && left.description == right.description && left.closesAt == right.closesAt
            && left.collectFrom == right.collectFrom && left.collectUntil == right.collectUntil
            && left.products.map(\.productID) == right.products.map(\.productID)
            && left.products.map(\.quantity) == right.products.map(\.quantity)
    }
}

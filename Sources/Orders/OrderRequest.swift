import Catalogue
import Community
import Foundation

/// A resident's request to one merchant for products, collected in one of the merchant's windows or in a pre-order
/// campaign's collection time; paid on collection.
package struct OrderRequest: Equatable, Sendable, Identifiable {
    package typealias ID = Identifier<OrderRequest>

    package let id: ID
    package let merchantID: Merchant.ID
    /// Where it is collected: a window, or a campaign's collection time (exactly one of the two).
    package let windowID: CollectionWindow.ID?
    package let campaignID: PreOrderCampaign.ID?
    /// The resident's account; nil for a guest, known only by `email`.
    package let userID: User.ID?
    /// The resident's address (the account's, or the one the guest gave), lowercased.
    package let email: String
    /// The name the merchant reads (the account's display name, or the one the guest gave).
    package let residentName: String
    /// The resident's words to the merchant; empty for none.
    package let note: String
    package let status: OrderStatus
    /// Why the merchant refused it (or why it expired: `not_answered`, `not_confirmed`).
    package let reason: String?
    /// Until when a guest may confirm it (`unconfirmed` only).
    package let confirmBy: Date?
    /// Until when the merchant may answer it (`requested` only).
    package let answerBy: Date?
    package let lines: [OrderLine]
    package let createdAt: Date
    package let updatedAt: Date

    package init(
        id: ID, merchantID: Merchant.ID, windowID: CollectionWindow.ID?, campaignID: PreOrderCampaign.ID?,
        userID: User.ID?, email: String, residentName: String, note: String, status: OrderStatus, reason: String?,
        confirmBy: Date?, answerBy: Date?, lines: [OrderLine], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.merchantID = merchantID
        self.windowID = windowID
        self.campaignID = campaignID
        self.userID = userID
        self.email = email
        self.residentName = residentName
        self.note = note
        self.status = status
        self.reason = reason
        self.confirmBy = confirmBy
        self.answerBy = answerBy
        self.lines = lines
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// What the resident pays on collection, in cents: accepted quantities once answered, asked ones before.
    package var totalCents: Int {
        lines.reduce(0) { $0 + $1.priceCents * ($1.acceptedQuantity ?? $1.quantity) }
    }

    /// Whether it was made without an account.
    package var isGuest: Bool { userID == nil }
}

/// One product of a request, with its name and price as they were when it was asked for.
package struct OrderLine: Equatable, Sendable, Identifiable {
    package typealias ID = Identifier<OrderLine>

    package let id: ID
    package let productID: Product.ID
    package let name: String
    package let priceCents: Int
    /// Asked for, 1–99.
    package let quantity: Int
    /// What the merchant accepted (0…quantity); nil until answered.
    package let acceptedQuantity: Int?

    package init(id: ID, productID: Product.ID, name: String, priceCents: Int, quantity: Int, acceptedQuantity: Int?) {
        self.id = id
        self.productID = productID
        self.name = name
        self.priceCents = priceCents
        self.quantity = quantity
        self.acceptedQuantity = acceptedQuantity
    }
}

/// A product and a quantity a resident asks for.
package struct LineRequest: Equatable, Sendable {
    package var productID: Product.ID
    package var quantity: Int

    package init(productID: Product.ID, quantity: Int) {
        self.productID = productID
        self.quantity = quantity
    }
}

/// Who asks: a signed-in resident, or a guest giving an address and a name.
package enum OrderRequester: Equatable, Sendable {
    case user(User)
    case guest(email: String, name: String)
}

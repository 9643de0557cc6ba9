import Community
import Foundation

/// A time a merchant hands orders over in, with the number of orders it can hand over.
package struct CollectionWindow: Equatable, Sendable, Identifiable {
    package typealias ID = Identifier<CollectionWindow>

    package let id: ID
    package let merchantID: Merchant.ID
    package let startsAt: Date
    package let endsAt: Date
    /// Orders it can hand over, 1–500.
    package let capacity: Int
    /// Requests holding a place in it now.
    package let held: Int
    package let createdAt: Date
    /// Set when the merchant removed it: no new request may choose it; those already in it stay.
    package let removedAt: Date?

    package init(
        id: ID, merchantID: Merchant.ID, startsAt: Date, endsAt: Date, capacity: Int, held: Int, createdAt: Date,
        removedAt: Date?
    ) {
        self.id = id
        self.merchantID = merchantID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.held = held
        self.createdAt = createdAt
        self.removedAt = removedAt
    }

    /// Places not held yet.
    package var placesLeft: Int { max(0, capacity - held) }
}

/// A window as the merchant offers it, before it is stored.
package struct WindowDetails: Equatable, Sendable {
    package var startsAt: Date
    package var endsAt: Date
    package var capacity: Int

    package init(startsAt: Date, endsAt: Date, capacity: Int) {
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
    }
}

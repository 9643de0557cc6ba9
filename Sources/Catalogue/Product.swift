import Community
import Foundation

/// A product a merchant lists: what it is, its price per unit, when it can be had, and where it sits in the list.
/// Orders and pre-order campaigns refer to it by `id`; a removed product keeps its row for them.
package struct Product: Equatable, Sendable, Identifiable {
    package typealias ID = Identifier<Product>

    package let id: ID
    package let merchantID: Merchant.ID
    package let details: ProductDetails
    /// Its place in the merchant's list, from 0.
    package let position: Int
    package let createdAt: Date
    package let updatedAt: Date

    package init(
        id: ID, merchantID: Merchant.ID, details: ProductDetails, position: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.merchantID = merchantID
        self.details = details
        self.position = position
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    package var name: String { details.name }
}

/// What a merchant writes about a product.
package struct ProductDetails: Equatable, Sendable {
    package var name: String
    package var description: String
    /// The price of one `unit`, in cents.
    package var priceCents: Int
    package var unit: ProductUnit
    package var availability: ProductAvailability
    /// The merchant's own shelf for it ("Fromages", "Vins"); empty for none.
    package var category: String

    package init(
        name: String, description: String = "", priceCents: Int, unit: ProductUnit,
        availability: ProductAvailability = .inStock, category: String = ""
    ) {
        self.name = name
        self.description = description
        self.priceCents = priceCents
        self.unit = unit
        self.availability = availability
        self.category = category
    }
}

/// When a product can be had.
package enum ProductAvailability: Equatable, Sendable {
    case inStock
    case toOrder
    /// Sold between two days (both included).
    case seasonal(from: SeasonDay, until: SeasonDay)

    /// The stored code: `in-stock`, `to-order`, `seasonal`.
    package var code: String {
        switch self {
        case .inStock: "in-stock"
        case .toOrder: "to-order"
        case .seasonal: "seasonal"
        }
    }
}

/// A calendar day (`YYYY-MM-DD`), with no time and no time zone: the first or last day of a season.
package struct SeasonDay: Equatable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// The day `text` names, as `2026-12-01` or `01/12/2026`; nil when it is no real day.
    package init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts: [Int]
        if trimmed.contains("/") {
            parts = trimmed.split(separator: "/", omittingEmptySubsequences: false).compactMap { Int($0) }.reversed()
        } else {
            parts = trimmed.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
        }
        guard parts.count == 3, (2000...2100).contains(parts[0]), (1...12).contains(parts[1]),
            (1...Self.days(inMonth: parts[1], of: parts[0])).contains(parts[2])
        else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    package static func < (left: SeasonDay, right: SeasonDay) -> Bool {
        (left.year, left.month, left.day) < (right.year, right.month, right.day)
    }

    /// Days from `self` to `other`, counted on the Gregorian calendar.
    package func days(to other: SeasonDay) -> Int {
        func number(_ day: SeasonDay) -> Int {
            // Days since a fixed origin (the algorithm of civil-from-days, run backwards).
            let y = day.month <= 2 ? day.year - 1 : day.year
            let era = y / 400
            let yearOfEra = y - era * 400
            let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
            return era * 146_097 + (yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear)
        }
        return number(other) - number(self)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

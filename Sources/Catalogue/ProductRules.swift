import Community
import Foundation
import Storage

/// The rules a product obeys, and how the texts people type (forms, spreadsheets) become one: pure functions.
package enum ProductRules {
    /// Products a merchant lists at most.
    package static let limit = 500
    /// The highest price of one unit, in cents (100 000 €).
    package static let maximumPriceCents = 10_000_000
    /// The longest season, in days.
    package static let longestSeason = 366

    /// `details` trimmed and checked field by field.
    package static func validated(_ details: ProductDetails) throws(CommunityError) -> ProductDetails {
        var valid = details
        valid.name = try TextRules.line(details.name, field: CatalogueField.name, max: 120, required: true)
        valid.description = try TextRules.text(details.description, field: CatalogueField.description, max: 2000)
        valid.category = try TextRules.line(details.category, field: CatalogueField.category, max: 60)
        guard (0...maximumPriceCents).contains(details.priceCents) else {
            throw CatalogueField.price.invalid("must be between 0 and 100000.00 euros")
        }
        if case .seasonal(let from, let until) = details.availability {
            guard from <= until else { throw CatalogueField.seasonUntil.invalid("comes before the first day") }
            guard from.days(to: until) < longestSeason else {
                throw CatalogueField.seasonUntil.invalid("a season lasts a year at most")
            }
        }
        return valid
    }

    /// A price typed in euros ("12,50", "12.5", "1 200 €") as cents; refuses signs, letters and fractions of a cent.
    package static func cents(_ text: String) throws(CommunityError) -> Int {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        if cleaned.hasSuffix("€") { cleaned.removeLast() }
        cleaned = cleaned.filter { !$0.isWhitespace }.replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty else { throw CatalogueField.price.invalid("is required") }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 6,
            whole.allSatisfy(\.isASCII), whole.allSatisfy(\.isNumber), let euros = Int(whole)
        else { throw CatalogueField.price.invalid("'\(text.prefix(20))' is not an amount in euros such as 12.50") }
        var fraction = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isASCII), decimals.allSatisfy(\.isNumber),
                let value = Int(decimals)
            else { throw CatalogueField.price.invalid("has at most two decimals") }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        let cents = euros * 100 + fraction
        guard cents <= maximumPriceCents else { throw CatalogueField.price.invalid("must be at most 100000.00 euros") }
        return cents
    }

    /// A price as a spreadsheet cell in French: "12,50".
    package static func priceCell(_ cents: Int) -> String {
        let rest = cents % 100
        return "\(cents / 100),\(rest < 10 ? "0" : "")\(rest)"
    }

    /// An availability from its code or its French or English words, with the season's days when seasonal.
    package static func availability(_ text: String, from: String, until: String) throws(CommunityError)
        -> ProductAvailability
    {
        switch text.folded {
        case "", "in stock", "en stock", "disponible": return .inStock
        case "to order", "sur commande": return .toOrder
        case "seasonal", "de saison", "saison":
            guard let first = SeasonDay(from) else {
                throw CatalogueField.seasonFrom.invalid("'\(from.prefix(20))' is not a day written 2026-12-01")
            }
            guard let last = SeasonDay(until) else {
                throw CatalogueField.seasonUntil.invalid("'\(until.prefix(20))' is not a day written 2026-12-24")
            }
            return .seasonal(from: first, until: last)
        default:
            throw CatalogueField.availability.invalid(
                "unknown availability '\(text.prefix(40))' (one of: in-stock, to-order, seasonal)")
        }
    }
}

import Catalogue
import Community

/// How a product's price, unit and availability read on the pages, in plain French or English.
enum ProductText {
    /// "12,50 € le kg", "€12.50 per kg".
    static func price(_ details: ProductDetails, _ t: Language) -> String {
        let amount = Formats.price(cents: details.priceCents, t)
        return "\(amount) \(t(details.unit.french, details.unit.english))"
    }

    /// "En stock", "Sur commande", "De saison : du 1er décembre au 24 décembre".
    static func availability(_ availability: ProductAvailability, _ t: Language) -> String {
        switch availability {
        case .inStock: t("En stock", "In stock")
        case .toOrder: t("Sur commande", "To order")
        case .seasonal(let from, let until):
            t(
                "De saison : du \(day(from, withYear: from.year != until.year, .fr)) au \(day(until, withYear: from.year != until.year, .fr))",
                "Seasonal: \(day(from, withYear: from.year != until.year, .en)) to \(day(until, withYear: from.year != until.year, .en))"
            )
        }
    }

    /// "1er décembre", "24 décembre 2026"; "1 December" in English.
    static func day(_ day: SeasonDay, withYear: Bool, _ t: Language) -> String {
        let year = withYear ? " \(day.year)" : ""
        return t == .fr
            ? "\(day.day == 1 ? "1er" : String(day.day)) \(Wording.frenchMonths[day.month - 1])\(year)"
            : "\(day.day) \(Wording.englishMonths[day.month - 1])\(year)"
    }

    /// The unit's name in a list of choices: "le kg", "per kg".
    static func unit(_ unit: ProductUnit, _ t: Language) -> String { t(unit.french, unit.english) }

    /// The product's address on the hub.
    static func path(_ product: Product, merchant: Merchant) -> String {
        path(product, merchantSlug: merchant.slug)
    }

    static func path(_ product: Product, merchantSlug: String) -> String {
        "/merchants/\(merchantSlug)/products/\(product.id.rawValue)"
    }

    /// The products grouped by their category, in the merchant's order of first appearance; products without a
    /// category come last, under "Autres produits" when other groups exist.
    static func groups(_ products: [Product], _ t: Language) -> [(title: String?, products: [Product])] {
        var order: [String] = []
        var groups: [String: [Product]] = [:]
        for product in products {
            let key = product.details.category
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(product)
        }
        let named = order.filter { !$0.isEmpty }
        var result: [(title: String?, products: [Product])] = named.map { ($0, groups[$0] ?? []) }
        if let others = groups[""] {
            result.append((named.isEmpty ? nil : t("Autres produits", "Other products"), others))
        }
        return result
    }
}

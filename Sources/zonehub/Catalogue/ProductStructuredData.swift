import Catalogue
import Community
import Foundation

/// schema.org `Product`s with their `Offer`, as JSON-LD: one per product page, all of them on the merchant's page.
enum ProductStructuredData {
    static func product(_ product: Product, merchant: Merchant, base: String) -> [String: Any] {
        let details = product.details
        let url = base + ProductText.path(product, merchant: merchant)
        var offer: [String: Any] = [
            "@type": "Offer",
            "price": ProductRules.priceCell(details.priceCents).replacingOccurrences(of: ",", with: "."),
            "priceCurrency": "EUR", "url": url, "availability": availability(details.availability),
            "seller": ["@type": "LocalBusiness", "name": merchant.name, "url": "\(base)/merchants/\(merchant.slug)"],
            "priceSpecification": [
                "@type": "UnitPriceSpecification",
                "price": ProductRules.priceCell(details.priceCents).replacingOccurrences(of: ",", with: "."),
                "priceCurrency": "EUR", "unitCode": details.unit.unitCode, "unitText": details.unit.french,
            ],
        ]
        if case .seasonal(let from, let until) = details.availability {
            offer["availabilityStarts"] = from.description
            offer["availabilityEnds"] = until.description
        }
        var item: [String: Any] = [
            "@context": "https://schema.org", "@type": "Product", "name": details.name, "url": url, "offers": offer,
        ]
        if !details.description.isEmpty { item["description"] = details.description }
        if !details.category.isEmpty { item["category"] = details.category }
        return item
    }

    /// Every product of a merchant's page, in one script.
    static func catalogue(_ products: [Product], merchant: Merchant, base: String) -> HTML {
        guard !products.isEmpty else { return "" }
        let graph = products.map { item -> [String: Any] in
            var entry = product(item, merchant: merchant, base: base)
            entry.removeValue(forKey: "@context")
            return entry
        }
        return StructuredData.script(["@context": "https://schema.org", "@graph": graph])
    }

    static func availability(_ availability: ProductAvailability) -> String {
        switch availability {
        case .inStock: "https://schema.org/InStock"
        case .toOrder: "https://schema.org/PreOrder"
        case .seasonal: "https://schema.org/LimitedAvailability"
        }
    }
}

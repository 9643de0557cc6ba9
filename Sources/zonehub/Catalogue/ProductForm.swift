import Catalogue
import Community

/// The product editor's fields as typed, and the product they make.
struct ProductForm {
    var name = ""
    var description = ""
    var price = ""
    var unit = ProductUnit.piece.rawValue
    var availability = "in-stock"
    var seasonFrom = ""
    var seasonUntil = ""
    var category = ""

    init() {}

    init(_ body: FormBody) {
        name = body.text("name")
        description = body.text("description")
        price = body["price"] ?? ""
        unit = body["unit"] ?? ""
        availability = body["availability"] ?? ""
        seasonFrom = body["seasonFrom"] ?? ""
        seasonUntil = body["seasonUntil"] ?? ""
        category = body.text("category")
    }

    init(_ details: ProductDetails) {
        name = details.name
        description = details.description
        price = ProductRules.priceCell(details.priceCents)
        unit = details.unit.rawValue
        availability = details.availability.code
        if case .seasonal(let from, let until) = details.availability {
            seasonFrom = from.description
            seasonUntil = until.description
        }
        category = details.category
    }

    /// The product the fields describe; the service checks it further.
    func details() throws(CommunityError) -> ProductDetails {
        guard !unit.isEmpty else { throw CatalogueField.unit.invalid("is required") }
        return ProductDetails(
            name: name, description: description, priceCents: try ProductRules.cents(price),
            unit: try ProductUnit.parse(unit),
            availability: try ProductRules.availability(availability, from: seasonFrom, until: seasonUntil),
            category: category)
    }
}

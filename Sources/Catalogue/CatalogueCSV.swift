import Community
import Foundation
import Storage

/// A catalogue as a spreadsheet: one product a line, under a header naming the columns (in English, or in French:
/// `nom`, `prix`, `unite`…). Read with the hub's one CSV parser; written with `;` and decimal commas, as French
/// spreadsheets save, so that an exported file can be edited and imported again.
package enum CatalogueCSV {
    /// Each column with the French header it may also carry.
    static let columns: [(name: String, french: String)] = [
        ("name", "nom"), ("description", "description"), ("price", "prix"), ("unit", "unite"),
        ("availability", "disponibilite"), ("seasonFrom", "debut saison"), ("seasonUntil", "fin saison"),
        ("category", "categorie"),
    ]
    static let required = ["name", "price", "unit"]
    /// The longest file read, in products.
    static let maximumRows = ProductRules.limit

    /// Every row of `data` as a product, and every broken field of every row.
    static func read(_ data: Data) throws(CommunityError) -> (
        rows: Int, products: [ProductDetails],
        errors: [CatalogueImport.RowError]
    ) {
        let table = try CSVTable.parse(data, file: CatalogueField.file)
        let positions = try Self.positions(table.header)
        guard table.rows.count <= maximumRows else {
            throw CatalogueField.file.invalid("has \(table.rows.count) products, \(maximumRows) at most")
        }
        var products: [ProductDetails] = []
        var errors: [CatalogueImport.RowError] = []
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                errors.append(
                    .init(
                        line: row.line,
                        error: CatalogueField.row.invalid(
                            "has \(row.fields.count) fields, the header has \(table.header.count)")))
                continue
            }
            func cell(_ name: String) -> String {
                let text = positions[name].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
                // The apostrophe `write` puts before what a spreadsheet would run as a formula.
                if text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) {
                    return String(text.dropFirst())
                }
                return text
            }
            var rowErrors: [CommunityError] = []
            func attempt<T>(_ body: () throws(CommunityError) -> T) -> T? {
                do { return try body() } catch {
                    rowErrors.append(error)
                    return nil
                }
            }
            let price = attempt { () throws(CommunityError) in try ProductRules.cents(cell("price")) }
            let unit = attempt { () throws(CommunityError) in
                guard !cell("unit").isEmpty else { throw CatalogueField.unit.invalid("is required") }
                return try ProductUnit.parse(cell("unit"))
            }
            let availability = attempt { () throws(CommunityError) in
                try ProductRules.availability(
                    cell("availability"), from: cell("seasonFrom"), until: cell("seasonUntil"))
            }
            // The free-text fields are checked even when another field failed, so that one pass names them all.
            let valid = attempt { () throws(CommunityError) in
                try ProductRules.validated(
                    ProductDetails(
                        name: cell("name"), description: cell("description"), priceCents: price ?? 0,
                        unit: unit ?? .piece, availability: availability ?? .inStock, category: cell("category")))
            }
            if rowErrors.isEmpty, let valid {
                products.append(valid)
            } else {
                errors += rowErrors.map { .init(line: row.line, error: $0) }
            }
        }
        return (table.rows.count, products, errors)
    }

    /// Each known column's index; an unknown, doubled or missing column refuses the file before any row is read.
    static func positions(_ header: [String]) throws(CommunityError) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, title) in header.enumerated() {
            let folded = title.folded
            guard let column = columns.first(where: { $0.name.folded == folded || $0.french == folded }) else {
                throw CatalogueField.file.invalid(
                    "unknown column '\(title.prefix(40))' (columns: \(columns.map(\.name).joined(separator: ", ")))")
            }
            guard positions[column.name] == nil else {
                throw CatalogueField.file.invalid("column '\(column.name)' appears twice")
            }
            positions[column.name] = index
        }
        if let missing = required.first(where: { positions[$0] == nil }) {
            throw CatalogueField.file.invalid("the header has no '\(missing)' column")
        }
        return positions
    }

    /// `products` as a CSV file (UTF-8 with a byte order mark, which spreadsheets need to read accents).
    package static func write(_ products: [Product]) -> String {
        var lines = [columns.map(\.name).joined(separator: ";")]
        for product in products {
            let details = product.details
            var from = ""
            var until = ""
            let availability: String
            switch details.availability {
            case .inStock: availability = "en stock"
            case .toOrder: availability = "sur commande"
            case .seasonal(let first, let last):
                availability = "de saison"
                from = first.description
                until = last.description
            }
            let cells = [
                details.name, details.description, ProductRules.priceCell(details.priceCents), details.unit.word,
                availability, from, until, details.category,
            ]
            lines.append(cells.map(quoted).joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A cell quoted when it holds a separator, a quote or a line break; a leading `=`, `+`, `-` or `@` is
    /// prefixed with an apostrophe so that a spreadsheet does not run it as a formula.
    static func quoted(_ cell: String) -> String { CSVTable.cell(cell) }
}

import Catalogue
import Community
import Foundation
import Hummingbird
import NIOCore

/// Merchants' catalogues in the JSON API: anyone lists a merchant's products; its owner adds, changes, removes
/// and imports a CSV file.
struct CatalogueAPIController {
    let catalogue: CatalogueService
    /// The hub's public address, for absolute links.
    let publicURL: String

    func addRoutes(to group: some RouterMethods<HubRequestContext>) {
        group.get("merchants/:slug/products", use: list)
        group.post("merchants/:slug/products", use: create)
        group.post("merchants/:slug/products/import", use: importFile)
        group.get("merchants/:slug/products/:id", use: product)
        group.put("merchants/:slug/products/:id", use: update)
        group.delete("merchants/:slug/products/:id", use: remove)
    }

    func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (merchant, products) = try await catalogue.listed(merchantSlug: context.parameters.require("slug"))
        return JSONBody.response(
            ListPayload(items: products.map { ProductPayload($0, merchant: merchant, base: publicURL) }, next: nil))
    }

    func product(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (merchant, product) = try await catalogue.product(
            try CataloguePagesController.productID(context), merchantSlug: context.parameters.require("slug"))
        return JSONBody.response(ProductPayload(product, merchant: merchant, base: publicURL))
    }

    func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let merchant = try await catalogue.managed(merchantSlug: slug, by: user)
        let input = try await JSONBody.decode(ProductInput.self, from: request, context: context)
        let product = try await catalogue.add(try input.details(), merchantSlug: slug, by: user)
        return JSONBody.response(ProductPayload(product, merchant: merchant, base: publicURL), status: .created)
    }

    func update(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let merchant = try await catalogue.managed(merchantSlug: slug, by: user)
        let id = try CataloguePagesController.productID(context)
        let input = try await JSONBody.decode(ProductInput.self, from: request, context: context)
        let product = try await catalogue.update(id, with: try input.details(), merchantSlug: slug, by: user)
        return JSONBody.response(ProductPayload(product, merchant: merchant, base: publicURL))
    }

    func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try await catalogue.remove(
            try CataloguePagesController.productID(context), merchantSlug: context.parameters.require("slug"), by: user)
        return Response(status: .noContent)
    }

    /// The body is the CSV file itself (`text/csv`); all its products are added, or none with every broken row.
    func importFile(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let merchant = try await catalogue.managed(merchantSlug: slug, by: user)
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: CatalogueUpload.limit)
        } catch is NIOTooManyBytesError {
            throw CatalogueField.file.invalid("is larger than 1 MB")
        }
        let report = try await catalogue.importFile(Data(buffer: body), merchantSlug: slug, by: user)
        guard report.errors.isEmpty else {
            let french = ErrorMiddleware.prefersFrench(request.headers[.acceptLanguage])
            return JSONBody.response(
                ImportRefusalPayload(
                    error: CatalogueField.file.code,
                    message: french
                        ? "Rien n'a été importé : \(report.errors.count) erreur(s) dans le fichier."
                        : "nothing was imported: \(report.errors.count) error(s) in the file",
                    rows: report.errors.map {
                        ImportRefusalPayload.Row(
                            line: $0.line, error: $0.error.code,
                            message: french ? $0.error.frenchMessage : $0.error.message)
                    }),
                status: .badRequest)
        }
        return JSONBody.response(
            ListPayload(
                items: report.imported.map { ProductPayload($0, merchant: merchant, base: publicURL) }, next: nil),
            status: .created)
    }
}

/// A product as the API shows it.
struct ProductPayload: Codable {
    let id: Int64
    let merchant: String
    let name: String
    let description: String
    let priceCents: Int
    let unit: String
    let availability: String
    let seasonFrom: String?
    let seasonUntil: String?
    let category: String
    let position: Int
    let url: String
    let createdAt: Date
    let updatedAt: Date

    init(_ product: Product, merchant: Merchant, base: String) {
        let details = product.details
        id = product.id.rawValue
        self.merchant = merchant.slug
        name = details.name
        description = details.description
        priceCents = details.priceCents
        unit = details.unit.rawValue
        availability = details.availability.code
        if case .seasonal(let from, let until) = details.availability {
            seasonFrom = from.description
            seasonUntil = until.description
        } else {
            seasonFrom = nil
            seasonUntil = nil
        }
        category = details.category
        position = product.position
        url = base + ProductText.path(product, merchant: merchant)
        createdAt = product.createdAt
        updatedAt = product.updatedAt
    }
}

/// A product as a client sends it.
struct ProductInput: Codable {
    let name: String
    let description: String?
    let priceCents: Int
    let unit: String
    let availability: String?
    let seasonFrom: String?
    let seasonUntil: String?
    let category: String?

    func details() throws(CommunityError) -> ProductDetails {
        guard let unit = ProductUnit(rawValue: unit) else {
            throw CatalogueField.unit.invalid(
                "unknown unit '\(unit.prefix(40))' (one of: \(ProductUnit.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        let availability: ProductAvailability
        switch self.availability ?? "in-stock" {
        case "in-stock": availability = .inStock
        case "to-order": availability = .toOrder
        case "seasonal":
            guard let from = seasonFrom.flatMap(SeasonDay.init) else {
                throw CatalogueField.seasonFrom.invalid("is required for a seasonal product, written 2026-12-01")
            }
            guard let until = seasonUntil.flatMap(SeasonDay.init) else {
                throw CatalogueField.seasonUntil.invalid("is required for a seasonal product, written 2026-12-24")
            }
            availability = .seasonal(from: from, until: until)
        case let other:
            throw CatalogueField.availability.invalid(
                "unknown availability '\(other.prefix(40))' (one of: in-stock, to-order, seasonal)")
        }
        return ProductDetails(
            name: name, description: description ?? "", priceCents: priceCents, unit: unit,
            availability: availability, category: category ?? "")
    }
}

/// Why a CSV file was refused: every broken row, with its line, code and message.
struct ImportRefusalPayload: Codable {
    struct Row: Codable {
        let line: Int
        let error: String
        let message: String
    }

    let error: String
    let message: String
    let rows: [Row]
}

import Catalogue
import Community
import Foundation
import Hummingbird

/// A shop's catalogue in the merchant's dashboard (list, add, edit, move, remove, CSV import and export), and each
/// product's public page. Markup is the pages' (`CataloguePage`, `ProductFormPage`, `ProductViews`).
struct CataloguePagesController {
    let catalogue: CatalogueService
    /// Products' photos: on their pages, in the merchant's list, and managed on the edit page.
    let productPhotos: ProductPhotoService
    let zones: ZoneService
    /// The hub's public address, for canonical links and structured data.
    let publicURL: String

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/merchants/:slug/products/:id", use: product)
        router.get("/dashboard/merchants/:slug/catalogue", use: list)
        router.get("/dashboard/merchants/:slug/catalogue.csv", use: export)
        router.get("/dashboard/merchants/:slug/catalogue/new", use: newProduct)
        router.post("/dashboard/merchants/:slug/catalogue", use: create)
        router.post("/dashboard/merchants/:slug/catalogue/import", use: importFile)
        router.get("/dashboard/merchants/:slug/catalogue/:id/edit", use: edit)
        router.post("/dashboard/merchants/:slug/catalogue/:id", use: update)
        router.post("/dashboard/merchants/:slug/catalogue/:id/move", use: move)
        router.get("/dashboard/merchants/:slug/catalogue/:id/remove", use: confirmRemoval)
        router.post("/dashboard/merchants/:slug/catalogue/:id/remove", use: remove)
        addPhotoRoutes(to: router)
    }

    func product(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (merchant, product) = try await catalogue.product(
            try Self.productID(context), merchantSlug: context.parameters.require("slug"))
        let head = SEOHead.tags(
            path: ProductText.path(product, merchant: merchant), title: product.name,
            description: product.details.description, type: "product", base: publicURL,
            structured: ProductStructuredData.product(product, merchant: merchant, base: publicURL))
        let zone = await zones.link(merchant.profile.zones.first)
        let photos = try await productPhotos.photos(of: [product])[product.id] ?? []
        return PageRenderer.page(
            product.name, ProductViews.page(product, merchant: merchant, photos: photos, context.language),
            context: context,
            head: head, zone: zone, crumbs: zone.map { [.directory($0, context.language)] })
    }

    func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await managed(context)
        let imported = request.uri.queryParameters.get("imported").flatMap { Int($0) }
        let page = CataloguePage(
            merchant: merchant, products: try await catalogue.products(of: merchant), imported: imported)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func export(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let (merchant, csv) = try await catalogue.exportFile(
            merchantSlug: context.parameters.require("slug"), by: user)
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"catalogue-\(merchant.slug).csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    func newProduct(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await managed(context)
        return try await editor(merchant, ProductForm(), action: base(merchant), error: nil, context: context)
    }

    func create(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        let form = ProductForm(try await FormBody.read(request, context: context))
        do {
            let product = try await catalogue.add(try form.details(), merchantSlug: merchant.slug, by: user)
            return PageRenderer.redirect(to: "\(base(merchant))#produit-\(product.id.rawValue)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await editor(merchant, form, action: base(merchant), error: error, context: context)
        }
    }

    func edit(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await managed(context)
        let product = try await owned(context, merchant)
        return try await editor(
            merchant, ProductForm(product.details), action: "\(base(merchant))/\(product.id.rawValue)", error: nil,
            photos: try await photosSection(merchant, product, error: nil), context: context)
    }

    func update(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        let product = try await owned(context, merchant)
        let form = ProductForm(try await FormBody.read(request, context: context))
        do {
            _ = try await catalogue.update(product.id, with: try form.details(), merchantSlug: merchant.slug, by: user)
            return PageRenderer.redirect(to: "\(base(merchant))#produit-\(product.id.rawValue)")
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await editor(
                merchant, form, action: "\(base(merchant))/\(product.id.rawValue)", error: error,
                photos: try await photosSection(merchant, product, error: nil), context: context)
        }
    }

    func move(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        let id = try Self.productID(context)
        let form = try await FormBody.read(request, context: context)
        try await catalogue.move(id, by: form["direction"] == "up" ? -1 : 1, merchantSlug: merchant.slug, by: user)
        return PageRenderer.redirect(to: "\(base(merchant))#produit-\(id.rawValue)")
    }

    func confirmRemoval(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await managed(context)
        let page = ProductRemovalPage(merchant: merchant, product: try await owned(context, merchant))
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        try await catalogue.remove(try Self.productID(context), merchantSlug: merchant.slug, by: user)
        return PageRenderer.redirect(to: base(merchant))
    }

    func importFile(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        var page = CataloguePage(merchant: merchant, products: [])
        do {
            let data = try await CatalogueUpload.file(request)
            let report = try await catalogue.importFile(data, merchantSlug: merchant.slug, by: user)
            if report.errors.isEmpty {
                return PageRenderer.redirect(to: "\(base(merchant))?imported=\(report.imported.count)")
            }
            page.importErrors = report.errors
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            page.error = error
        }
        let shown = CataloguePage(
            merchant: merchant, products: try await catalogue.products(of: merchant), importErrors: page.importErrors,
            error: page.error)
        return PageRenderer.page(
            shown.title(context.language), shown.body(context.language), context: context,
            status: page.error.map { ErrorMiddleware.status(of: $0.category) } ?? .badRequest)
    }

    // MARK: - Helpers

    func base(_ merchant: Merchant) -> String { "/dashboard/merchants/\(merchant.slug)/catalogue" }

    func managed(_ context: HubRequestContext) async throws -> Merchant {
        try await catalogue.managed(merchantSlug: context.parameters.require("slug"), by: try context.requireUser())
    }

    func owned(_ context: HubRequestContext, _ merchant: Merchant) async throws -> Product {
        let id = try Self.productID(context)
        guard let product = try await catalogue.products(of: merchant).first(where: { $0.id == id }) else {
            throw CatalogueNotFound.product.notFound
        }
        return product
    }

    func editor(
        _ merchant: Merchant, _ form: ProductForm, action: String, error: CommunityError?,
        photos: ProductPhotosSection? = nil, status: HTTPResponse.Status? = nil, context: HubRequestContext
    ) async throws -> Response {
        let categories = Array(Set(try await catalogue.products(of: merchant).map(\.details.category)))
            .filter { !$0.isEmpty }.sorted()
        let page = ProductFormPage(
            merchant: merchant, form: form, action: action, categories: categories, error: error, photos: photos)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: status ?? error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok)
    }

    static func productID(_ context: HubRequestContext) throws -> Product.ID {
        try PathID.identifier(context, missing: CatalogueNotFound.product)
    }
}

import Catalogue
import Community
import Foundation
import Hummingbird
import Photos

/// A product's photos on its edit page: add one (multipart form, with what it shows in words), and remove one after
/// a confirmation page.
extension CataloguePagesController {
    func addPhotoRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.post("/dashboard/merchants/:slug/catalogue/:id/photos", use: addPhoto)
        router.get("/dashboard/merchants/:slug/catalogue/:id/photos/:photo/remove", use: confirmPhotoRemoval)
        router.post("/dashboard/merchants/:slug/catalogue/:id/photos/:photo/remove", use: removePhoto)
    }

    func addPhoto(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        let product = try await owned(context, merchant)
        do {
            let upload = try await PhotoUpload.read(request)
            _ = try await productPhotos.add(upload.file, alt: upload.alt, to: product, of: merchant, by: user)
            return PageRenderer.redirect(to: "\(editPath(merchant, product))#photos")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            // The refusal shows beside the upload form; the product's own form keeps its saved values.
            let status: HTTPResponse.Status =
                error.code == PhotoProblem.photoTooLarge.code
                ? .contentTooLarge : ErrorMiddleware.status(of: error.category)
            return try await editor(
                merchant, ProductForm(product.details), action: "\(base(merchant))/\(product.id.rawValue)",
                error: nil, photos: try await photosSection(merchant, product, error: error), status: status,
                context: context)
        }
    }

    func confirmPhotoRemoval(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await managed(context)
        let product = try await owned(context, merchant)
        let section = try await photosSection(merchant, product, error: nil)
        let photo = try photo(context, in: section)
        let page = PhotoRemovalPage(
            photo: photo, from: ("le produit « \(product.name) »", "the product “\(product.name)”"),
            action: "\(section.base)/\(photo.id.rawValue)/remove", back: "\(editPath(merchant, product))#photos",
            error: nil)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func removePhoto(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await managed(context)
        let product = try await owned(context, merchant)
        try await productPhotos.remove(try Self.photoID(context), from: product, of: merchant, by: user)
        return PageRenderer.redirect(to: "\(editPath(merchant, product))#photos")
    }

    /// The photos part of a product's edit page.
    func photosSection(_ merchant: Merchant, _ product: Product, error: CommunityError?) async throws
        -> ProductPhotosSection
    {
        ProductPhotosSection(
            merchant: merchant, product: product,
            photos: try await productPhotos.photos(of: [product])[product.id] ?? [], error: error)
    }

    private func editPath(_ merchant: Merchant, _ product: Product) -> String {
        "\(base(merchant))/\(product.id.rawValue)/edit"
    }

    private func photo(_ context: HubRequestContext, in section: ProductPhotosSection) throws -> PlacedPhoto {
        let id = try Self.photoID(context)
        guard let photo = section.photos.first(where: { $0.id == id }) else { throw PhotoNotFound.photo.notFound }
        return photo
    }

    static func photoID(_ context: HubRequestContext) throws -> PlacedPhoto.ID {
        guard let raw = context.parameters.get("photo").flatMap(Int64.init) else { throw PhotoNotFound.photo.notFound }
        return PlacedPhoto.ID(raw)
    }
}

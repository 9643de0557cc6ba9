import Community
import Foundation
import Hummingbird
import Photos

/// Serves photos at their content-addressed paths, and lets a merchant place its logo and shop photos and take them
/// off through a confirmation step.
struct PhotoController {
    let photos: PhotoService
    let merchants: MerchantService

    /// Photo files need no session: they are public and the same for everyone.
    func addFileRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/photos/:name", use: file)
    }

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/dashboard/merchants/:slug/photos", use: merchantPhotos)
        router.post("/dashboard/merchants/:slug/photos", use: addMerchantPhoto)
        router.get("/dashboard/merchants/:slug/photos/:id/remove", use: confirmMerchantPhotoRemoval)
        router.post("/dashboard/merchants/:slug/photos/:id/remove", use: removeMerchantPhoto)
    }

    /// A photo's bytes. Its name holds the hash of the original's bytes and the width, so what is at a path never
    /// changes: browsers and proxies keep it for a year without asking again.
    func file(_ request: Request, context: HubRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        let tag = "\"\(name)\""
        var headers = HTTPFields()
        headers[.cacheControl] = "public, max-age=31536000, immutable"
        headers[.eTag] = tag
        let file = try await photos.file(named: name)
        if request.headers[.ifNoneMatch]?.split(separator: ",").contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == tag
        }) == true {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = file.format.mediaType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }

    func merchantPhotos(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await ownMerchant(context)
        return try await page(merchant, error: nil, flash: Flash(request), context: context)
    }

    func addMerchantPhoto(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await ownMerchant(context)
        do {
            let upload = try await PhotoUpload.read(request)
            guard let role = upload.role.flatMap(MerchantPhotoRole.init(rawValue:)) else {
                throw PhotoField.role.invalid("logo or shop")
            }
            _ = try await photos.addToMerchant(upload.file, alt: upload.alt, role: role, merchant: merchant, by: user)
            return PageRenderer.redirect(to: Flash.photoAdded.on("/dashboard/merchants/\(merchant.slug)/photos#photos"))
        } catch let error as CommunityError where Self.answerable(error) {
            return try await page(merchant, error: error, context: context)
        }
    }

    func confirmMerchantPhotoRemoval(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await ownMerchant(context)
        return try await removal(merchant, photo: try await merchantPhoto(merchant, context), error: nil, context)
    }

    /// Removes only with the confirmation field the confirmation page sends; otherwise shows that page.
    func removeMerchantPhoto(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await ownMerchant(context)
        let photo = try await merchantPhoto(merchant, context)
        guard try await FormBody.read(request, context: context)["confirm"] == "1" else {
            return try await removal(merchant, photo: photo, error: nil, context)
        }
        try await photos.removeFromMerchant(photo.id, merchant: merchant, by: user)
        return PageRenderer.redirect(to: Flash.photoRemoved.on("/dashboard/merchants/\(merchant.slug)/photos#photos"))
    }

    private func removal(_ merchant: Merchant, photo: PlacedPhoto, error: CommunityError?, _ context: HubRequestContext)
        async throws -> Response
    {
        let path = "/dashboard/merchants/\(merchant.slug)/photos"
        let page = PhotoRemovalPage(
            photo: photo, from: ("la fiche de \(merchant.name)", "the listing of \(merchant.name)"),
            action: "\(path)/\(photo.id.rawValue)/remove", back: path, error: error)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    /// The merchant's photo named in the path; `photo_not_found` when it is not one of the merchant's.
    private func merchantPhoto(_ merchant: Merchant, _ context: HubRequestContext) async throws -> PlacedPhoto {
        let id = try Self.photoID(context, parameter: "id")
        let placed = try await photos.photos(of: merchant)
        guard let photo = ([placed.logo].compactMap { $0 } + placed.shop).first(where: { $0.id == id }) else {
            throw PhotoNotFound.photo.notFound
        }
        return photo
    }

    private func page(
        _ merchant: Merchant, error: CommunityError?, flash: Flash? = nil, context: HubRequestContext
    ) async throws -> Response {
        var page = MerchantPhotosPage(merchant: merchant, photos: try await photos.photos(of: merchant), error: error)
        page.flash = flash
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: Self.status(error))
    }

    private func ownMerchant(_ context: HubRequestContext) async throws -> Merchant {
        let user = try context.requireUser()
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return merchant
    }

    // MARK: - Shared by the photo pages

    /// Errors a photo page answers on itself, above its forms: what was sent, and limits reached.
    static func answerable(_ error: CommunityError) -> Bool {
        error.category == .invalidInput || error.category == .conflict
    }

    /// A photo page's status: 413 for an upload past the limit, the error's category's otherwise.
    static func status(_ error: CommunityError?) -> HTTPResponse.Status {
        guard let error else { return .ok }
        return error.code == PhotoProblem.photoTooLarge.code
            ? .contentTooLarge : ErrorMiddleware.status(of: error.category)
    }

    /// The placed photo's identifier in the path's `parameter`; a malformed one is not found.
    static func photoID(_ context: HubRequestContext, parameter: String) throws -> PlacedPhoto.ID {
        guard let text = context.parameters.get(parameter), let raw = Int64(text), raw > 0 else {
            throw PhotoNotFound.photo.notFound
        }
        return PlacedPhoto.ID(raw)
    }
}

import Community
import Foundation
import Hummingbird
import Photos

/// Serves photos at their content-addressed paths, and lets a merchant place and remove its logo and shop photos.
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
        return try await page(merchant, error: nil, context: context)
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
            return PageRenderer.redirect(to: "/dashboard/merchants/\(merchant.slug)/photos#photos")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await page(merchant, error: error, context: context)
        }
    }

    func removeMerchantPhoto(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await ownMerchant(context)
        guard let id = Int64(try context.parameters.require("id")) else { throw PhotoNotFound.photo.notFound }
        try await photos.removeFromMerchant(PlacedPhoto.ID(id), merchant: merchant, by: user)
        return PageRenderer.redirect(to: "/dashboard/merchants/\(merchant.slug)/photos#photos")
    }

    private func page(_ merchant: Merchant, error: CommunityError?, context: HubRequestContext) async throws
        -> Response
    {
        let page = MerchantPhotosPage(merchant: merchant, photos: try await photos.photos(of: merchant), error: error)
        let status: HTTPResponse.Status =
            switch error?.code {
            case nil: .ok
            case PhotoProblem.photoTooLarge.code: .contentTooLarge
            default: ErrorMiddleware.status(of: error!.category)
            }
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    private func ownMerchant(_ context: HubRequestContext) async throws -> Merchant {
        let user = try context.requireUser()
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return merchant
    }
}

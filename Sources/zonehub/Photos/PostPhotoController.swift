import Community
import Foundation
import Hummingbird
import Photos

/// A merchant's photos of one post: the page listing them with the form adding one, and the confirmation step before
/// one is taken off. Only the post's merchant (or a hub operator) reaches them.
struct PostPhotoController {
    let photos: PhotoService
    let posts: PostService
    let merchants: MerchantService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/dashboard/posts/:id/photos", use: list)
        router.post("/dashboard/posts/:id/photos", use: add)
        router.get("/dashboard/posts/:id/photos/:photo/remove", use: confirmRemoval)
        router.post("/dashboard/posts/:id/photos/:photo/remove", use: remove)
    }

    func list(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (post, _, _) = try await ownPost(context)
        return try await page(post, error: nil, flash: Flash(request), context: context)
    }

    func add(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (post, merchant, user) = try await ownPost(context)
        do {
            let upload = try await PhotoUpload.read(request)
            _ = try await photos.addToPost(upload.file, alt: upload.alt, post: post, merchant: merchant, by: user)
            return PageRenderer.redirect(to: Flash.photoAdded.on("/dashboard/posts/\(post.id.rawValue)/photos#photos"))
        } catch let error as CommunityError where PhotoController.answerable(error) {
            return try await page(post, error: error, context: context)
        }
    }

    func confirmRemoval(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (post, _, _) = try await ownPost(context)
        return removal(post, photo: try await postPhoto(post, context), context)
    }

    /// Removes only with the confirmation field the confirmation page sends; otherwise shows that page.
    func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (post, merchant, user) = try await ownPost(context)
        let photo = try await postPhoto(post, context)
        guard try await FormBody.read(request, context: context)["confirm"] == "1" else {
            return removal(post, photo: photo, context)
        }
        try await photos.removeFromPost(photo.id, post: post, merchant: merchant, by: user)
        return PageRenderer.redirect(to: Flash.photoRemoved.on("/dashboard/posts/\(post.id.rawValue)/photos#photos"))
    }

    private func removal(_ post: Post, photo: PlacedPhoto, _ context: HubRequestContext) -> Response {
        let path = "/dashboard/posts/\(post.id.rawValue)/photos"
        let page = PhotoRemovalPage(
            photo: photo,
            from: ("la publication « \(post.content.title) »", "the post “\(post.content.title)”"),
            action: "\(path)/\(photo.id.rawValue)/remove", back: path, error: nil)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    private func page(_ post: Post, error: CommunityError?, flash: Flash? = nil, context: HubRequestContext)
        async throws -> Response
    {
        var page = PostPhotosPage(post: post, photos: try await photos.photos(of: [post])[post.id] ?? [], error: error)
        page.flash = flash
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: PhotoController.status(error))
    }

    /// The post's photo named in the path; `photo_not_found` when it is not one of the post's.
    private func postPhoto(_ post: Post, _ context: HubRequestContext) async throws -> PlacedPhoto {
        let id = try PhotoController.photoID(context, parameter: "photo")
        guard let photo = try await photos.photos(of: [post])[post.id]?.first(where: { $0.id == id }) else {
            throw PhotoNotFound.photo.notFound
        }
        return photo
    }

    /// The post named in the path, when the signed-in person owns its merchant (or operates the hub).
    private func ownPost(_ context: HubRequestContext) async throws -> (Post, Merchant, User) {
        let user = try context.requireUser()
        let post = try await posts.post(try PathID.post(context), viewer: user)
        let merchant = try await merchants.merchant(slug: post.merchantSlug)
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this post belongs to someone else")
        }
        return (post, merchant, user)
    }
}

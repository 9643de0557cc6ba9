import Community
import Foundation

/// Photos on merchants' pages and posts: checks who may place them and what they say in words, has each upload
/// processed (decoded, stripped, encoded again, its variants made) and stores it.
package struct PhotoService: Sendable {
    /// Shop photos a merchant shows at most, besides its logo.
    package static let shopPhotoLimit = 6
    /// Photos a post carries at most.
    package static let postPhotoLimit = 4

    let store: any PhotoStore
    let processor: any PhotoProcessor
    let clock: any HubClock

    package init(store: any PhotoStore, processor: any PhotoProcessor, clock: any HubClock) {
        self.store = store
        self.processor = processor
        self.clock = clock
    }

    /// Places an upload on `merchant` as its logo or a photo of the shop, described by `alt`.
    package func addToMerchant(
        _ upload: Data, alt: String, role: MerchantPhotoRole, merchant: Merchant, by user: User
    ) async throws -> PlacedPhoto {
        try Self.requireOwner(merchant, user)
        let alt = try Self.checkedAlt(alt)
        if role == .shop, try await store.merchantPhotos(merchant.id).shop.count >= Self.shopPhotoLimit {
            // Said before the upload is processed; the store checks again inside its transaction.
            throw PhotoProblem.tooManyPhotos.error("a shop shows \(Self.shopPhotoLimit) photos at most")
        }
        let photo = try await processor.process(upload)
        return try await store.placeOnMerchant(
            photo, merchant: merchant, role: role, alt: alt, limit: Self.shopPhotoLimit, by: user.id,
            at: clock.now())
    }

    /// Takes one of `merchant`'s photos off its page.
    package func removeFromMerchant(_ id: PlacedPhoto.ID, merchant: Merchant, by user: User) async throws {
        try Self.requireOwner(merchant, user)
        try await store.removeFromMerchant(id, merchant: merchant, by: user.id, at: clock.now())
    }

    /// The merchant's logo and shop photos.
    package func photos(of merchant: Merchant) async throws -> MerchantPhotos {
        try await store.merchantPhotos(merchant.id)
    }

    /// The logos of the merchants of a list, by merchant.
    package func logos(of merchants: [Merchant]) async throws -> [Merchant.ID: PlacedPhoto] {
        try await store.logos(of: merchants.map(\.id))
    }

    /// Places an upload on `post`, which belongs to `merchant`, described by `alt`.
    package func addToPost(_ upload: Data, alt: String, post: Post, merchant: Merchant, by user: User)
        async throws -> PlacedPhoto
    {
        try Self.requireOwner(merchant, user)
        // A post takes photos while its merchant may edit it: a draft, one held for review, scheduled or published
        // (shown at once, as the shop's photos are; the audit log records it and a report covers the post with them).
        try Self.requireAuthor(post, merchant)
        guard post.status.isEditable else {
            throw CommunityProblem.postNotEditable.error("a \(post.status.rawValue) post takes no new photo")
        }
        let alt = try Self.checkedAlt(alt)
        if try await store.postPhotos(of: [post.id])[post.id, default: []].count >= Self.postPhotoLimit {
            throw PhotoProblem.tooManyPhotos.error("a post carries \(Self.postPhotoLimit) photos at most")
        }
        let photo = try await processor.process(upload)
        return try await store.placeOnPost(
            photo, post: post, alt: alt, limit: Self.postPhotoLimit, by: user.id, at: clock.now())
    }

    /// Takes one of `post`'s photos off it.
    package func removeFromPost(_ id: PlacedPhoto.ID, post: Post, merchant: Merchant, by user: User) async throws {
        try Self.requireOwner(merchant, user)
        try Self.requireAuthor(post, merchant)
        try await store.removeFromPost(id, post: post, by: user.id, at: clock.now())
    }

    /// The photos of each post of a list, by post.
    package func photos(of posts: [Post]) async throws -> [Post.ID: [PlacedPhoto]] {
        try await store.postPhotos(of: posts.map(\.id))
    }

    /// The bytes at a photo's address, `<hash>-<width>.<extension>`; `photo_not_found` for any other name.
    package func file(named name: String) async throws -> PhotoFile {
        guard let (hash, width, format) = Self.parse(name),
            let file = try await store.file(hash: hash, width: width, format: format)
        else { throw PhotoNotFound.photo.notFound }
        return file
    }

    static func parse(_ name: String) -> (String, Int, PhotoFormat)? {
        let parts = name.split(separator: ".")
        guard parts.count == 2, let format = PhotoFormat(fileExtension: String(parts[1])) else { return nil }
        let stem = parts[0].split(separator: "-")
        guard stem.count == 2, PhotoHash.isValid(stem[0]), stem[1].count <= 4, stem[1].allSatisfy(\.isASCII),
            let width = Int(stem[1]), width > 0
        else { return nil }
        return (String(stem[0]), width, format)
    }

    static func requireOwner(_ merchant: Merchant, _ user: User) throws {
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
    }

    static func requireAuthor(_ post: Post, _ merchant: Merchant) throws {
        guard post.merchantID == merchant.id else {
            throw CommunityError.forbidden("this post belongs to another merchant")
        }
    }

    /// The description trimmed: required, 300 characters at most.
    package static func checkedAlt(_ alt: String) throws -> String {
        let text = alt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw PhotoField.alt.invalid("describe the photo in a few words") }
        guard text.count <= 300 else { throw PhotoField.alt.invalid("300 characters at most") }
        return text
    }
}

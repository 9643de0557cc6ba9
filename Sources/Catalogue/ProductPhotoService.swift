import Community
import Foundation
import Photos

/// Photos of products: a merchant (or a hub operator) places up to four on each of its listed products, each
/// processed as every upload is (decoded, stripped, encoded again, its variants made) and described in words.
package struct ProductPhotoService: Sendable {
    /// Photos a product shows at most.
    package static let limit = 4

    let store: any ProductPhotoStore
    let processor: any PhotoProcessor
    let clock: any HubClock

    package init(store: any ProductPhotoStore, processor: any PhotoProcessor, clock: any HubClock) {
        self.store = store
        self.processor = processor
        self.clock = clock
    }

    /// Places an upload on `product`, described by `alt`; `merchant` is the product's, as `CatalogueService.managed`
    /// found it for `user`.
    package func add(_ upload: Data, alt: String, to product: Product, of merchant: Merchant, by user: User)
        async throws -> PlacedPhoto
    {
        try Self.requireOwner(merchant, product, user)
        let alt = try PhotoService.checkedAlt(alt)
        if try await store.photos(of: [product.id])[product.id, default: []].count >= Self.limit {
            // Said before the upload is processed; the store checks again inside its transaction.
            throw PhotoProblem.tooManyPhotos.error("a product shows \(Self.limit) photos at most")
        }
        let photo = try await processor.process(upload)
        return try await store.place(
            photo, on: product.id, of: merchant, alt: alt, limit: Self.limit, by: user.id, at: clock.now())
    }

    /// Takes one of `product`'s photos off it.
    package func remove(_ id: PlacedPhoto.ID, from product: Product, of merchant: Merchant, by user: User)
        async throws
    {
        try Self.requireOwner(merchant, product, user)
        try await store.remove(id, from: product.id, of: merchant, by: user.id, at: clock.now())
    }

    /// The photos of each product of a list, by product.
    package func photos(of products: [Product]) async throws -> [Product.ID: [PlacedPhoto]] {
        try await store.photos(of: products.map(\.id))
    }

    static func requireOwner(_ merchant: Merchant, _ product: Product, _ user: User) throws {
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this catalogue belongs to another merchant")
        }
        guard product.merchantID == merchant.id else { throw CatalogueNotFound.product.notFound }
    }
}

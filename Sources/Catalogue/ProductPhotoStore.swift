import Community
import Foundation
import Photos

/// The photos placed on products (`productPhoto`); each write is one transaction with its audit entry. The photos
/// themselves live in the photo store's tables, stored once per content and deleted with their last placement.
package protocol ProductPhotoStore: Sendable {
    /// Stores `photo` (unless stored already) and places it on `product`, one of `merchant`'s listed products;
    /// refused with `too_many_photos` when the product already shows `limit`, `product_not_found` when it is not
    /// listed.
    func place(
        _ photo: ProcessedPhoto, on product: Product.ID, of merchant: Merchant, alt: String, limit: Int,
        by actor: User.ID, at date: Date
    ) async throws -> PlacedPhoto

    /// Takes a photo off `product`; `photo_not_found` when it is not one of the product's.
    func remove(_ id: PlacedPhoto.ID, from product: Product.ID, of merchant: Merchant, by actor: User.ID, at date: Date)
        async throws

    /// The photos of each of `products` that has some, in the order they were added.
    func photos(of products: [Product.ID]) async throws -> [Product.ID: [PlacedPhoto]]
}

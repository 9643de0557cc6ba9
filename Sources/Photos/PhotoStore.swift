import Community
import Foundation

/// Photos and where they are placed. Each write is one transaction with its audit entry; a photo is stored once
/// per content (its hash), and deleted with its last placement.
package protocol PhotoStore: Sendable {
    /// Stores `photo` (unless stored already) and places it on `merchant`: a logo replaces the previous one; a shop
    /// photo is refused with `too_many_photos` when the merchant already shows `limit`.
    func placeOnMerchant(
        _ photo: ProcessedPhoto, merchant: Merchant, role: MerchantPhotoRole, alt: String, limit: Int,
        by actor: User.ID, at date: Date
    ) async throws -> PlacedPhoto

    /// Takes a photo off `merchant`; `photo_not_found` when it is not one of the merchant's.
    func removeFromMerchant(_ id: PlacedPhoto.ID, merchant: Merchant, by actor: User.ID, at date: Date) async throws

    /// The merchant's logo and shop photos, in the order they were added.
    func merchantPhotos(_ merchant: Merchant.ID) async throws -> MerchantPhotos

    /// The logos of those of `merchants` that have one.
    func logos(of merchants: [Merchant.ID]) async throws -> [Merchant.ID: PlacedPhoto]

    /// Stores `photo` (unless stored already) and places it on `post`, refused past `limit` photos.
    func placeOnPost(
        _ photo: ProcessedPhoto, post: Post, alt: String, limit: Int, by actor: User.ID, at date: Date
    ) async throws -> PlacedPhoto

    /// Takes a photo off `post`; `photo_not_found` when it is not one of the post's.
    func removeFromPost(_ id: PlacedPhoto.ID, post: Post, by actor: User.ID, at date: Date) async throws

    /// The photos of each of `posts` that has some, in the order they were added.
    func postPhotos(of posts: [Post.ID]) async throws -> [Post.ID: [PlacedPhoto]]

    /// The bytes served at a photo's address: the original at its own width, or a variant.
    func file(hash: String, width: Int, format: PhotoFormat) async throws -> PhotoFile?
}

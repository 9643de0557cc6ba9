import Community
import Foundation

/// The one photo of each pop-up venue and seasonal market. Each write is one transaction with its audit entry.
package protocol PlacePhotoStore: Sendable {
    /// Stores `photo` (unless stored already) and places it on `place`, replacing the photo it showed; the replaced
    /// photo is deleted when nothing else shows it.
    func place(_ photo: ProcessedPhoto, on place: PhotoPlace, alt: String, by actor: User.ID, at date: Date)
        async throws -> PlacedPhoto

    /// Takes `place`'s photo off; `photo_not_found` when it has none.
    func remove(from place: PhotoPlace, by actor: User.ID, at date: Date) async throws

    /// The photos of those places of one kind that have one, by the place's identifier.
    func photos(_ kind: PhotoPlace.Kind, of ids: [Int64]) async throws -> [Int64: PlacedPhoto]
}

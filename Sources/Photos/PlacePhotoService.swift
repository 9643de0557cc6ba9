import Community
import Foundation

/// The one photo of a pop-up venue (placed by the zone's organisers) or a seasonal market (by the zone's admins):
/// checks who places it and what it says in words, has the upload processed and stores it.
package struct PlacePhotoService: Sendable {
    let store: any PlacePhotoStore
    let processor: any PhotoProcessor
    let editors: any PhotoPlaceEditors
    let clock: any HubClock

    package init(
        store: any PlacePhotoStore, processor: any PhotoProcessor, editors: any PhotoPlaceEditors,
        clock: any HubClock
    ) {
        self.store = store
        self.processor = processor
        self.editors = editors
        self.clock = clock
    }

    /// Places an upload on `place`, described by `alt`, in place of the photo it showed.
    package func place(_ upload: Data, alt: String, on place: PhotoPlace, by user: User) async throws -> PlacedPhoto {
        try await requireEditor(place, user)
        let alt = try PhotoService.checkedAlt(alt)
        let photo = try await processor.process(upload)
        return try await store.place(photo, on: place, alt: alt, by: user.id, at: clock.now())
    }

    /// Takes `place`'s photo off.
    package func remove(from place: PhotoPlace, by user: User) async throws {
        try await requireEditor(place, user)
        try await store.remove(from: place, by: user.id, at: clock.now())
    }

    /// The place's photo, if it has one.
    package func photo(of place: PhotoPlace) async throws -> PlacedPhoto? {
        try await store.photos(place.kind, of: [place.id])[place.id]
    }

    /// The photos of places of one kind (a list of venues or markets), by identifier.
    package func photos(_ kind: PhotoPlace.Kind, of ids: [Int64]) async throws -> [Int64: PlacedPhoto] {
        try await store.photos(kind, of: ids)
    }

    private func requireEditor(_ place: PhotoPlace, _ user: User) async throws {
        guard try await editors.mayEdit(place, user) else {
            switch place.kind {
            case .venue: throw CommunityError.forbidden("only the zone's pop-up organisers change a venue's photo")
            case .market: throw CommunityError.forbidden("only the zone's admins change a market's photo")
            }
        }
    }
}

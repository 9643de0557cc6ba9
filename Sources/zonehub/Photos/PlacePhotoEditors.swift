import Community
import Photos
import PopUps

/// Who changes a place's photo: a venue's zone organisers (its admins and hub operators too), a market's zone admins.
struct PlacePhotoEditors: PhotoPlaceEditors {
    let popUps: PopUpService

    func mayEdit(_ place: PhotoPlace, _ user: User) async throws -> Bool {
        switch place.kind {
        case .venue: try await popUps.organises(place.zoneID, user)
        case .market: user.administers(place.zoneID)
        }
    }
}

import Community
import Foundation

/// What placing and removing photos records in the audit log.
package enum PhotoAuditAction: String, AuditAction, CaseIterable {
    case merchantPhotoAdd = "merchant.photo.add"
    case merchantPhotoRemove = "merchant.photo.remove"
    case postPhotoAdd = "post.photo.add"
    case postPhotoRemove = "post.photo.remove"
    case venuePhotoSet = "popup.venue.photo.set"
    case venuePhotoRemove = "popup.venue.photo.remove"
    case marketPhotoSet = "market.photo.set"
    case marketPhotoRemove = "market.photo.remove"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .merchantPhotoAdd: "Photo ajoutée au commerce"
        case .merchantPhotoRemove: "Photo retirée du commerce"
        case .postPhotoAdd: "Photo ajoutée à la publication"
        case .postPhotoRemove: "Photo retirée de la publication"
        case .venuePhotoSet: "Photo du lieu placée"
        case .venuePhotoRemove: "Photo du lieu retirée"
        case .marketPhotoSet: "Photo du marché placée"
        case .marketPhotoRemove: "Photo du marché retirée"
        }
    }

    package var english: String {
        switch self {
        case .merchantPhotoAdd: "Photo added to the shop"
        case .merchantPhotoRemove: "Photo removed from the shop"
        case .postPhotoAdd: "Photo added to the post"
        case .postPhotoRemove: "Photo removed from the post"
        case .venuePhotoSet: "Venue photo placed"
        case .venuePhotoRemove: "Venue photo removed"
        case .marketPhotoSet: "Market photo placed"
        case .marketPhotoRemove: "Market photo removed"
        }
    }
}

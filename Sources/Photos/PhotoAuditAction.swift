import Community
import Foundation

/// What placing and removing photos records in the audit log.
package enum PhotoAuditAction: String, AuditAction, CaseIterable {
    case merchantPhotoAdd = "merchant.photo.add"
    case merchantPhotoRemove = "merchant.photo.remove"
    case postPhotoAdd = "post.photo.add"
    case postPhotoRemove = "post.photo.remove"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .merchantPhotoAdd: "Photo ajoutée au commerce"
        case .merchantPhotoRemove: "Photo retirée du commerce"
        case .postPhotoAdd: "Photo ajoutée à la publication"
        case .postPhotoRemove: "Photo retirée de la publication"
        }
    }

    package var english: String {
        switch self {
        case .merchantPhotoAdd: "Photo added to the shop"
        case .merchantPhotoRemove: "Photo removed from the shop"
        case .postPhotoAdd: "Photo added to the post"
        case .postPhotoRemove: "Photo removed from the post"
        }
    }
}

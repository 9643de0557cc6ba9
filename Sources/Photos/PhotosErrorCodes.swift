import Community
import Foundation
import Storage

/// The fields of a photo upload that input can be wrong in (`invalid_<field>`).
package enum PhotoField: String, InputField, CaseIterable {
    case alt, role

    package var french: String {
        switch self {
        case .alt:
            "Décrivez la photo en quelques mots pour les personnes qui ne la voient pas (300 caractères au plus)."
        case .role: "Choisissez s'il s'agit du logo ou d'une photo du commerce."
        }
    }
}

/// What can be asked for and not exist (`photo_not_found`).
package enum PhotoNotFound: String, MissingThing, CaseIterable {
    case photo

    package var french: String { "Cette photo n'existe pas ou a été retirée." }
}

/// Why an upload is refused: each says what to send instead.
package enum PhotoProblem: String, ProblemCode, CaseIterable {
    case photoMissing = "photo_missing"
    case photoTooLarge = "photo_too_large"
    case notAnImage = "not_an_image"
    case unsupportedImageFormat = "unsupported_image_format"
    case imageDimensionsTooLarge = "image_dimensions_too_large"
    case damagedImage = "damaged_image"
    case tooManyPhotos = "too_many_photos"

    package var category: ErrorCategory { self == .tooManyPhotos ? .conflict : .invalidInput }

    package var french: String {
        switch self {
        case .photoMissing: "Choisissez une photo à envoyer."
        case .photoTooLarge: "La photo dépasse 10 Mo : envoyez une image plus légère."
        case .notAnImage: "Ce fichier n'est pas une image : envoyez une photo JPEG, PNG ou WebP."
        case .unsupportedImageFormat:
            "Ce format d'image n'est pas pris en charge (HEIC, GIF, TIFF…) : envoyez une photo JPEG, PNG ou WebP."
        case .imageDimensionsTooLarge:
            "Cette image est trop grande : 8 000 pixels de côté et 40 millions de pixels au plus."
        case .damagedImage: "Cette image est abîmée ou incomplète et n'a pas pu être lue : envoyez-la de nouveau."
        case .tooManyPhotos: "Le nombre de photos est atteint : retirez-en une avant d'en ajouter une autre."
        }
    }

    /// The same in English, for the API, the CLI and English pages.
    package var english: String {
        switch self {
        case .photoMissing: "Choose a photo to send."
        case .photoTooLarge: "The photo is larger than 10 MB: send a lighter image."
        case .notAnImage: "This file is not an image: send a JPEG, PNG or WebP photo."
        case .unsupportedImageFormat:
            "This image format is not supported (HEIC, GIF, TIFF…): send a JPEG, PNG or WebP photo."
        case .imageDimensionsTooLarge: "This image is too large: 8,000 pixels a side and 40 million pixels at most."
        case .damagedImage: "This image is damaged or incomplete and could not be read: send it again."
        case .tooManyPhotos: "The number of photos is reached: remove one before adding another."
        }
    }

    /// The error, with its English sentence.
    package var refusal: CommunityError { error(english) }
}

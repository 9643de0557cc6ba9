/// The hub-wide list of merchant and post categories, the same in every zone.
package enum Category: String, Codable, CaseIterable, Sendable {
    case alimentation
    case artisanatDArt = "artisanat-d-art"
    case maisonDeco = "maison-deco"
    case mode
    case beauteBienEtre = "beaute-bien-etre"
    case jouets
    case livres
    case restauration
    case services
    case therapeutes
    case sportLoisirs = "sport-loisirs"
    case jardin

    /// The French label shown to users.
    package var label: String {
        switch self {
        case .alimentation: "Alimentation"
        case .artisanatDArt: "Artisanat d'art"
        case .maisonDeco: "Maison & déco"
        case .mode: "Mode"
        case .beauteBienEtre: "Beauté & bien-être"
        case .jouets: "Jouets"
        case .livres: "Livres"
        case .restauration: "Restauration"
        case .services: "Services"
        case .therapeutes: "Thérapeutes"
        case .sportLoisirs: "Sport & loisirs"
        case .jardin: "Jardin"
        }
    }

    /// The English label.
    package var englishLabel: String {
        switch self {
        case .alimentation: "Food"
        case .artisanatDArt: "Arts & crafts"
        case .maisonDeco: "Home & decor"
        case .mode: "Fashion"
        case .beauteBienEtre: "Beauty & wellbeing"
        case .jouets: "Toys"
        case .livres: "Books"
        case .restauration: "Restaurants"
        case .services: "Services"
        case .therapeutes: "Therapists"
        case .sportLoisirs: "Sport & leisure"
        case .jardin: "Garden"
        }
    }
}

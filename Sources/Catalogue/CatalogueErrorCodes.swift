import Community
import Foundation
import Storage

/// The fields of a product, a catalogue file and its rows that input can be wrong in (`invalid_<field>`).
package enum CatalogueField: String, InputField, CaseIterable {
    case name, description, price, unit, availability, category, position, file, row, product
    case seasonFrom = "season_from"
    case seasonUntil = "season_until"

    package var french: String {
        switch self {
        case .name: "Le nom du produit est obligatoire (120 caractères au plus)."
        case .description: "La description fait 2 000 caractères au plus."
        case .price: "Le prix s'écrit comme 12,50 (en euros, de 0 à 100 000 €)."
        case .unit: "Choisissez une unité de la liste (la pièce, le kg, la bouteille…)."
        case .availability: "Choisissez une disponibilité : en stock, sur commande ou de saison."
        case .category: "La catégorie fait 60 caractères au plus."
        case .position: "La position dans la liste est un nombre de 0 à 10 000."
        case .file: "Ce fichier n'est pas un CSV lisible (UTF-8, séparé par des virgules ou des points-virgules)."
        case .row: "Une ligne du fichier n'a pas autant de colonnes que l'en-tête."
        case .product: "Ce produit n'est pas dans votre catalogue."
        case .seasonFrom: "Le début de la saison s'écrit comme 2026-12-01 ou 01/12/2026."
        case .seasonUntil:
            "La fin de la saison s'écrit comme 2026-12-24, au plus tôt le jour du début, un an après au plus."
        }
    }
}

/// What the catalogue can be asked for and not find (`<thing>_not_found`).
package enum CatalogueNotFound: String, MissingThing, CaseIterable {
    case product

    package var french: String {
        switch self {
        case .product: "Ce produit n'existe pas ou a été retiré."
        }
    }
}

/// The catalogue's refusals.
package enum CatalogueProblem: String, ProblemCode, CaseIterable {
    case tooManyProducts = "too_many_products"

    package var category: ErrorCategory { .conflict }

    package var french: String {
        switch self {
        case .tooManyProducts: "Un catalogue compte 500 produits au plus : retirez-en avant d'en ajouter."
        }
    }
}

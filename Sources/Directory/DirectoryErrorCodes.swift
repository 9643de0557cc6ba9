import Community
import Foundation
import Storage

/// The fields of searches, imports and markets that input can be wrong in (`invalid_<field>`).
package enum DirectoryField: String, InputField, CaseIterable {
    case search, kind, offset, limit, page, file, row, title, description, startsAt, endsAt, applicationsOpenAt
    case applicationsCloseAt, posts, merchant, categories
    /// Why a market application is refused.
    case reason
    /// The commune typed to narrow a search.
    case communeFilter = "commune_filter"

    package var french: String {
        switch self {
        case .search: "Tapez au moins un mot de deux lettres."
        case .kind: "Choisissez commerces, offres, actualités, événements ou produits."
        case .offset: "Cette page de résultats n'existe pas."
        case .limit: "Le nombre de résultats va de 1 à 50."
        case .page: "Cette page n'existe pas."
        case .file: "Ce fichier n'est pas un CSV lisible (UTF-8, séparé par des virgules ou des points-virgules)."
        case .row: "Une ligne du fichier n'est pas lisible."
        case .title: "Le titre du marché est obligatoire (120 caractères au plus)."
        case .description: "La présentation fait 4 000 caractères au plus."
        case .startsAt: "Le premier jour du marché s'écrit comme 2026-12-01."
        case .endsAt: "Le dernier jour du marché vient après le premier et n'est pas déjà passé."
        case .applicationsOpenAt: "L'ouverture des inscriptions s'écrit comme 2026-11-15."
        case .applicationsCloseAt:
            "La clôture des inscriptions vient après leur ouverture, au plus tard le dernier jour du marché."
        case .posts: "Choisissez de une à vingt de vos offres en cours dans la zone."
        case .merchant: "Ce commerce ne peut pas s'inscrire à ce marché."
        case .categories: "Choisissez de une à cinq catégories de la liste."
        case .communeFilter: "Le nom de commune fait 80 caractères au plus."
        case .reason: "Dites au commerce pourquoi sa candidature n'est pas retenue (500 caractères au plus)."
        }
    }
}

/// What the directory can be asked for and not find (`<thing>_not_found`).
package enum DirectoryNotFound: String, MissingThing, CaseIterable {
    case market, application, sitemap

    package var french: String {
        switch self {
        case .market: "Ce marché n'existe pas."
        case .application: "Cette candidature n'existe pas."
        case .sitemap: "Ce plan du site n'existe pas."
        }
    }
}

/// The directory's and the markets' refusals.
package enum DirectoryProblem: String, ProblemCode, CaseIterable {
    case duplicate
    case marketSlugTaken = "market_slug_taken"
    case applicationsClosed = "applications_closed"
    case alreadyApplied = "already_applied"
    case applicationDecided = "application_decided"

    package var category: ErrorCategory { .conflict }

    package var french: String {
        switch self {
        case .duplicate: "Ce commerce figure déjà dans l'annuaire."
        case .marketSlugTaken: "La zone a déjà un marché portant ce titre."
        case .applicationsClosed: "Ce marché ne prend pas d'inscriptions en ce moment."
        case .alreadyApplied: "Ce commerce s'est déjà inscrit à ce marché."
        case .applicationDecided: "Cette candidature a déjà été traitée ; rechargez la page."
        }
    }
}

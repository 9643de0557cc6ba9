import Foundation
import Storage

/// The fields of zones, accounts, merchants and posts that input can be wrong in (`invalid_<field>`).
package enum CommunityField: String, InputField, CaseIterable {
    case title, body, price, priceCents, imageURL, validFrom, validUntil, eventAt, publishAt, kind, category
    case categories, zone, zones, name, description, address, commune, postcode, phone, email, website, links
    case openingHours, siret, password, q, role, administeredZone

    package var french: String {
        switch self {
        case .title: "Le titre est obligatoire (200 caractères au plus, sans caractères de contrôle)."
        case .body: "Le texte fait 10 000 caractères au plus, sans caractères de contrôle."
        case .price: "Le prix s'écrit en euros, par exemple 12,50."
        case .priceCents: "Le prix doit être compris entre 0 et 1 000 000 €."
        case .imageURL: "L'image doit être une adresse web commençant par https://."
        case .validFrom: "La date de début n'est pas une date valide."
        case .validUntil: "La fin de validité doit venir après le début, et ne pas être déjà passée."
        case .eventAt: "Un événement a besoin de sa date."
        case .publishAt: "La date de publication n'est pas une date valide."
        case .kind: "Choisissez offre, actualité ou événement."
        case .category: "Choisissez une catégorie de la liste."
        case .categories: "Choisissez de une à cinq catégories de la liste."
        case .zone: "Ce commerce n'appartient pas à cette zone."
        case .zones: "Choisissez au moins une zone."
        case .name: "Le nom du commerce est obligatoire (120 caractères au plus)."
        case .description: "La présentation fait 2 000 caractères au plus."
        case .address: "L'adresse fait 200 caractères au plus."
        case .commune: "La commune est obligatoire et doit appartenir à chacune des zones choisies."
        case .postcode: "Le code postal a cinq chiffres."
        case .phone: "Le téléphone doit être un numéro français, par exemple 01 23 45 67 89."
        case .email: "L'adresse e-mail n'est pas valide."
        case .website: "Le site web doit être une adresse commençant par https://."
        case .links: "Chaque lien doit être une adresse commençant par https:// (10 au plus)."
        case .openingHours:
            "Les horaires s'écrivent au format OpenStreetMap, par exemple « Tu-Sa 09:00-12:00,14:00-19:00; PH off »."
        case .siret: "Le SIRET a 14 chiffres et sa clé de contrôle doit être juste."
        case .password: "Le mot de passe doit compter de 10 à 72 caractères."
        case .q: "Tapez un code postal (5 chiffres) ou le nom d'une commune."
        case .role:
            "Seul un habitant ou un administrateur de zone peut recevoir une zone à administrer (un commerçant "
                + "a besoin d'un second compte)."
        case .administeredZone: "Ce compte n'administre pas cette zone."
        }
    }
}

/// What Community can be asked for and not find (`<thing>_not_found`).
package enum CommunityNotFound: String, MissingThing, CaseIterable {
    case zone, merchant, post, user

    package var french: String {
        switch self {
        case .zone: "Cette zone n'existe pas."
        case .merchant: "Ce commerce n'existe pas."
        case .post: "Cette publication n'existe pas."
        case .user: "Aucun compte n'utilise cette adresse e-mail."
        }
    }
}

/// Community's other refusals: conflicts, rights, sign-in.
package enum CommunityProblem: String, ProblemCode, CaseIterable {
    case forbidden
    case unauthenticated
    case badCredentials = "bad_credentials"
    case emailTaken = "email_taken"
    case merchantSlugTaken = "merchant_slug_taken"
    case siretTaken = "siret_taken"
    case postNotEditable = "post_not_editable"
    case postNotWithdrawable = "post_not_withdrawable"
    case postNotDraft = "post_not_draft"
    case staleStatus = "stale_status"
    /// Refused by a zone's watched terms; the message is the admins' own words.
    case postBlocked = "post_blocked"
    case notCounted = "not_counted"
    case rateLimited = "rate_limited"
    /// The password was right, but the account's address is not confirmed yet.
    case accountUnverified = "account_unverified"
    /// The password was right, but the account waits for a zone admin.
    case accountPending = "account_pending"
    /// The password was right, but the account was refused or disabled.
    case accountDisabled = "account_disabled"

    package var category: ErrorCategory {
        switch self {
        case .forbidden: .forbidden
        case .unauthenticated, .badCredentials: .unauthenticated
        case .accountUnverified, .accountPending, .accountDisabled: .forbidden
        case .postBlocked: .invalidInput
        case .rateLimited: .rateLimited
        default: .conflict
        }
    }

    package var french: String {
        switch self {
        case .forbidden: "Vous n'avez pas le droit de faire cela."
        case .unauthenticated: "Connectez-vous d'abord."
        case .badCredentials: "Adresse e-mail inconnue ou mot de passe incorrect."
        case .emailTaken: "Un compte utilise déjà cette adresse e-mail."
        case .merchantSlugTaken: "Un autre commerce porte déjà ce nom."
        case .siretTaken: "Un autre commerce utilise déjà ce SIRET."
        case .postNotEditable: "Cette publication ne peut plus être modifiée."
        case .postNotWithdrawable: "Cette publication ne peut pas être retirée."
        case .postNotDraft: "Seul un brouillon peut être soumis."
        case .staleStatus: "Cette publication a changé entre-temps : rechargez la page."
        case .postBlocked: "Cette publication ne peut pas être publiée dans cette zone."
        case .notCounted: "L'opération n'a pas pu être comptée : réessayez."
        case .rateLimited: "Trop de demandes depuis votre connexion : réessayez dans quelques minutes."
        case .accountUnverified:
            "Confirmez d'abord votre adresse e-mail : suivez le lien du message que nous vous avons envoyé."
        case .accountPending: "Votre inscription attend la validation d'un administrateur de la zone."
        case .accountDisabled: "Ce compte est désactivé. Écrivez aux administrateurs de votre zone."
        }
    }
}

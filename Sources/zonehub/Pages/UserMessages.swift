import Community

/// What an error says to the person on the page: the domain's message in English, French wording by its stable
/// code in French (the API keeps the English message, for developers).
enum UserMessages {
    static func text(_ error: CommunityError, _ t: Language) -> String {
        text(code: error.code, message: error.message, t)
    }

    /// As above, with a form's own French wording (`french`, by code) taking precedence.
    static func text(_ error: CommunityError, _ t: Language, french overrides: [String: String]) -> String {
        guard t == .fr, let french = overrides[error.code] else { return text(error, t) }
        return french
    }

    static func text(code: String, message: String, _ t: Language) -> String {
        // Blocking messages are written by the zone's admins, in French already.
        guard t == .fr, code != "post_blocked" else { return message }
        return french[code] ?? DirectoryMessages.french[code] ?? message
    }

    static let french: [String: String] = [
        "sign_in_locked": "Trop d'essais manqués : patientez quelques minutes avant de réessayer.",
        "cross_site_request":
            "Ce formulaire a été envoyé depuis un autre site. Ouvrez la page sur le hub et recommencez.",
        "invalid_title": "Le titre est obligatoire (200 caractères au plus, sans caractères de contrôle).",
        "invalid_body": "Le texte fait 10 000 caractères au plus, sans caractères de contrôle.",
        "invalid_price": "Le prix s'écrit en euros, par exemple 12,50.",
        "invalid_priceCents": "Le prix doit être compris entre 0 et 1 000 000 €.",
        "invalid_imageURL": "L'image doit être une adresse web commençant par https://.",
        "invalid_validFrom": "La date de début n'est pas une date valide.",
        "invalid_validUntil": "La fin de validité doit venir après le début, et ne pas être déjà passée.",
        "invalid_eventAt": "Un événement a besoin de sa date.",
        "invalid_publishAt": "La date de publication n'est pas une date valide.",
        "invalid_kind": "Choisissez offre, actualité ou événement.",
        "invalid_category": "Choisissez une catégorie de la liste.",
        "invalid_categories": "Choisissez de une à cinq catégories de la liste.",
        "invalid_zone": "Ce commerce n'appartient pas à cette zone.",
        "invalid_zones": "Choisissez au moins une zone.",
        "invalid_name": "Le nom du commerce est obligatoire (120 caractères au plus).",
        "invalid_description": "La présentation fait 2 000 caractères au plus.",
        "invalid_address": "L'adresse fait 200 caractères au plus.",
        "invalid_commune": "La commune est obligatoire et doit appartenir à chacune des zones choisies.",
        "invalid_postcode": "Le code postal a cinq chiffres.",
        "invalid_phone": "Le téléphone doit être un numéro français, par exemple 01 23 45 67 89.",
        "invalid_email": "L'adresse e-mail n'est pas valide.",
        "invalid_website": "Le site web doit être une adresse commençant par https://.",
        "invalid_links": "Chaque lien doit être une adresse commençant par https:// (10 au plus).",
        "invalid_openingHours":
            "Les horaires s'écrivent au format OpenStreetMap, par exemple « Tu-Sa 09:00-12:00,14:00-19:00; PH off ».",
        "invalid_siret": "Le SIRET a 14 chiffres et sa clé de contrôle doit être juste.",
        "invalid_password": "Le mot de passe doit compter de 10 à 72 caractères.",
        "invalid_reason": "Choisissez un motif de la liste.",
        "invalid_note": "La note fait 1 000 caractères au plus.",
        "invalid_holdFirstPosts": "Le nombre de publications vérifiées va de 0 à 50.",
        "invalid_trustAfterApproved": "La confiance s'accorde après 1 à 100 publications approuvées.",
        "invalid_maxLinks": "Le nombre de liens va de 0 à 50.",
        "invalid_weeklyQuota": "Le quota hebdomadaire va de 1 à 500 publications.",
        "invalid_reportThreshold": "Le seuil de signalements va de 1 à 100.",
        "invalid_watchedTerms":
            "Chaque ligne s'écrit « hold | mot », « flag | mot » ou « block | mot | message », sans doublon.",
        "invalid_q": "Tapez un code postal (5 chiffres) ou le nom d'une commune.",
        "email_taken": "Un compte utilise déjà cette adresse e-mail.",
        "merchant_slug_taken": "Un autre commerce porte déjà ce nom.",
        "siret_taken": "Un autre commerce utilise déjà ce SIRET.",
        "post_not_editable": "Cette publication ne peut plus être modifiée.",
        "post_not_withdrawable": "Cette publication ne peut pas être retirée.",
        "post_not_draft": "Seul un brouillon peut être soumis.",
        "stale_status": "Cette publication a changé entre-temps : rechargez la page.",
        "already_reported": "Vous avez déjà signalé cette publication.",
        "forbidden": "Vous n'avez pas le droit de faire cela.",
        "unauthenticated": "Connectez-vous d'abord.",
        "bad_credentials": "Adresse e-mail inconnue ou mot de passe incorrect.",
        "zone_not_found": "Cette zone n'existe pas.",
        "merchant_not_found": "Ce commerce n'existe pas.",
        "post_not_found": "Cette publication n'existe pas.",
        "invalid_frequency": "Choisissez un résumé quotidien ou hebdomadaire.",
        "invalid_link": "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier.",
        "expired_link": "Ce lien a expiré : abonnez-vous de nouveau pour en recevoir un autre.",
        "subscription_ended": "Cet abonnement a pris fin : abonnez-vous de nouveau.",
        "subscription_not_active": "Cet abonnement n'est pas actif.",
        "rate_limited": "Trop de demandes depuis votre connexion : réessayez dans quelques minutes.",
    ]
}

import Community
import Storage

/// The fields of a sign-up or a password reset that input can be wrong in (`invalid_<field>`).
package enum MembershipField: String, InputField, CaseIterable {
    case email, password, confirm, shopName, commune, category, reason

    package var french: String {
        switch self {
        case .email: "Indiquez une adresse e-mail valide, comme nom@exemple.fr."
        case .password: "Le mot de passe doit compter de 10 à 72 caractères."
        case .confirm: "Les deux mots de passe diffèrent."
        case .shopName: "Le nom du commerce est obligatoire (80 caractères au plus)."
        case .commune: "Choisissez la commune du commerce dans la liste."
        case .category: "Choisissez l'activité du commerce dans la liste."
        case .reason: "Donnez un motif (500 caractères au plus)."
        }
    }
}

/// What joining can be asked for and not find (`<thing>_not_found`).
package enum MembershipNotFound: String, MissingThing, CaseIterable {
    case signUp = "sign_up"

    package var french: String { "Cette inscription n'existe pas." }
}

/// Joining's refusals.
package enum MembershipProblem: String, ProblemCode, CaseIterable {
    /// A link that is expired, already used, replaced by a newer one, or altered: one answer for all.
    case linkInvalid = "link_invalid"
    /// The sign-up was approved or refused since the page showed it.
    case signUpDecided = "sign_up_decided"
    /// The hub does not take sign-ups from this address's domain.
    case emailDomainRefused = "email_domain_refused"

    package var category: ErrorCategory {
        switch self {
        case .linkInvalid, .emailDomainRefused: .invalidInput
        case .signUpDecided: .conflict
        }
    }

    package var french: String {
        switch self {
        case .linkInvalid:
            "Ce lien n'est plus valable : il a expiré, a déjà servi ou a été remplacé par un plus récent. "
                + "Demandez-en un nouveau."
        case .signUpDecided: "Cette inscription a déjà été traitée ; rechargez la page."
        case .emailDomainRefused: "Ce hub n'accepte pas les inscriptions avec une adresse de ce domaine."
        }
    }
}

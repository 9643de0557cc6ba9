import Community
import Storage

/// The fields of a sign-up or a password reset that input can be wrong in (`invalid_<field>`).
package enum MembershipField: String, InputField, CaseIterable {
    case email, password, confirm, shopName, commune, category, reason, displayName
    /// The role and the zone an invitation offers.
    case role, zone
    /// A listing claim's SIRET and message to the zone's team.
    case siret, message

    package var french: String {
        switch self {
        case .email: "Indiquez une adresse e-mail valide, comme nom@exemple.fr."
        case .password: "Le mot de passe doit compter de 10 à 72 caractères."
        case .confirm: "Les deux mots de passe diffèrent."
        case .shopName: "Le nom du commerce est obligatoire (80 caractères au plus)."
        case .commune: "Choisissez la commune du commerce dans la liste."
        case .category: "Choisissez l'activité du commerce dans la liste."
        case .reason: "Donnez un motif (500 caractères au plus)."
        case .role: "Choisissez un rôle de la liste."
        case .zone: "Choisissez une zone de la liste."
        case .siret: "Indiquez le SIRET de votre commerce : 14 chiffres, tel qu'il figure sur l'avis de situation."
        case .message: "Le message compte 900 caractères au plus."
        case .displayName: "Indiquez un prénom ou un pseudonyme (60 caractères au plus, sur une ligne)."
        }
    }
}

/// What joining can be asked for and not find (`<thing>_not_found`).
package enum MembershipNotFound: String, MissingThing, CaseIterable {
    case signUp = "sign_up"
    case claim
    case invitation

    package var french: String {
        switch self {
        case .signUp: "Cette inscription n'existe pas."
        case .claim: "Cette demande de revendication n'existe pas."
        case .invitation: "Cette invitation n'existe pas."
        }
    }
}

/// Joining's refusals.
package enum MembershipProblem: String, ProblemCode, CaseIterable {
    /// A link that is expired, already used, replaced by a newer one, or altered: one answer for all.
    case linkInvalid = "link_invalid"
    /// The sign-up was approved or refused since the page showed it.
    case signUpDecided = "sign_up_decided"
    /// The hub does not take sign-ups from this address's domain.
    case emailDomainRefused = "email_domain_refused"
    /// An operator may not delete their own account from the web: the hub would be left without one.
    case operatorCannotLeave = "operator_cannot_leave"
    /// An invitation link that is expired, revoked, already accepted, replaced or altered: one answer for all.
    case invitationInvalid = "invitation_invalid"
    /// The invitation was accepted, revoked or expired since the page showed it.
    case invitationNotLive = "invitation_not_live"
    /// The inviter may not offer this role in this zone.
    case invitationRoleNotAllowed = "invitation_role_not_allowed"
    /// The signed-in account is not the invited address's.
    case invitationOtherAccount = "invitation_other_account"
    /// The invited address's account cannot take the role (a merchant cannot also administer a zone).
    case invitationRoleConflict = "invitation_role_conflict"
    /// The listing has its owner (it was claimed, or its merchant created it).
    case listingNotClaimable = "listing_not_claimable"
    /// No link can be mailed: the listing has no address of its own.
    case listingHasNoEmail = "listing_has_no_email"
    /// Only an active merchant account takes a listing over.
    case claimNeedsMerchant = "claim_needs_merchant"
    /// A claim link used while signed in to another account than the one that asked for it.
    case claimOtherAccount = "claim_other_account"
    /// The claim was approved, refused or replaced since the page showed it.
    case claimDecided = "claim_decided"

    package var category: ErrorCategory {
        switch self {
        case .linkInvalid, .emailDomainRefused: .invalidInput
        case .signUpDecided: .conflict
        case .operatorCannotLeave: .forbidden
        case .invitationInvalid: .invalidInput
        case .invitationNotLive, .invitationRoleConflict: .conflict
        case .invitationRoleNotAllowed, .invitationOtherAccount: .forbidden
        case .listingHasNoEmail: .invalidInput
        case .listingNotClaimable, .claimDecided: .conflict
        case .claimNeedsMerchant, .claimOtherAccount: .forbidden
        }
    }

    package var french: String {
        switch self {
        case .linkInvalid:
            "Ce lien n'est plus valable : il a expiré, a déjà servi ou a été remplacé par un plus récent. "
                + "Demandez-en un nouveau."
        case .signUpDecided: "Cette inscription a déjà été traitée ; rechargez la page."
        case .emailDomainRefused: "Ce hub n'accepte pas les inscriptions avec une adresse de ce domaine."
        case .invitationInvalid:
            "Cette invitation n'est plus valable : elle a expiré, a été révoquée, a déjà été acceptée ou remplacée "
                + "par une plus récente. Demandez à la personne qui vous a invité de vous en envoyer une nouvelle."
        case .invitationNotLive: "Cette invitation a déjà été acceptée, révoquée ou a expiré ; rechargez la page."
        case .invitationRoleNotAllowed:
            "Vous ne pouvez pas inviter à ce rôle ici : un opérateur invite des administrateurs de zone et des "
                + "organisateurs ; un administrateur de zone invite des organisateurs et des commerçants de sa zone."
        case .invitationOtherAccount:
            "Cette invitation a été envoyée à une autre adresse que celle de votre compte : connectez-vous avec "
                + "l'adresse invitée."
        case .invitationRoleConflict:
            "Votre compte ne peut pas recevoir ce rôle : un commerçant n'administre pas de zone, et un "
                + "administrateur ne tient pas de commerce avec le même compte. Demandez une invitation pour une "
                + "autre adresse."
        case .listingNotClaimable: "Cette fiche a déjà son responsable : elle ne peut plus être revendiquée."
        case .listingHasNoEmail:
            "Cette fiche n'a pas d'adresse e-mail où envoyer un lien : demandez à l'équipe de la zone."
        case .claimNeedsMerchant:
            "Seul un compte commerçant actif peut revendiquer une fiche : inscrivez d'abord votre commerce."
        case .claimOtherAccount:
            "Ce lien a été demandé depuis un autre compte : connectez-vous avec celui-ci pour l'utiliser."
        case .claimDecided: "Cette demande a déjà été traitée ; rechargez la page."
        case .operatorCannotLeave:
            "Un compte d'opérateur ne se supprime pas depuis le site : demandez à un autre opérateur de vous retirer "
                + "ce rôle d'abord."
        }
    }
}

import Community
import Foundation
import Storage

/// The fields of moderation rules, decisions and reports that input can be wrong in (`invalid_<field>`).
package enum ModerationField: String, InputField, CaseIterable {
    case holdFirstPosts, trustAfterApproved, maxLinks, weeklyQuota, reportThreshold, watchedTerms, reason, note
    case merchantSignUps

    package var french: String {
        switch self {
        case .holdFirstPosts: "Le nombre de publications vérifiées va de 0 à 50."
        case .trustAfterApproved: "La confiance s'accorde après 1 à 100 publications approuvées."
        case .maxLinks: "Le nombre de liens va de 0 à 50."
        case .weeklyQuota: "Le quota hebdomadaire va de 1 à 500 publications."
        case .reportThreshold: "Le seuil de signalements va de 1 à 100."
        case .watchedTerms:
            "Chaque ligne s'écrit « retenir | mot », « signaler | mot » ou « bloquer | mot | message », sans doublon."
        case .reason: "Choisissez un motif de la liste."
        case .note: "La note fait 1 000 caractères au plus."
        case .merchantSignUps: "Choisissez si les nouveaux commerçants attendent l'accord d'un administrateur."
        }
    }
}

/// Moderation's refusals.
package enum ModerationProblem: String, ProblemCode, CaseIterable {
    /// Two admins decided at once: the second is told who decided first.
    case alreadyDecided = "already_decided"
    case alreadyReported = "already_reported"
    /// A decision in a batch that failed for another reason.
    case failed

    package var category: ErrorCategory { .conflict }

    package var french: String {
        switch self {
        case .alreadyDecided: "Un autre administrateur a déjà traité cette publication : rechargez la page."
        case .alreadyReported: "Vous avez déjà signalé cette publication."
        case .failed: "Cette publication n'a pas pu être traitée : réessayez."
        }
    }
}

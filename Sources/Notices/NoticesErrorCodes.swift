import Community
import Storage

/// The fields of a notice preference that input can be wrong in (`invalid_<field>`).
package enum NoticesField: String, InputField, CaseIterable {
    case kind, delivery

    package var french: String {
        switch self {
        case .kind: "Ce type d'avis n'existe pas, ou ne peut pas être changé."
        case .delivery: "Choisissez « tout de suite », « résumé quotidien » ou « jamais »."
        }
    }
}

/// Preference links refused.
package enum NoticesProblem: String, ProblemCode, CaseIterable {
    /// A signed link that does not verify; answered as not found, so links cannot be probed.
    case invalidNoticeLink = "invalid_notice_link"

    package var category: ErrorCategory { .notFound }

    package var french: String {
        "Ce lien de préférences n'est pas valide. Vérifiez qu'il a été copié en entier, ou réglez vos avis depuis "
            + "votre espace."
    }
}

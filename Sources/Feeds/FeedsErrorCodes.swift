import Community
import Foundation
import Storage

/// The fields of a subscription that input can be wrong in (`invalid_<field>`).
package enum FeedsField: String, InputField, CaseIterable {
    case email, zones, frequency

    package var french: String {
        switch self {
        case .email: "L'adresse e-mail n'est pas valide."
        case .zones: "Choisissez au moins une zone."
        case .frequency: "Choisissez un résumé quotidien ou hebdomadaire."
        }
    }
}

/// What a subscriber can ask for and the hub not find (`<thing>_not_found`).
package enum FeedsNotFound: String, MissingThing, CaseIterable {
    case subscription

    package var french: String { "Cet abonnement n'existe pas." }
}

/// Links and subscriptions refused.
package enum FeedsProblem: String, ProblemCode, CaseIterable {
    /// A signed link that does not verify; answered as not found, so links cannot be probed.
    case invalidLink = "invalid_link"
    case expiredLink = "expired_link"
    case subscriptionEnded = "subscription_ended"
    case subscriptionNotActive = "subscription_not_active"
    /// A mail given to `mail bounce` that is not a delivery status notification.
    case notADeliveryReport = "not_a_delivery_report"
    /// A delivery status notification for no message this hub sent (or with a forged tag).
    case unknownBouncedMessage = "unknown_bounced_message"

    package var category: ErrorCategory {
        switch self {
        case .invalidLink: .notFound
        case .expiredLink: .invalidInput
        case .subscriptionEnded, .subscriptionNotActive: .conflict
        case .notADeliveryReport: .invalidInput
        case .unknownBouncedMessage: .notFound
        }
    }

    package var french: String {
        switch self {
        case .invalidLink: "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier."
        case .expiredLink: "Ce lien a expiré : abonnez-vous de nouveau pour en recevoir un autre."
        case .subscriptionEnded: "Cet abonnement a pris fin : abonnez-vous de nouveau."
        case .subscriptionNotActive: "Cet abonnement n'est pas actif."
        case .notADeliveryReport: "Ce courriel n'est pas un avis de non-remise (RFC 3464) : il n'a rien changé."
        case .unknownBouncedMessage:
            "Cet avis de non-remise ne concerne aucun message envoyé par ce hub : il n'a rien changé."
        }
    }
}

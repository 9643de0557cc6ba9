import Community
import Foundation
import Storage

/// The fields of the API's and the pages' own parameters that input can be wrong in (`invalid_<field>`); the
/// features' fields are in their targets.
enum RequestField: String, InputField, CaseIterable {
    case status, zone, ids, decision, limit, before, window
    case orderStatus = "order_status"

    var french: String {
        switch self {
        case .status: "Choisissez un état de publication de la liste."
        case .orderStatus: "Choisissez un état de commande de la liste."
        case .window: "Ce créneau de retrait n'existe pas."
        case .zone: "Choisissez une zone."
        case .ids: "Choisissez de une à cent publications."
        case .decision: "Choisissez d'accepter ou de refuser."
        case .limit: "Le nombre de résultats va de 1 à 100."
        case .before: "Cette page de résultats n'existe pas."
        }
    }
}

/// Addresses the hub answers with "not found" because a part of their path is not one it knows.
enum RequestNotFound: String, MissingThing, CaseIterable {
    case decision
    /// A `/go/` address whose target is not one of the merchant's links.
    case link

    var french: String {
        self == .link ? "Ce lien n'est pas sur la fiche du commerce : le hub ne redirige pas ailleurs." : "Cette page n'existe pas."
    }
}

/// The requests the hub itself refuses, before any feature sees them.
enum RequestProblem: String, ProblemCode, CaseIterable {
    case signInLocked = "sign_in_locked"
    case crossSiteRequest = "cross_site_request"

    var category: ErrorCategory {
        switch self {
        case .signInLocked: .rateLimited
        case .crossSiteRequest: .forbidden
        }
    }

    var french: String {
        switch self {
        case .signInLocked: "Trop d'essais manqués : patientez quelques minutes avant de réessayer."
        case .crossSiteRequest:
            "Ce formulaire a été envoyé depuis un autre site. Ouvrez la page sur le hub et recommencez."
        }
    }
}

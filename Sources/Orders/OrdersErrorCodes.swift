import Community
import Foundation
import Storage

/// The fields of windows, order requests, answers and campaigns that input can be wrong in (`invalid_<field>`).
package enum OrdersField: String, InputField, CaseIterable {
    case start, end, capacity, lines, email, name, note, reason, title, description, closesAt, token
    case lineProduct = "line_product"
    case lineQuantity = "line_quantity"
    case acceptedQuantity = "accepted_quantity"
    case collectFrom = "collect_from"
    case collectUntil = "collect_until"
    case campaignProducts = "campaign_products"

    package var french: String {
        switch self {
        case .start: "Le début du créneau doit être à venir (un an au plus tard)."
        case .end: "La fin du créneau vient après son début, 12 heures plus tard au plus."
        case .capacity: "Un créneau accueille de 1 à 500 commandes."
        case .lines: "Une commande compte de 1 à 20 produits, chacun une seule fois."
        case .email: "Donnez une adresse e-mail valide, comme nom@exemple.fr."
        case .name: "Donnez votre nom (80 caractères au plus)."
        case .note: "Le message au commerçant fait 500 caractères au plus."
        case .reason: "Donnez le motif du refus (500 caractères au plus)."
        case .title: "Le titre est obligatoire (120 caractères au plus)."
        case .description: "La présentation fait 2 000 caractères au plus."
        case .closesAt: "La clôture des commandes doit être à venir et précéder le retrait."
        case .token: "Ce lien n'est pas valable ; utilisez celui de l'e-mail reçu."
        case .lineProduct: "Un produit de la commande n'est pas proposé par ce commerce."
        case .lineQuantity: "Chaque quantité va de 1 à 99."
        case .acceptedQuantity:
            "Chaque quantité acceptée va de 0 à la quantité demandée, et au moins une n'est pas nulle."
        case .collectFrom: "Le retrait commence après la clôture des commandes."
        case .collectUntil: "La fin du retrait vient après son début, 14 jours plus tard au plus."
        case .campaignProducts:
            "Une campagne propose de 1 à 50 produits de votre catalogue, chacun de 1 à 10 000 unités."
        }
    }

    /// The error for line `index` (from 0) of a request, naming it (from 1) in both languages.
    package func line(_ index: Int, _ english: String, french: String) -> CommunityError {
        CommunityError(self, "lines[\(index)]: \(english)", french: "Ligne \(index + 1) : \(french)")
    }
}

/// What orders can be asked for and not find (`<thing>_not_found`).
package enum OrdersNotFound: String, MissingThing, CaseIterable {
    case window, order, campaign

    package var french: String {
        switch self {
        case .window: "Ce créneau de retrait n'existe pas."
        case .order: "Cette commande n'existe pas."
        case .campaign: "Cette campagne de précommande n'existe pas."
        }
    }
}

/// Orders' refusals; `windowFull` and `soldOut` are also raised by the database's guards.
package enum OrdersProblem: String, ProblemCode, CaseIterable {
    case windowFull = "window_full"
    case windowPast = "window_past"
    case windowRemoved = "window_removed"
    case tooManyWindows = "too_many_windows"
    case tooManyOpenWithMerchant = "too_many_open_with_merchant"
    case tooManyOpen = "too_many_open_orders"
    case campaignClosed = "campaign_closed"
    case soldOut = "sold_out"
    case tooManyCampaigns = "too_many_campaigns"
    case orderFinal = "order_final"
    /// The request is not in a status the action applies to (marking ready a refused request).
    case wrongStatus = "wrong_status"
    case confirmationExpired = "confirmation_expired"

    package var category: ErrorCategory {
        switch self {
        case .tooManyOpenWithMerchant, .tooManyOpen: .rateLimited
        default: .conflict
        }
    }

    package var french: String {
        switch self {
        case .windowFull: "Ce créneau de retrait est complet ; choisissez-en un autre."
        case .windowPast: "Ce créneau de retrait est passé ou commence dans moins de 3 heures."
        case .windowRemoved: "Ce créneau de retrait n'est plus proposé."
        case .tooManyWindows: "Un commerce propose 200 créneaux à venir au plus."
        case .tooManyOpenWithMerchant: "Vous avez déjà 3 commandes en cours chez ce commerce."
        case .tooManyOpen: "Vous avez déjà 10 commandes en cours ; attendez qu'elles soient retirées."
        case .campaignClosed: "Les commandes de cette campagne sont closes."
        case .soldOut: "Il ne reste plus assez d'unités de ce produit."
        case .tooManyCampaigns: "Un commerce a 10 campagnes ouvertes au plus."
        case .orderFinal: "Cette commande est terminée ; elle ne change plus."
        case .wrongStatus: "Cette commande n'en est pas à cette étape ; rechargez la page."
        case .confirmationExpired: "Le délai pour confirmer cette commande est passé ; faites une nouvelle demande."
        }
    }
}

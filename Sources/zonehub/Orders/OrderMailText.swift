import Community
import Foundation
import Orders

/// The order mails' subjects and texts: French first, then the same in English.
enum OrderMailText {
    /// Where and when a request is collected.
    enum Place {
        case window(CollectionWindow)
        case campaign(PreOrderCampaign)
        case unknown

        func text(_ t: Language) -> String {
            switch self {
            case .window(let window): OrderWording.window(window, t)
            case .campaign(let campaign): OrderWording.span(campaign.collectFrom, campaign.collectUntil, t)
            case .unknown: "?"
            }
        }
    }

    /// To the resident: the request is received (and, for a guest, the link to confirm it).
    static func received(
        _ request: OrderRequest, merchant: Merchant, place: Place, confirmLink: String?, ordersLink: String
    ) -> (subject: String, text: String) {
        let body = both { t in
            var text: String
            if let confirmLink {
                text =
                    t(
                        "Vous avez demandé à \(merchant.name) les produits ci-dessous. Confirmez votre adresse en suivant "
                            + "ce lien, sans quoi la demande n'est pas transmise :",
                        "You asked \(merchant.name) for the products below. Confirm your address by following this link, "
                            + "or the request is not passed on:") + "\n\(confirmLink)\n"
                if let by = request.confirmBy {
                    text += t("(avant le \(Formats.dateTime(by, t)))", "(before \(Formats.dateTime(by, t)))") + "\n"
                }
            } else if request.status == .accepted {
                text =
                    t(
                        "Votre précommande chez \(merchant.name) est enregistrée : les produits vous sont réservés.",
                        "Your pre-order with \(merchant.name) is recorded: the products are kept for you.") + "\n"
            } else {
                text =
                    t(
                        "Votre demande est transmise à \(merchant.name), qui va y répondre.",
                        "Your request is passed on to \(merchant.name), who will answer it.") + "\n"
            }
            return text + summary(request, place: place, t)
                + (confirmLink == nil ? "\n" + t("Vos commandes : ", "Your orders: ") + ordersLink + "\n" : "")
        }
        return ("\(OrderWording.number(request, .fr)) reçue : \(merchant.name)", body)
    }

    /// To the resident: the merchant accepted, refused or readied the request, or it expired.
    static func changed(_ request: OrderRequest, merchant: Merchant, place: Place, link: String)
        -> (subject: String, text: String)
    {
        let body = both { t in
            let what: String =
                switch request.status {
                case .accepted:
                    t(
                        "\(merchant.name) a accepté votre commande. Voici ce qui vous attend :",
                        "\(merchant.name) accepted your order. Here is what awaits you:")
                case .refused:
                    t(
                        "\(merchant.name) ne peut pas donner suite à votre commande.",
                        "\(merchant.name) cannot take your order.")
                case .ready:
                    t(
                        "Votre commande est prête : vous pouvez la retirer chez \(merchant.name).",
                        "Your order is ready: you can collect it at \(merchant.name).")
                default:
                    t("Votre commande chez \(merchant.name) a expiré.", "Your order with \(merchant.name) expired.")
                }
            var text = what + "\n"
            if let reason = OrderWording.reason(request, t) { text += t("Motif : ", "Reason: ") + reason + "\n" }
            if request.status == .accepted || request.status == .ready {
                text += summary(request, place: place, t)
                if !merchant.profile.address.isEmpty {
                    text +=
                        t("Adresse : ", "Address: ")
                        + "\(merchant.profile.address), \(merchant.profile.postcode) \(merchant.profile.commune)\n"
                }
                text += t("Paiement au retrait.", "You pay when you collect.") + "\n"
            }
            return text + "\n" + t("Vos commandes : ", "Your orders: ") + link + "\n"
        }
        let subject =
            switch request.status {
            case .accepted: "Commande acceptée"
            case .refused: "Commande refusée"
            case .ready: "Commande prête à retirer"
            default: "Commande expirée"
            }
        return ("\(subject) : \(merchant.name)", body)
    }

    /// To the merchant: a request waits for an answer (or a pre-order was made).
    static func arrived(_ request: OrderRequest, merchant: Merchant, place: Place, link: String)
        -> (subject: String, text: String)
    {
        let body = both { t in
            var text =
                (request.status == .accepted
                    ? t(
                        "\(request.residentName) a passé une précommande.",
                        "\(request.residentName) made a pre-order.")
                    : t(
                        "\(request.residentName) vous demande une commande ; répondez-y avant le "
                            + "\(request.answerBy.map { Formats.dateTime($0, t) } ?? "?").",
                        "\(request.residentName) asks you for an order; answer it before "
                            + "\(request.answerBy.map { Formats.dateTime($0, t) } ?? "?").")) + "\n"
            text += summary(request, place: place, t)
            if !request.note.isEmpty { text += t("Message : ", "Message: ") + request.note + "\n" }
            return text + "\n" + t("Répondre : ", "Answer: ") + link + "\n"
        }
        return ("Nouvelle commande : \(OrderWording.number(request, .fr)) de \(request.residentName)", body)
    }

    /// The lines, the total and the collection time.
    static func summary(_ request: OrderRequest, place: Place, _ t: Language) -> String {
        var text = "\n" + OrderWording.number(request, t) + "\n"
        for line in request.lines { text += "- " + OrderWording.line(line, t) + "\n" }
        text += OrderWording.total(request, t) + "\n"
        text += t("Retrait : ", "Collection: ") + place.text(t) + "\n"
        return text
    }

    /// The French text, then the English one.
    static func both(_ text: (Language) -> String) -> String {
        "Bonjour,\n\n" + text(.fr) + "\n-- English --\n\nHello,\n\n" + text(.en)
    }
}

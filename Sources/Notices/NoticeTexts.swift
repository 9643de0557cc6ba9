import Community
import Feeds
import Foundation
import PopUps

/// The notices' subjects, texts and daily-summary lines, in French (the mail's footer adds the English word).
enum NoticeTexts {
    static func held(_ item: HeldItem, zone: Zone, waitingHours: Int, queue: String) -> (String, String, String) {
        let line = "« \(item.title) » (\(item.merchantName), zone \(zone.name)) attend depuis \(hours(waitingHours))"
        if item.byReports {
            return (
                "Annonce masquée après signalements : \(item.title)",
                "L'annonce « \(item.title) » de \(item.merchantName) a été signalée par plusieurs personnes et est "
                    + "masquée en attendant votre décision dans la zone \(zone.name).\n\n"
                    + "La file de modération : \(queue)\n",
                line
            )
        }
        return (
            "Annonce à modérer : \(item.title)",
            "L'annonce « \(item.title) » de \(item.merchantName) attend votre décision dans la zone "
                + "\(zone.name).\n\n"
                + "La file de modération : \(queue)\n",
            line
        )
    }

    static func reminder(
        _ item: HeldItem, zone: Zone, waitingHours: Int, limit: Int, queue: String
    ) -> (String, String) {
        (
            "Rappel : une annonce attend depuis \(hours(waitingHours)) (\(zone.name))",
            "L'annonce « \(item.title) » de \(item.merchantName) attend une décision depuis \(hours(waitingHours)), "
                + "plus que les \(hours(limit)) que la zone \(zone.name) s'est fixées.\n\nLa file de modération : "
                + "\(queue)\n"
        )
    }

    static func escalation(
        _ item: HeldItem, zone: Zone, waitingHours: Int, limit: Int, queue: String, admins: Int
    ) -> (String, String) {
        (
            "Escalade : une annonce attend depuis \(hours(waitingHours)) dans la zone \(zone.name)",
            "L'annonce « \(item.title) » de \(item.merchantName) attend une décision depuis \(hours(waitingHours)) "
                + "dans la zone \(zone.name), au-delà de la limite d'escalade (\(hours(limit))). La zone a "
                + "\(admins) administrateur\(admins > 1 ? "s" : "") : décidez à leur place ou contactez-les.\n\n"
                + "La file de modération : \(queue)\n"
        )
    }

    static func signUp(_ signUp: WaitingSignUp, zone: Zone, baseURL: String) -> (String, String, String) {
        (
            "Inscription à valider : \(signUp.shopName)",
            "« \(signUp.shopName) » s'est inscrit dans la zone \(zone.name) et a confirmé son adresse. "
                + "L'inscription attend votre décision :\n\n\(baseURL)/zones/\(zone.slug)/moderation/sign-ups\n",
            "Inscription de « \(signUp.shopName) » à valider (zone \(zone.name))"
        )
    }

    static func booking(_ event: BookingEvent, baseURL: String) -> (NoticeKind, String, String, String)? {
        let timeZone = TimeZone(identifier: event.timeZone) ?? .gmt
        let when = FrenchDates.dayTime(event.startsAt, timeZone)
        let place = "la boutique éphémère \(event.venueName)"
        let link = "\n\nLe créneau : \(baseURL)/pop-up-slots/\(event.slot)\n"
        switch event.status {
        case "requested":
            return (
                .bookingRequest, "Demande de réservation : \(event.merchantName) à \(event.venueName)",
                "\(event.merchantName) demande une place à \(place) le \(when). La demande attend votre réponse."
                    + "\n\nLes demandes en attente : \(baseURL)/pop-ups/requests" + link,
                "Demande de \(event.merchantName) à \(event.venueName), le \(when)"
            )
        case "cancelled":
            return (
                .bookingCancelled, "Réservation annulée : \(event.merchantName) à \(event.venueName)",
                "La réservation de \(event.merchantName) à \(place) le \(when) est annulée." + link,
                "Réservation de \(event.merchantName) annulée à \(event.venueName), le \(when)"
            )
        case "lapsed":
            return (
                .offerLapsed, "Place non prise : \(event.venueName)",
                "La place offerte à \(event.merchantName) à \(place) le \(when) n'a pas été prise à temps ; elle "
                    + "passe au suivant de la liste d'attente, ou reste libre." + link,
                "Place non prise par \(event.merchantName) à \(event.venueName), le \(when)"
            )
        default: return nil
        }
    }

    static func marketDecision(_ decision: MarketDecisionEvent, baseURL: String) -> (String, String, String) {
        let link = "\n\nLe marché : \(baseURL)/markets/\(decision.marketSlug)\n"
        if decision.approved {
            return (
                "Candidature acceptée : \(decision.marketTitle)",
                "Votre candidature au marché « \(decision.marketTitle) » est acceptée." + link,
                "Candidature acceptée au marché « \(decision.marketTitle) »"
            )
        }
        return (
            "Candidature refusée : \(decision.marketTitle)",
            "Votre candidature au marché « \(decision.marketTitle) » n'a pas été retenue."
                + (decision.reason.map { "\n\nLa raison donnée par les administrateurs de la zone :\n\($0)" }
                    ?? " Pour en connaître la raison, répondez aux administrateurs de la zone.") + link,
            "Candidature refusée au marché « \(decision.marketTitle) »"
        )
    }

    static func marketOpening(_ opening: MarketOpeningEvent, zone: Zone, baseURL: String) -> (String, String, String) {
        let closes = FrenchDates.dayTime(opening.closesAt, TimeZone(identifier: zone.definition.timeZone) ?? .gmt)
        return (
            "Candidatures ouvertes : \(opening.title)",
            "Le marché « \(opening.title) » de la zone \(zone.name) reçoit les candidatures jusqu'au \(closes).\n\n"
                + "Le marché : \(baseURL)/markets/\(opening.slug)\n",
            "Marché « \(opening.title) » ouvert aux candidatures jusqu'au \(closes)"
        )
    }

    static func daily(_ items: [NoticeCandidate]) -> (String, String) {
        let count = items.count
        var text = "Bonjour,\n\nVoici ce qui attend votre attention aujourd'hui "
        text += "(\(count) élément\(count > 1 ? "s" : ""), le plus ancien en premier) :\n\n"
        text += items.map { "- \($0.line)" }.joined(separator: "\n") + "\n"
        return ("Votre résumé du jour : \(count) élément\(count > 1 ? "s" : "") en attente", text)
    }

    static func hours(_ count: Int) -> String { count == 1 ? "1 heure" : "\(count) heures" }
}

extension NoticeService {
    static func dailyText(_ items: [NoticeCandidate], now: Date) -> (String, String) {
        // One line per item: a held post and its reminder are one item in a summary.
        var seen: Set<String> = []
        let unique = items.filter { seen.insert($0.line).inserted }
        return NoticeTexts.daily(unique)
    }
}

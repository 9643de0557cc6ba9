import Community
import Foundation
import Logging
import PopUps

/// Tells merchants of what happened to their bookings by mail, through the durable outbox (one mail per change).
package struct OutboxPopUpNotifier: PopUpNotifier {
    let outbox: any OutboxStore
    let merchants: any MerchantStore
    let accounts: any AccountStore
    /// The hub's public address, for the link in each notice.
    let baseURL: String
    let clock: any HubClock
    let logger = Logger(label: "zonehub.pop-ups")

    package init(
        outbox: any OutboxStore, merchants: any MerchantStore, accounts: any AccountStore, baseURL: String,
        clock: any HubClock
    ) {
        self.outbox = outbox
        self.merchants = merchants
        self.accounts = accounts
        self.baseURL = baseURL
        self.clock = clock
    }

    package func notify(_ notices: [PopUpNotice]) async {
        for notice in notices {
            do {
                guard let merchant = try await merchants.merchant(id: notice.booking.merchantID),
                    let owner = try await accounts.user(id: merchant.ownerID)
                else { continue }
                let (subject, text) = Self.text(notice, link: "\(baseURL)/pop-up-slots/\(notice.slot.id)")
                try await outbox.enqueue(
                    recipient: owner.email, payload: .notice(subject: subject, text: text),
                    dedupeKey: "pop-up:\(notice.booking.id):\(notice.kind.rawValue):\(notice.booking.sequence)",
                    at: clock.now())
            } catch {
                // The change stands and shows on the pages; only the mail is missing.
                logger.error(
                    "cannot queue a pop-up notice", metadata: ["booking": "\(notice.booking.id)", "error": "\(error)"])
            }
        }
    }

    /// The notice's subject and text, in French.
    package static func text(_ notice: PopUpNotice, link: String) -> (String, String) {
        let timeZone = TimeZone(identifier: notice.slot.timeZone) ?? .gmt
        let when =
            "\(FrenchDates.day(notice.slot.startsAt, timeZone)), de \(FrenchDates.time(notice.slot.start)) à "
            + FrenchDates.time(notice.slot.end)
        let place = "la boutique éphémère \(notice.venueName)"
        let (subject, what): (String, String) =
            switch notice.kind {
            case .confirmed: ("Réservation confirmée", "Votre réservation à \(place) est confirmée : \(when).")
            case .refused: ("Réservation refusée", "Votre demande pour \(place) (\(when)) n'a pas été acceptée.")
            case .offered:
                (
                    "Une place se libère",
                    "Une place s'est libérée à \(place) (\(when)). Elle vous est réservée jusqu'au "
                        + "\(notice.booking.offerExpiresAt.map { FrenchDates.dayTime($0, timeZone) } ?? "?") : "
                        + "acceptez-la avant, sinon elle passera au suivant sur la liste d'attente."
                )
            case .slotChanged:
                (
                    "Créneau modifié",
                    "Le créneau que vous avez réservé à \(place) a changé. Nouvel horaire : \(when)."
                )
            case .slotCancelled:
                ("Créneau annulé", "Le créneau du \(when) à \(place) est annulé, et votre réservation avec lui.")
            case .cancelledByOrganiser:
                ("Réservation annulée", "Les organisateurs ont annulé votre réservation à \(place) (\(when)).")
            }
        var text = "Bonjour,\n\n\(what)\n"
        if let reason = notice.booking.reason, notice.kind != .offered, notice.kind != .slotChanged {
            text += "\nMotif : \(reason)\n"
        }
        text += "\nLe créneau : \(link)\n"
        return ("\(subject) : \(notice.venueName)", text)
    }
}

extension FrenchDates {
    /// "samedi 14 mars à 9 h 30".
    package static func dayTime(_ date: Date, _ timeZone: TimeZone) -> String {
        "\(day(date, timeZone)) à \(time(LocalDateTime(date, in: timeZone)))"
    }
}

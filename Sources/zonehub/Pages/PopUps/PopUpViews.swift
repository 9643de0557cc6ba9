import Community
import Foundation
import PopUps

/// Pieces of the pop-up shop pages: slot rows, statuses, and the French wording of their errors.
enum PopUpViews {
    static func when(_ slot: PopUpSlot, _ t: Language) -> String {
        let zone = TimeZone(identifier: slot.timeZone) ?? Formats.paris
        let day = Formats.date(slot.startsAt, t, timeZone: zone)
        let weekday = DateFormatter.weekday(slot.startsAt, t, zone)
        return "\(weekday) \(day), \(slot.start.timeText) – \(slot.end.timeText)"
    }

    static func places(_ slot: PopUpSlot, _ t: Language) -> HTML {
        if slot.status == .cancelled { return "<span class=\"badge\">\(t("Annulé", "Cancelled"))</span>" }
        if slot.free == 0 {
            return
                "<span class=\"status\">\(t("Complet", "Full"))</span> · \(Wording.count(slot.waiting, t, fr: ("commerce en liste d'attente", "commerces en liste d'attente"), en: ("merchant waiting", "merchants waiting"), none: ("personne en liste d'attente", "nobody waiting")))"
        }
        return
            """
            <span class="status">\(Wording.count(slot.free, t, fr: ("place libre", "places libres"), en: ("free place", "free places")))</span> \
            \(t("sur", "of")) \(slot.capacity)
            """
    }

    static func slotRow(_ slot: PopUpSlot, venue: PopUpVenue?, _ t: Language) -> HTML {
        var venueCell: HTML = ""
        if let venue { venueCell = "<td><a href=\"/pop-up-venues/\(venue.id)\">\(venue.name)</a></td>" }
        return """
            <tr><td><a href="/pop-up-slots/\(slot.id)">\(when(slot, t))</a></td>\(venueCell)<td>\(places(slot, t))</td>\
            <td>\(slot.priceCents.map { Formats.price(cents: $0, t) } ?? t("Gratuit", "Free"))</td></tr>
            """
    }

    /// Slots as a table; with `venues`, a column names each slot's venue.
    static func table(_ slots: [PopUpSlot], venues: [PopUpVenue.ID: PopUpVenue]?, _ t: Language) -> HTML {
        guard !slots.isEmpty else {
            return "<p class=\"empty\">\(t("Aucun créneau à venir.", "No coming slot."))</p>"
        }
        let venueHead: HTML = venues == nil ? "" : "<th>\(t("Lieu", "Venue"))</th>"
        return """
            <table class="pop-up-slots"><thead><tr><th>\(t("Quand", "When"))</th>\(venueHead)\
            <th>\(t("Places", "Places"))</th><th>\(t("Prix", "Price"))</th></tr></thead>
            <tbody>\(slots.map { PopUpViews.slotRow($0, venue: venues?[$0.venueID], t) })</tbody></table>
            """
    }

    /// `full` when there are `items`, else the `empty` sentence.
    static func either(_ items: [HTML], _ full: HTML, empty: String) -> HTML {
        items.isEmpty ? "<p class=\"empty\">\(empty)</p>" : full
    }

    /// What a merchant should know about a venue before booking.
    static func facts(_ details: PopUpVenueDetails, _ t: Language) -> HTML {
        let approval =
            details.needsApproval
            ? t("Réservations soumises à l'accord des organisateurs", "Bookings need the organisers' approval")
            : t("Réservations confirmées aussitôt", "Bookings confirm at once")
        let period = details.quotaPeriod == .week ? t("semaine", "week") : t("mois", "month")
        let quota: HTML =
            details.quota.map {
                "<li>\(t("Au plus", "At most")) \(Wording.count($0, t, fr: ("réservation", "réservations"), en: ("booking", "bookings"))) \(t("par commerce et par", "per merchant per")) \(period)</li>"
            } ?? ""
        var sections: HTML = """
            <ul class="facts"><li>\(details.address), \(details.commune)</li>\
            <li>\(Wording.count(details.capacity, t, fr: ("emplacement", "emplacements"), en: ("stall", "stalls")))</li><li>\(approval)</li>\
            <li>\(t("Annulation possible jusqu'à", "Cancellation up to")) \(details.cancellationHours) \
            \(t("h avant le début", "h before the start"))</li>\(quota)</ul>
            """
        if !details.accessibility.isEmpty {
            sections = "\(sections)\n<h2>\(t("Accessibilité", "Accessibility"))</h2>\(HTML.text(details.accessibility))"
        }
        if !details.houseRules.isEmpty {
            sections = "\(sections)\n<h2>\(t("Règlement", "House rules"))</h2>\(HTML.text(details.houseRules))"
        }
        return sections
    }

    static func status(_ status: PopUpBookingStatus, _ t: Language) -> String {
        switch status {
        case .requested: t("En attente d'accord", "Awaiting approval")
        case .confirmed: t("Confirmée", "Confirmed")
        case .cancelled: t("Annulée", "Cancelled")
        case .refused: t("Refusée", "Refused")
        case .waiting: t("Liste d'attente", "On the waitlist")
        case .offered: t("Place proposée", "Place offered")
        case .lapsed: t("Expirée", "Lapsed")
        }
    }
}

extension DateFormatter {
    /// "samedi" / "Saturday".
    static func weekday(_ date: Date, _ t: Language, _ zone: TimeZone) -> String {
        DateText.format(date, locale: t == .fr ? "fr_FR" : "en_GB", timeZone: zone, pattern: "EEEE")
    }
}

extension HTML.Interpolation {
    /// Typed ids go into markup as their number.
    mutating func appendInterpolation<Owner>(_ id: Identifier<Owner>) { output += String(id.rawValue) }
}

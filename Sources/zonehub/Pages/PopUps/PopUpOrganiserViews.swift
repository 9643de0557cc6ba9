import Community
import Foundation
import PopUps

/// The forms and tables of the pop-up pages: organisers' creation forms and booking tables, merchants' buttons.
enum PopUpOrganiserViews {
    static func venueForm(zone: Zone, form: FormBody?, error: CommunityError?, _ t: Language) -> HTML {
        let value = { (key: String) in form?[key] ?? "" }
        let text = { (key: String) in form?.text(key) ?? "" }
        return """
            <h2>\(t("Nouveau lieu", "New venue"))</h2>
            \(UserMessages.alert(error, t))
            <form method="post" action="/zones/\(zone.slug)/pop-ups" class="stacked">
            \(input("name", t("Nom", "Name"), value: value("name"), required: true))
            \(input("address", t("Adresse", "Address"), value: value("address"), required: true))
            \(input("commune", t("Commune", "Commune"), value: value("commune"), required: true))
            \(input("capacity", t("Nombre d'emplacements", "Number of stalls"), value: value("capacity"),
                type: "number", required: true))
            \(textArea("description", t("Description", "Description"), text("description")))
            \(input("photoURL", t("Photo (adresse web)", "Photo (web address)"), value: value("photoURL")))
            \(textArea("accessibility", t("Accessibilité", "Accessibility"), text("accessibility")))
            \(textArea("houseRules", t("Règlement", "House rules"), text("houseRules")))
            \(input("cancellationHours", t("Délai d'annulation (heures)", "Cancellation deadline (hours)"),
                value: form?["cancellationHours"] ?? "48", type: "number"))
            \(input("quota", t("Quota par commerce (vide : aucun)", "Quota per merchant (empty: none)"),
                value: value("quota"), type: "number"))
            <select name="quotaPeriod" aria-label="\(t("Période du quota", "Quota period"))">\
            <option value="month">\(t("par mois", "per month"))</option>\
            <option value="week">\(t("par semaine", "per week"))</option></select>
            <label class="check"><input type="checkbox" name="needsApproval" value="1"> \
            \(t("Les réservations demandent notre accord", "Bookings need our approval"))</label>
            <div class="actions"><button type="submit">\(t("Créer le lieu", "Create the venue"))</button></div>
            </form>
            """
    }

    static func slotForms(_ venue: PopUpVenue, _ t: Language) -> HTML {
        let days = [
            t("lun.", "Mon"), t("mar.", "Tue"), t("mer.", "Wed"), t("jeu.", "Thu"), t("ven.", "Fri"), t("sam.", "Sat"),
            t("dim.", "Sun"),
        ]
        let boxes: [HTML] = days.enumerated().map {
            """
            <label class="check"><input type="checkbox" name="weekday" value="\($0.offset + 1)"> \($0.element)</label>
            """
        }
        let places = t("Places (vide : celles du lieu)", "Places (empty: the venue's)")
        return """
            <h2>\(t("Nouveau créneau", "New slot"))</h2>
            <form method="post" action="/pop-up-venues/\(venue.id)/slots" class="stacked">
            \(input("start", t("Début", "Start"), type: "datetime-local", required: true))
            \(input("end", t("Fin", "End"), type: "datetime-local", required: true))
            \(input("capacity", places, id: "slot-capacity", type: "number"))
            \(input("price", t("Prix en euros (vide : gratuit)", "Price in euros (empty: free)"), id: "slot-price"))
            <div class="actions"><button type="submit">\(t("Ajouter le créneau", "Add the slot"))</button></div>
            </form>
            <h2>\(t("Nouvelle série", "New series"))</h2>
            <form method="post" action="/pop-up-venues/\(venue.id)/series" class="stacked">
            <fieldset><legend>\(t("Chaque semaine le", "Every week on"))</legend>\(boxes)</fieldset>
            \(input("startTime", t("De", "From"), value: "09:00", type: "time", required: true))
            \(input("endTime", t("À", "To"), value: "18:00", type: "time", required: true))
            \(input("firstDay", t("Du", "From day"), type: "date", required: true))
            \(input("lastDay", t("Au", "To day"), type: "date", required: true))
            \(input("blackouts", t("Sauf les (2026-05-01, 2026-05-08…)", "Except on (2026-05-01, 2026-05-08…)")))
            \(input("capacity", places, id: "series-capacity", type: "number"))
            <div class="actions"><button type="submit">\(t("Créer la série", "Create the series"))</button></div>
            </form>
            """
    }

    /// A labelled input; its id is its name unless two forms of the page share the name.
    static func input(
        _ name: String, _ label: String, value: String = "", id: String? = nil, type: String = "text",
        required: Bool = false
    ) -> HTML {
        let id = id ?? name
        return """
            <label for="\(id)">\(label)</label><input id="\(id)" name="\(name)" type="\(type)" value="\(value)"\
            \(required ? " required" : "")>
            """
    }

    static func textArea(_ name: String, _ label: String, _ value: String) -> HTML {
        "<label for=\"\(name)\">\(label)</label><textarea id=\"\(name)\" name=\"\(name)\">\(value)</textarea>"
    }

    static func merchantBox(_ slot: PopUpSlot, merchants: [Merchant], bookings: [PopUpBooking], _ t: Language) -> HTML {
        let held: [HTML] = bookings.filter { !$0.status.isFinal }.map { booking in
            let accept: HTML =
                booking.status == .offered
                ? action(booking, slot, "accept", t("Accepter la place", "Accept the place"), t) : ""
            let until: HTML =
                booking.offerExpiresAt.map {
                    " (\(t("jusqu'au", "until")) \(Formats.dateTime($0, t)))"
                } ?? ""
            let leave =
                booking.status == .waiting ? t("Quitter la liste", "Leave the list") : t("Annuler", "Cancel")
            return """
                <li>\(booking.merchantName) : <span class="status">\(PopUpViews.status(booking.status, t))</span>\
                \(until) \(accept) \(action(booking, slot, "cancel", leave, t))</li>
                """
        }
        let free = merchants.filter { merchant in
            !bookings.contains { $0.merchantID == merchant.id && !$0.status.isFinal }
        }
        guard slot.status == .open else { return held.isEmpty ? "" : "<ul>\(held)</ul>" }
        let waitlist =
            slot.free > 0
            ? t("Réserver, ou la liste d'attente si complet", "Book, or the waitlist if full")
            : t("Rejoindre la liste d'attente", "Join the waitlist")
        let options: [HTML] = free.map { "<option value=\"\($0.slug)\">\($0.name)</option>" }
        let form: HTML =
            free.isEmpty
            ? ""
            : """
            <form method="post" action="/pop-up-slots/\(slot.id)/book" class="search">
            <select name="merchant" aria-label="\(t("Commerce", "Merchant"))">\(options)</select>
            \(slot.free > 0 ? "<button type=\"submit\">\(t("Réserver", "Book"))</button>" as HTML : "")
            <button type="submit" name="waitlist" value="1" class="secondary">\(waitlist)</button>
            </form>
            """
        return "<h2>\(t("Réserver", "Book"))</h2><ul>\(held)</ul>\(form)"
    }

    static func bookingsTable(_ bookings: [PopUpBooking], slot: PopUpSlot, _ t: Language) -> HTML {
        let rows: [HTML] = bookings.map { booking in
            var actions: [HTML] = []
            if booking.status == .requested {
                actions.append(action(booking, slot, "approve", t("Accepter", "Approve"), t))
            }
            if [.requested, .waiting, .offered].contains(booking.status) {
                actions.append(
                    """
                    <form method="post" action="/pop-up-bookings/\(booking.id)/refuse" class="inline">\
                    <input type="hidden" name="slot" value="\(slot.id)">\
                    <input name="reason" required aria-label="\(t("Motif", "Reason"))" \
                    placeholder="\(t("Motif", "Reason"))">\
                    <button type="submit" class="secondary">\(t("Refuser", "Refuse"))</button></form>
                    """)
            }
            if booking.status == .confirmed {
                actions.append(action(booking, slot, "cancel", t("Annuler", "Cancel"), t))
            }
            return """
                <tr><td>\(booking.merchantName)</td><td>\(PopUpViews.status(booking.status, t))</td>\
                <td>\(booking.reason ?? "")</td><td class="actions">\(actions)</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">\(t("Aucune réservation.", "No booking."))</p>"
            : "<table class=\"bookings\"><tbody>\(rows)</tbody></table>"
        return """
            <h2>\(t("Réservations", "Bookings"))</h2>
            \(table)
            """
    }

    static func action(_ booking: PopUpBooking, _ slot: PopUpSlot, _ name: String, _ label: String, _ t: Language)
        -> HTML
    {
        """
        <form method="post" action="/pop-up-bookings/\(booking.id)/\(name)" class="inline">\
        <input type="hidden" name="slot" value="\(slot.id)"><button type="submit">\(label)</button></form>
        """
    }
}

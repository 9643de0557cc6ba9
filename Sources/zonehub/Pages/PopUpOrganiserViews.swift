import Community
import Foundation

/// The forms and tables of the pop-up pages: organisers' creation forms and booking tables, merchants' buttons.
enum PopUpOrganiserViews {
    static func venueForm(zone: Zone, form: FormBody?, error: CommunityError?, _ t: Language) -> HTML {
        let value = { (key: String) in form?[key] ?? "" }
        return """
            <h2>\(t("Nouveau lieu", "New venue"))</h2>
            \(error.map { PopUpViews.error($0, t) } ?? "")
            <form method="post" action="/zones/\(zone.slug)/pop-ups" class="stacked">
            <label for="name">\(t("Nom", "Name"))</label><input id="name" name="name" required value="\(value("name"))">
            <label for="address">\(t("Adresse", "Address"))</label><input id="address" name="address" required value="\(value("address"))">
            <label for="commune">\(t("Commune", "Commune"))</label><input id="commune" name="commune" required value="\(value("commune"))">
            <label for="capacity">\(t("Nombre d'emplacements", "Number of stalls"))</label>\
            <input id="capacity" name="capacity" type="number" min="1" max="500" required value="\(value("capacity"))">
            <label for="description">\(t("Description", "Description"))</label><textarea id="description" name="description">\(value("description"))</textarea>
            <label for="photoURL">\(t("Photo (adresse web)", "Photo (web address)"))</label><input id="photoURL" name="photoURL" value="\(value("photoURL"))">
            <label for="accessibility">\(t("Accessibilité", "Accessibility"))</label><textarea id="accessibility" name="accessibility">\(value("accessibility"))</textarea>
            <label for="houseRules">\(t("Règlement", "House rules"))</label><textarea id="houseRules" name="houseRules">\(value("houseRules"))</textarea>
            <label for="cancellationHours">\(t("Délai d'annulation (heures)", "Cancellation deadline (hours)"))</label>\
            <input id="cancellationHours" name="cancellationHours" type="number" min="0" value="\(form?["cancellationHours"] ?? "48")">
            <label for="quota">\(t("Quota par commerce (vide : aucun)", "Quota per merchant (empty: none)"))</label>\
            <input id="quota" name="quota" type="number" min="1" value="\(value("quota"))">
            <select name="quotaPeriod" aria-label="\(t("Période du quota", "Quota period"))"><option value="month">\(t("par mois", "per month"))</option>\
            <option value="week">\(t("par semaine", "per week"))</option></select>
            <label class="check"><input type="checkbox" name="needsApproval" value="1"> \(t("Les réservations demandent notre accord", "Bookings need our approval"))</label>
            <div class="actions"><button type="submit">\(t("Créer le lieu", "Create the venue"))</button></div>
            </form>
            """
    }

    static func slotForms(_ venue: PopUpVenue, _ t: Language) -> HTML {
        let days = [t("lun.", "Mon"), t("mar.", "Tue"), t("mer.", "Wed"), t("jeu.", "Thu"), t("ven.", "Fri"), t("sam.", "Sat"), t("dim.", "Sun")]
        let boxes: [HTML] = days.enumerated().map {
            "<label class=\"check\"><input type=\"checkbox\" name=\"weekday\" value=\"\($0.offset + 1)\"> \($0.element)</label>"
        }
        return """
            <h2>\(t("Nouveau créneau", "New slot"))</h2>
            <form method="post" action="/pop-up-venues/\(venue.id)/slots" class="stacked">
            <label for="start">\(t("Début", "Start"))</label><input id="start" name="start" type="datetime-local" required>
            <label for="end">\(t("Fin", "End"))</label><input id="end" name="end" type="datetime-local" required>
            <label for="slot-capacity">\(t("Places (vide : celles du lieu)", "Places (empty: the venue's)"))</label>\
            <input id="slot-capacity" name="capacity" type="number" min="1">
            <label for="slot-price">\(t("Prix en euros (vide : gratuit)", "Price in euros (empty: free)"))</label><input id="slot-price" name="price">
            <div class="actions"><button type="submit">\(t("Ajouter le créneau", "Add the slot"))</button></div>
            </form>
            <h2>\(t("Nouvelle série", "New series"))</h2>
            <form method="post" action="/pop-up-venues/\(venue.id)/series" class="stacked">
            <fieldset><legend>\(t("Chaque semaine le", "Every week on"))</legend>\(boxes)</fieldset>
            <label for="startTime">\(t("De", "From"))</label><input id="startTime" name="startTime" type="time" value="09:00" required>
            <label for="endTime">\(t("À", "To"))</label><input id="endTime" name="endTime" type="time" value="18:00" required>
            <label for="firstDay">\(t("Du", "From day"))</label><input id="firstDay" name="firstDay" type="date" required>
            <label for="lastDay">\(t("Au", "To day"))</label><input id="lastDay" name="lastDay" type="date" required>
            <label for="blackouts">\(t("Sauf les (2026-05-01, 2026-05-08…)", "Except on (2026-05-01, 2026-05-08…)"))</label><input id="blackouts" name="blackouts">
            <label for="series-capacity">\(t("Places (vide : celles du lieu)", "Places (empty: the venue's)"))</label>\
            <input id="series-capacity" name="capacity" type="number" min="1">
            <div class="actions"><button type="submit">\(t("Créer la série", "Create the series"))</button></div>
            </form>
            """
    }

    static func merchantBox(_ slot: PopUpSlot, merchants: [Merchant], bookings: [PopUpBooking], _ t: Language) -> HTML {
        let held: [HTML] = bookings.filter { !$0.status.isFinal }.map { booking in
            let accept: HTML =
                booking.status == .offered
                ? action(booking, slot, "accept", t("Accepter la place", "Accept the place"), t) : ""
            let until: HTML = booking.offerExpiresAt.map {
                " (\(t("jusqu'au", "until")) \(Formats.dateTime($0, t)))"
            } ?? ""
            return """
                <li>\(booking.merchantName) : <span class="status">\(PopUpViews.status(booking.status, t))</span>\(until) \
                \(accept) \(action(booking, slot, "cancel", booking.status == .waiting ? t("Quitter la liste", "Leave the list") : t("Annuler", "Cancel"), t))</li>
                """
        }
        let free = merchants.filter { merchant in !bookings.contains { $0.merchantID == merchant.id && !$0.status.isFinal } }
        guard slot.status == .open else { return held.isEmpty ? "" : "<ul>\(held)</ul>" }
        let options: [HTML] = free.map { "<option value=\"\($0.slug)\">\($0.name)</option>" }
        let form: HTML =
            free.isEmpty
            ? ""
            : """
            <form method="post" action="/pop-up-slots/\(slot.id)/book" class="search">
            <select name="merchant" aria-label="\(t("Commerce", "Merchant"))">\(options)</select>
            \(slot.free > 0 ? "<button type=\"submit\">\(t("Réserver", "Book"))</button>" as HTML : "")
            <button type="submit" name="waitlist" value="1" class="secondary">\(slot.free > 0 ? t("Réserver, ou la liste d'attente si complet", "Book, or the waitlist if full") : t("Rejoindre la liste d'attente", "Join the waitlist"))</button>
            </form>
            """
        return "<h2>\(t("Réserver", "Book"))</h2><ul>\(held)</ul>\(form)"
    }

    static func bookingsTable(_ bookings: [PopUpBooking], slot: PopUpSlot, _ t: Language) -> HTML {
        let rows: [HTML] = bookings.map { booking in
            var actions: [HTML] = []
            if booking.status == .requested { actions.append(action(booking, slot, "approve", t("Accepter", "Approve"), t)) }
            if [.requested, .waiting, .offered].contains(booking.status) {
                actions.append(
                    """
                    <form method="post" action="/pop-up-bookings/\(booking.id)/refuse" class="inline">\
                    <input type="hidden" name="slot" value="\(slot.id)">\
                    <input name="reason" required aria-label="\(t("Motif", "Reason"))" placeholder="\(t("Motif", "Reason"))">\
                    <button type="submit" class="secondary">\(t("Refuser", "Refuse"))</button></form>
                    """)
            }
            if booking.status == .confirmed { actions.append(action(booking, slot, "cancel", t("Annuler", "Cancel"), t)) }
            return """
                <tr><td>\(booking.merchantName)</td><td>\(PopUpViews.status(booking.status, t))</td>\
                <td>\(booking.reason ?? "")</td><td class="actions">\(actions)</td></tr>
                """
        }
        let cancel: HTML =
            slot.status == .open
            ? """
            <form method="post" action="/pop-up-slots/\(slot.id)/cancel" class="search">
            <input name="reason" aria-label="\(t("Motif", "Reason"))" placeholder="\(t("Motif de l'annulation", "Reason for cancelling"))">
            <button type="submit" class="secondary">\(t("Annuler ce créneau", "Cancel this slot"))</button></form>
            """ : ""
        return """
            <h2>\(t("Réservations", "Bookings"))</h2>
            \(rows.isEmpty ? ("<p class=\"empty\">\(t("Aucune réservation.", "No booking."))</p>" as HTML) : ("<table class=\"bookings\"><tbody>\(rows)</tbody></table>" as HTML))
            \(cancel)
            """
    }

    static func action(_ booking: PopUpBooking, _ slot: PopUpSlot, _ name: String, _ label: String, _ t: Language) -> HTML {
        """
        <form method="post" action="/pop-up-bookings/\(booking.id)/\(name)" class="inline">\
        <input type="hidden" name="slot" value="\(slot.id)"><button type="submit">\(label)</button></form>
        """
    }
}

import Community
import PopUps

/// The form that changes a venue, pre-filled with what it says today (or with what was typed, on error).
struct PopUpVenueEditPage {
    let venue: PopUpVenue
    let zone: Zone
    /// What was typed, when the form comes back with errors.
    let form: FormBody?
    let errors: FormErrors

    func title(_ t: Language) -> String { t("Modifier le lieu", "Edit the venue") + " · " + venue.name }

    func body(_ t: Language) -> HTML {
        let details = venue.details
        let value = { (name: String, today: String) -> String in
            guard let form else { return today }
            return form.text(name)
        }
        let fields = FormFields(errors: errors, t: t)
        let approval = form.map { $0["needsApproval"] != nil } ?? details.needsApproval
        let period = form?["quotaPeriod"] ?? details.quotaPeriod.rawValue
        let periods: [HTML] = [("month", t("par mois", "per month")), ("week", t("par semaine", "per week"))].map {
            "<option value=\"\($0.0)\"\($0.0 == period ? " selected" : "")>\($0.1)</option>"
        }
        return """
            <h1>\(t("Modifier le lieu", "Edit the venue")) « \(venue.name) »</h1>
            \(errors.summary(t))
            <form method="post" action="\(PopUpEditPaths.venue(zone, venue.id))" class="stacked organiser-form field-form" novalidate>
            \(fields.input("name", t("Nom", "Name"), value: value("name", details.name), required: true))
            \(fields.input("address", t("Adresse", "Address"), value: value("address", details.address), required: true))
            \(fields.input("commune", t("Commune", "Commune"), value: value("commune", details.commune), required: true))
            \(fields.input("capacity", t("Nombre d'emplacements", "Number of stalls"),
                value: value("capacity", String(details.capacity)), type: "number", required: true,
                extra: " min=\"1\" max=\"500\" inputmode=\"numeric\""))
            \(fields.textArea("description", t("Présentation", "Description"),
                value: value("description", details.description)))
            \(fields.input("photoURL", t("Photo (adresse web)", "Photo (web address)"),
                value: value("photoURL", details.photoURL ?? ""), type: "url"))
            \(fields.textArea("accessibility", t("Accessibilité", "Accessibility"),
                value: value("accessibility", details.accessibility)))
            \(fields.textArea("houseRules", t("Règlement", "House rules"), value: value("houseRules", details.houseRules)))
            \(fields.check("needsApproval", t("Les réservations demandent notre accord", "Bookings need our approval"),
                checked: approval))
            \(fields.input("cancellationHours", t("Délai d'annulation (en heures avant le début)",
                "Cancellation deadline (hours before the start)"),
                value: value("cancellationHours", String(details.cancellationHours)), type: "number",
                extra: " min=\"0\" max=\"2160\" inputmode=\"numeric\""))
            \(fields.input("quota", t("Réservations permises par commerce (vide : sans limite)",
                "Bookings allowed per merchant (empty: no limit)"),
                value: value("quota", details.quota.map(String.init) ?? ""), type: "number",
                extra: " min=\"1\" max=\"1000\" inputmode=\"numeric\""))
            <div class="field"><label for="quotaPeriod">\(t("Période de cette limite", "Period of this limit"))</label>\
            <select id="quotaPeriod" name="quotaPeriod">\(periods)</select>\
            \(errors.message("quotaPeriod", id: "quotaPeriod", t))</div>
            <div class="actions"><button type="submit">\(t("Enregistrer le lieu", "Save the venue"))</button>\
            <a class="cancel-link" href="/pop-up-venues/\(venue.id)">\(t("Revenir au lieu", "Back to the venue"))</a></div>
            </form>
            """
    }
}

/// Where the organisers' edit forms live: under the zone, so a slot of another zone is not found there.
enum PopUpEditPaths {
    static func venue(_ zone: Zone, _ id: PopUpVenue.ID) -> String {
        "/zones/\(zone.slug)/pop-ups/venues/\(id.rawValue)/edit"
    }

    static func slot(_ zone: Zone, _ id: PopUpSlot.ID, _ action: String = "edit") -> String {
        "/zones/\(zone.slug)/pop-ups/slots/\(id.rawValue)/\(action)"
    }

    static func series(_ zone: Zone, _ id: PopUpSeries.ID, _ action: String = "edit") -> String {
        "/zones/\(zone.slug)/pop-ups/series/\(id.rawValue)/\(action)"
    }

    static let requests = "/pop-ups/requests"

    static func organisers(_ slug: String) -> String { "/zones/\(slug)/moderation/organisers" }
}

import Community
import Foundation
import PopUps

/// The form that moves a slot or changes its places, price and booking window, pre-filled with today's values.
struct PopUpSlotEditPage {
    let slot: PopUpSlot
    let venue: PopUpVenue
    let zone: Zone
    let form: FormBody?
    let errors: FormErrors

    func title(_ t: Language) -> String { t("Modifier le créneau", "Edit the slot") + " · " + venue.name }

    func body(_ t: Language) -> HTML {
        let zoneTime = TimeZone(identifier: slot.timeZone) ?? Formats.paris
        let local = { (date: Date?) in date.map { LocalDateTime($0, in: zoneTime).description } ?? "" }
        let value = { (name: String, today: String) -> String in form.map { $0.text(name) } ?? today }
        let fields = FormFields(errors: errors, t: t)
        let booked = slot.held > 0
        return """
            <h1>\(t("Modifier le créneau", "Edit the slot"))</h1>
            <p class="meta"><a href="/pop-up-venues/\(venue.id)">\(venue.name)</a> · \(PopUpViews.when(slot, t))</p>
            \(booked ? "<p class=\"hint\">\(t("Les commerçants qui ont réservé ce créneau seront prévenus du changement.", "The merchants who booked this slot will be told of the change."))</p>" as HTML : "")
            \(errors.summary(t))
            <form method="post" action="\(PopUpEditPaths.slot(zone, slot.id))" class="stacked organiser-form field-form" novalidate>
            \(fields.input("start", t("Début", "Start"), value: value("start", slot.start.description),
                type: "datetime-local", required: true))
            \(fields.input("end", t("Fin", "End"), value: value("end", slot.end.description), type: "datetime-local",
                required: true))
            \(fields.input("capacity", t("Places (vide : celles du lieu)", "Places (empty: the venue's)"),
                value: value("capacity", String(slot.capacity)), type: "number",
                extra: " min=\"1\" max=\"500\" inputmode=\"numeric\""))
            \(fields.input("price", t("Prix en euros (vide : gratuit)", "Price in euros (empty: free)"),
                value: value("price", slot.priceCents.map(PopUpEditValues.euros) ?? ""), extra: " inputmode=\"decimal\""))
            \(fields.input("opensAt", t("Réservations ouvertes à partir du (vide : dès maintenant)",
                "Bookings open from (empty: now)"), value: value("opensAt", local(slot.opensAt)), type: "datetime-local"))
            \(fields.input("closesAt", t("Réservations closes le (vide : au début du créneau)",
                "Bookings close on (empty: at the start)"), value: value("closesAt", local(slot.closesAt)),
                type: "datetime-local"))
            <div class="actions"><button type="submit">\(t("Enregistrer le créneau", "Save the slot"))</button>\
            <a class="cancel-link" href="/pop-up-slots/\(slot.id)">\(t("Revenir au créneau", "Back to the slot"))</a></div>
            </form>
            <p><a href="\(PopUpEditPaths.slot(zone, slot.id, "cancel"))">\(t("Annuler ce créneau…", "Cancel this slot…"))</a></p>
            """
    }
}

/// Values put back into the forms as a person would type them.
enum PopUpEditValues {
    /// 1250 → "12,50".
    static func euros(_ cents: Int) -> String {
        let rest = cents % 100
        return "\(cents / 100)," + (rest < 10 ? "0\(rest)" : "\(rest)")
    }
}

/// The confirmation step before cancelling a slot or a series, which cannot be undone; asks for the reason the
/// merchants will read.
struct PopUpCancelPage {
    enum Subject {
        case slot(PopUpSlot)
        case series(PopUpSeries, coming: [PopUpSlot])
    }

    let subject: Subject
    let venue: PopUpVenue
    let zone: Zone
    let reason: String
    let errors: FormErrors

    func title(_ t: Language) -> String {
        switch subject {
        case .slot: t("Annuler le créneau", "Cancel the slot") + " · " + venue.name
        case .series: t("Annuler la série", "Cancel the series") + " · " + venue.name
        }
    }

    func body(_ t: Language) -> HTML {
        let fields = FormFields(errors: errors, t: t)
        let what: HTML
        let action: String
        let back: String
        let booked: Int
        switch subject {
        case .slot(let slot):
            what = "<p><strong>\(venue.name)</strong> · \(PopUpViews.when(slot, t))</p>"
            action = PopUpEditPaths.slot(zone, slot.id, "cancel")
            back = "/pop-up-slots/\(slot.id.rawValue)"
            booked = slot.held
        case .series(let series, let coming):
            let days: [HTML] = coming.prefix(20).map { "<li>\(PopUpViews.when($0, t))</li>" }
            what = """
                <p><strong>\(venue.name)</strong> · \(PopUpSeriesText.rule(series.rule, t))</p>
                <p>\(Wording.count(coming.count, t, fr: ("créneau à venir sera annulé", "créneaux à venir seront annulés"), en: ("coming slot will be cancelled", "coming slots will be cancelled"))) :</p>
                <ul class="cancel-days">\(days)</ul>
                """
            action = PopUpEditPaths.series(zone, series.id, "cancel")
            back = "/pop-up-venues/\(venue.id.rawValue)"
            booked = coming.reduce(0) { $0 + $1.held }
        }
        let told: HTML =
            booked > 0
            ? "<p>\(Wording.count(booked, t, fr: ("réservation sera annulée", "réservations seront annulées"), en: ("booking will be cancelled", "bookings will be cancelled"))) \(t("et les commerçants prévenus par e-mail.", "and the merchants told by email."))</p>"
            : ""
        return """
            <h1>\(title(t))</h1>
            \(what)
            <p class="warning"><strong>\(t("Une annulation ne peut pas être défaite.", "A cancellation cannot be undone."))</strong></p>
            \(told)
            \(errors.summary(t))
            <form method="post" action="\(action)" class="stacked organiser-form field-form" novalidate>
            <input type="hidden" name="confirm" value="1">
            \(fields.textArea("reason", t("Motif, lu par les commerçants (facultatif)", "Reason the merchants read (optional)"),
                value: reason))
            <div class="actions"><button type="submit" class="danger">\(t("Oui, annuler définitivement", "Yes, cancel for good"))</button>\
            <a class="cancel-link" href="\(back)">\(t("Non, revenir", "No, go back"))</a></div>
            </form>
            """
    }
}

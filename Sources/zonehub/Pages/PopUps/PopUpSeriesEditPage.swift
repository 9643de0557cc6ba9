import Community
import Foundation
import PopUps

/// The form that changes a series' rule: its coming slots follow (days it drops are cancelled; days it adds are not
/// created, and the page says so).
struct PopUpSeriesEditPage {
    let series: PopUpSeries
    let venue: PopUpVenue
    let zone: Zone
    let coming: [PopUpSlot]
    let form: FormBody?
    let errors: FormErrors

    func title(_ t: Language) -> String { t("Modifier la série", "Edit the series") + " · " + venue.name }

    func body(_ t: Language) -> HTML {
        let rule = series.rule
        let value = { (name: String, today: String) -> String in form.map { $0.text(name) } ?? today }
        let chosen = form.map { Set($0.all("weekday").compactMap(Int.init)) } ?? Set(rule.weekdays)
        let fields = FormFields(errors: errors, t: t)
        let boxes: [HTML] = PopUpSeriesText.days(t).enumerated().map { index, day in
            """
            <label class="check"><input type="checkbox" name="weekday" value="\(index + 1)"\
            \(chosen.contains(index + 1) ? " checked" : "")> \(day)</label>
            """
        }
        let weekdayError = errors.attributes("weekday", id: "weekday")
        return """
            <h1>\(t("Modifier la série", "Edit the series"))</h1>
            <p class="meta"><a href="/pop-up-venues/\(venue.id)">\(venue.name)</a> · \
            \(PopUpSeriesText.rule(rule, t)) · \(Wording.count(coming.count, t, fr: ("créneau à venir", "créneaux à venir"), en: ("coming slot", "coming slots")))</p>
            <p class="hint">\(t("Les créneaux à venir prennent les nouveaux horaires, places et prix ; les jours retirés de la série sont annulés et leurs commerçants prévenus. Les jours ajoutés ne créent pas de créneau : ajoutez-les depuis la page du lieu.", "Coming slots take the new times, places and price; days the series drops are cancelled and their merchants told. Days it adds create no slot: add them from the venue's page."))</p>
            \(errors.summary(t))
            <form method="post" action="\(PopUpEditPaths.series(zone, series.id))" class="stacked organiser-form field-form" novalidate>
            <fieldset id="weekday"\(weekdayError)><legend>\(t("Chaque semaine le", "Every week on"))</legend>\(boxes)\
            \(errors.message("weekday", id: "weekday", t))</fieldset>
            \(fields.input("startTime", t("De", "From"), value: value("startTime", rule.startTime), type: "time",
                required: true))
            \(fields.input("endTime", t("À", "To"), value: value("endTime", rule.endTime), type: "time", required: true))
            \(fields.input("firstDay", t("Du", "From day"), value: value("firstDay", rule.firstDay.description),
                type: "date", required: true))
            \(fields.input("lastDay", t("Au", "To day"), value: value("lastDay", rule.lastDay.description), type: "date",
                required: true))
            \(fields.input("blackouts", t("Sauf les (dates séparées par des virgules)", "Except on (dates separated by commas)"),
                value: value("blackouts", rule.blackouts.map(\.description).joined(separator: ", ")),
                hint: t("Par exemple 2026-05-01, 2026-05-08", "For example 2026-05-01, 2026-05-08")))
            \(fields.input("capacity", t("Places (vide : celles du lieu)", "Places (empty: the venue's)"),
                value: value("capacity", rule.capacity.map(String.init) ?? ""), type: "number",
                extra: " min=\"1\" max=\"500\" inputmode=\"numeric\""))
            \(fields.input("price", t("Prix en euros (vide : gratuit)", "Price in euros (empty: free)"),
                value: value("price", rule.priceCents.map(PopUpEditValues.euros) ?? ""), extra: " inputmode=\"decimal\""))
            <div class="actions"><button type="submit">\(t("Enregistrer la série", "Save the series"))</button>\
            <a class="cancel-link" href="/pop-up-venues/\(venue.id)">\(t("Revenir au lieu", "Back to the venue"))</a></div>
            </form>
            <p><a href="\(PopUpEditPaths.series(zone, series.id, "cancel"))">\(t("Annuler toute la série…", "Cancel the whole series…"))</a></p>
            """
    }
}

/// A series' rule in words.
enum PopUpSeriesText {
    static func days(_ t: Language) -> [String] {
        [
            t("lundi", "Monday"), t("mardi", "Tuesday"), t("mercredi", "Wednesday"), t("jeudi", "Thursday"),
            t("vendredi", "Friday"), t("samedi", "Saturday"), t("dimanche", "Sunday"),
        ]
    }

    /// "chaque samedi, de 09:00 à 18:00, du 14/03/2026 au 27/06/2026".
    static func rule(_ rule: PopUpSeriesRule, _ t: Language) -> String {
        let names = days(t)
        let chosen = rule.weekdays.filter { (1...7).contains($0) }.map { names[$0 - 1] }
        let list =
            chosen.count > 1
            ? chosen.dropLast().joined(separator: ", ") + t(" et ", " and ") + chosen[chosen.count - 1]
            : chosen.first ?? ""
        return t("chaque ", "every ") + list + t(", de ", ", from ") + rule.startTime + t(" à ", " to ") + rule.endTime
            + t(", du ", ", from ") + day(rule.firstDay, t) + t(" au ", " to ") + day(rule.lastDay, t)
    }

    static func day(_ day: LocalDay, _ t: Language) -> String {
        Formats.date(LocalDateTime(day: day, hour: 12, minute: 0).date(in: Formats.paris), t, timeZone: Formats.paris)
    }
}

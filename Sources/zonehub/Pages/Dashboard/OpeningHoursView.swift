import Community

/// The opening hours' part of the profile form: one row per day, the public holidays, and the advanced field.
struct OpeningHoursView {
    let hours: OpeningHoursFields
    let errors: FormErrors
    let t: Language

    var html: HTML {
        let days: [HTML] = hours.days.enumerated().map { row($0.offset, $0.element) }
        let holidays: HTML = """
            <label class="check"><input type="checkbox" name="hours-ph-closed" value="1"\
            \(hours.closedOnHolidays ? " checked" : "")> \(t("Fermé les jours fériés", "Closed on public holidays"))</label>
            """
        let kept: HTML =
            hours.kept
            ? "<p class=\"warning\" id=\"openingHours-kept\">\(t("Vos horaires sont écrits sous une forme que la grille ne sait pas montrer jour par jour : ils sont gardés tels quels dans la saisie avancée ci-dessous. Pour passer à la grille, videz ce champ et remplissez les jours.", "Your opening hours are written in a form the grid cannot show day by day: they are kept as they are in the advanced field below. To use the grid, empty that field and fill in the days."))</p>"
            : ""
        let open = hours.kept || !hours.advanced.isEmpty || errors["openingHours"] != nil
        return """
            <fieldset class="hours" id="hours"><legend>\(t("Horaires d'ouverture", "Opening hours"))</legend>
            <p class="hint">\(t("Un jour sans heure est fermé. Une seconde plage sert à la pause de midi.",
                "A day without times is closed. A second span is for a lunch break."))</p>
            \(kept)
            <div class="hours-days">\(days)</div>
            \(holidays)
            <details class="advanced"\(open ? " open" : "")><summary>\(t("Saisie avancée (format OpenStreetMap)",
                "Advanced entry (OpenStreetMap format)"))</summary>
            \(FormFields(errors: errors, t: t).input("openingHours", t("Horaires au format OpenStreetMap", "Opening hours in OpenStreetMap format"),
                value: hours.advanced,
                hint: t("Rempli, ce champ remplace la grille. Par exemple : Tu-Sa 09:00-12:00,14:00-19:00; PH off",
                    "When filled, this field replaces the grid. For example: Tu-Sa 09:00-12:00,14:00-19:00; PH off"),
                extra: " maxlength=\"200\" autocomplete=\"off\""))
            </details>
            </fieldset>
            """
    }

    private func row(_ day: Int, _ input: OpeningWeek.DayInput) -> HTML {
        let name = OpeningHoursFields.name(day)
        let dayName = t == .fr ? OpeningWeek.frenchDays[day] : OpeningWeek.englishDays[day]
        let invalid = errors.attributes(name, id: name)
        let time = { (part: String, label: String, value: String) -> HTML in
            """
            <div class="span"><label for="\(name)-\(part)">\(label)</label>\
            <input type="time" id="\(name)-\(part)" name="\(name)-\(part)" value="\(value)"\(invalid)></div>
            """
        }
        return """
            <fieldset class="day" id="\(name)"\(errors.describedBy(name, id: name))><legend>\(dayName)</legend>
            <label class="check closed"><input type="checkbox" name="\(name)-closed" value="1"\
            \(input.closed ? " checked" : "")> \(t("Fermé", "Closed"))</label>
            \(time("opens", t("Ouverture", "Opens"), input.opens))\(time("closes", t("Fermeture", "Closes"), input.closes))\
            \(time("reopens", t("Réouverture", "Reopens"), input.reopens))\
            \(time("closesAgain", t("Fermeture", "Closes"), input.closesAgain))
            \(errors.message(name, id: name, t))</fieldset>
            """
    }
}

import Community

/// The profile form's opening hours: a row per day (closed, or open over one or two spans) and, for the forms of
/// the OpenStreetMap syntax the rows cannot show, the value itself in an advanced field that wins when filled.
struct OpeningHoursFields {
    static let codes = ["mo", "tu", "we", "th", "fr", "sa", "su"]

    var days: [OpeningWeek.DayInput]
    var closedOnHolidays: Bool
    /// The OpenStreetMap value typed or kept; empty when the days say it all.
    var advanced: String
    /// Whether a stored value could not be read into the days (it is kept in the advanced field).
    var kept = false

    /// The form field (and the anchor) of a day's row.
    static func name(_ day: Int) -> String { "hours-\(codes[day])" }

    /// The rows for a stored value: its days when they can show it, else the value kept as it is.
    init(stored text: String?) {
        let hours = text.flatMap { try? OpeningHours.parse($0) }
        if let hours, let week = OpeningWeek(hours) {
            days = week.inputs
            closedOnHolidays = week.closedOnHolidays
            advanced = ""
        } else {
            days = Array(repeating: OpeningWeek.DayInput(), count: 7)
            closedOnHolidays = false
            advanced = text ?? ""
            kept = text != nil
        }
    }

    /// What was typed.
    init(_ form: FormBody) {
        days = Self.codes.map { code in
            let name = "hours-\(code)"
            return OpeningWeek.DayInput(
                closed: form["\(name)-closed"] != nil, opens: form.text("\(name)-opens"),
                closes: form.text("\(name)-closes"), reopens: form.text("\(name)-reopens"),
                closesAgain: form.text("\(name)-closesAgain"))
        }
        closedOnHolidays = form["hours-ph-closed"] != nil
        advanced = form.text("openingHours").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The value to store: the advanced field when filled (the service checks it), else the days' value; or the
    /// problems of the days that cannot be read.
    func value() -> (text: String?, problems: [(day: Int, error: CommunityError)]) {
        guard advanced.isEmpty else { return (advanced, []) }
        let (week, problems) = OpeningWeek.read(days, closedOnHolidays: closedOnHolidays)
        return (week?.text, problems)
    }
}

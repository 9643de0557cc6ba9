import Community
import Foundation

/// Opening hours as people read them: a week in French ("du mardi au samedi"), and whether the shop is open now.
enum OpeningHoursText {
    static let frenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// The merchant page's line: the open-now status and the week; text that is not in the syntax shows as written.
    static func fact(_ text: String, at now: Date, _ t: Language) -> HTML {
        guard let hours = try? OpeningHours.parse(text) else {
            return "<li>\(t("Horaires", "Opening hours")) : \(text)</li>"
        }
        let rows: [HTML] = week(hours, t).map { "<tr><th scope=\"row\">\($0.days)</th><td>\($0.hours)</td></tr>" }
        return """
            <li>\(status(hours, at: now, t))
            <table class="hours"><caption>\(t("Horaires", "Opening hours"))</caption>\(rows)</table></li>
            """
    }

    /// "Ouvert · ferme à 19 h" or "Fermé en ce moment".
    static func status(_ hours: OpeningHours, at now: Date, _ t: Language) -> HTML {
        guard let closing = hours.closingTime(at: now, timeZone: Formats.paris) else {
            return "<span class=\"open-now closed\">\(t("Fermé en ce moment", "Closed now"))</span>"
        }
        let until =
            closing >= 1440 && hours.text == "24/7" ? "" : " · " + t("ferme à ", "closes at ") + time(closing % 1440, t)
        return "<span class=\"open-now open\">\(t("Ouvert", "Open"))\(until)</span>"
    }

    /// Days with the same hours grouped ("du mardi au samedi"), in week order, then public holidays if they differ.
    static func week(_ hours: OpeningHours, _ t: Language) -> [(days: String, hours: String)] {
        var groups: [(days: [Int], hours: String)] = []
        for day in 0..<7 {
            let text = intervals(hours.intervals(weekday: day, isHoliday: false), t)
            if let last = groups.last, last.hours == text, last.days.last == day - 1 {
                groups[groups.count - 1].days.append(day)
            } else {
                groups.append(([day], text))
            }
        }
        var rows = groups.map { (days: capitalized(days($0.days, t)), hours: $0.hours) }
        if hours.mentionsHolidays {
            rows.append(
                (t("Jours fériés", "Public holidays"), intervals(hours.intervals(weekday: 0, isHoliday: true), t)))
        }
        return rows
    }

    /// "9 h – 12 h et 14 h – 18 h 30", or "fermé".
    static func intervals(_ intervals: [OpeningHours.Interval], _ t: Language) -> String {
        guard !intervals.isEmpty else { return t("fermé", "closed") }
        if intervals == [OpeningHours.Interval(start: 0, end: 1440)] { return t("24 h sur 24", "all day") }
        let spans = intervals.map { "\(time($0.start, t)) – \(time($0.end > 1440 ? $0.end - 1440 : $0.end, t))" }
        if t == .en { return spans.joined(separator: ", ") }
        return spans.count == 1 ? spans[0] : spans.dropLast().joined(separator: ", ") + " et " + spans.last!
    }

    /// "9 h", "18 h 30", "minuit" in French; "9:00" in English.
    static func time(_ minutes: Int, _ t: Language) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        if t == .en { return String(format: "%d:%02d", hour, minute) }
        if minutes == 1440 || minutes == 0 { return "minuit" }
        return minute == 0 ? "\(hour) h" : String(format: "%d h %02d", hour, minute)
    }

    private static func days(_ days: [Int], _ t: Language) -> String {
        let names = t == .fr ? frenchDays : englishDays
        if days.count == 7 { return t("tous les jours", "every day") }
        if days.count == 1 { return names[days[0]] }
        // Two days side by side are "lundi et mardi": "du lundi au mardi" reads as a range with nothing inside.
        if days.count == 2 {
            return t("\(names[days[0]]) et \(names[days[1]])", "\(names[days[0]]) and \(names[days[1]])")
        }
        return t("du \(names[days.first!]) au \(names[days.last!])", "\(names[days.first!]) to \(names[days.last!])")
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}

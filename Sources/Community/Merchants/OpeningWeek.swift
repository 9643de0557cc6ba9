import Foundation

/// Opening hours as a merchant enters them day by day: each day closed, or open over one or two spans (a lunch
/// break between them), and public holidays either closed or like the weekday. It is written as, and read back
/// from, the OpenStreetMap `opening_hours` value merchant profiles keep.
package struct OpeningWeek: Equatable, Sendable {
    /// What was typed for one day: four "HH:MM" times, empty when not given.
    package struct DayInput: Equatable, Sendable {
        package var closed: Bool
        package var opens: String
        package var closes: String
        package var reopens: String
        package var closesAgain: String

        package init(
            closed: Bool = false, opens: String = "", closes: String = "", reopens: String = "",
            closesAgain: String = ""
        ) {
            self.closed = closed
            self.opens = opens
            self.closes = closes
            self.reopens = reopens
            self.closesAgain = closesAgain
        }
    }

    /// Monday first; no span means closed that day.
    package let days: [[OpeningHours.Interval]]
    package let closedOnHolidays: Bool

    package init(days: [[OpeningHours.Interval]], closedOnHolidays: Bool) {
        self.days = days
        self.closedOnHolidays = closedOnHolidays
    }

    /// The week as the form shows it: a closed day ticked, an open one with its times.
    package var inputs: [DayInput] {
        days.map { spans in
            guard !spans.isEmpty else { return DayInput(closed: true) }
            let times = spans.flatMap { [$0.start, $0.end] }.map {
                OpeningHours.clock($0 % 1440 == 0 && $0 > 0 ? 0 : $0)
            }
            return DayInput(
                opens: times[0], closes: times[1], reopens: times.count > 2 ? times[2] : "",
                closesAgain: times.count > 3 ? times[3] : "")
        }
    }

    /// The OpenStreetMap value ("Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off"), nil when closed
    /// every day (no hours given).
    package var text: String? {
        var groups: [(days: [Int], hours: String)] = []
        for (day, spans) in days.enumerated() where !spans.isEmpty {
            let hours = spans.map { "\(OpeningHours.clock($0.start))-\(OpeningHours.clock($0.end))" }
                .joined(separator: ",")
            if let index = groups.firstIndex(where: { $0.hours == hours }) {
                groups[index].days.append(day)
            } else {
                groups.append(([day], hours))
            }
        }
        guard !groups.isEmpty else { return nil }
        var rules = groups.map { group in
            "\(group.days.map { OpeningHours.dayCodes[$0] }.joined(separator: ",")) \(group.hours)"
        }
        if closedOnHolidays { rules.append("PH off") }
        return (try? OpeningHours.parse(rules.joined(separator: "; ")))?.text
    }

    /// The week `hours` describes, when it can be shown day by day: at most two spans a day, none past midnight,
    /// public holidays closed or like any day. Nil for the other forms ("24/7", holiday hours, three spans…).
    package init?(_ hours: OpeningHours) {
        // "24/7" says more than seven days from midnight to midnight: the page shows it as "24 h sur 24".
        guard hours.text != "24/7" else { return nil }
        var days: [[OpeningHours.Interval]] = []
        for day in 0..<7 {
            let spans = hours.intervals(weekday: day, isHoliday: false)
            guard spans.count <= 2, spans.allSatisfy({ $0.end <= 1440 }) else { return nil }
            days.append(spans)
        }
        let closedOnHolidays = hours.mentionsHolidays
        if closedOnHolidays && !hours.intervals(weekday: 0, isHoliday: true).isEmpty { return nil }
        self.init(days: days, closedOnHolidays: closedOnHolidays)
        // The week must say exactly what the value says, or the form would change hours nobody touched.
        guard let text else { return }
        guard let again = try? OpeningHours.parse(text) else { return nil }
        for day in 0..<7 {
            for holiday in [false, true]
            where again.intervals(weekday: day, isHoliday: holiday) != hours.intervals(weekday: day, isHoliday: holiday)
            {
                return nil
            }
        }
    }

    /// The week typed in the form, or the problem of each day that cannot be read (indexed Monday = 0).
    package static func read(_ inputs: [DayInput], closedOnHolidays: Bool) -> (
        week: OpeningWeek?, problems: [(day: Int, error: CommunityError)]
    ) {
        var days: [[OpeningHours.Interval]] = []
        var problems: [(day: Int, error: CommunityError)] = []
        for (day, input) in inputs.prefix(7).enumerated() {
            do throws(CommunityError) {
                days.append(try spans(input, day: day))
            } catch {
                problems.append((day, error))
                days.append([])
            }
        }
        while days.count < 7 { days.append([]) }
        return problems.isEmpty ? (OpeningWeek(days: days, closedOnHolidays: closedOnHolidays), []) : (nil, problems)
    }

    /// A day's spans: none when it is ticked closed or has no time at all.
    private static func spans(_ input: DayInput, day: Int) throws(CommunityError) -> [OpeningHours.Interval] {
        let times = [input.opens, input.closes, input.reopens, input.closesAgain].map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if input.closed {
            guard times.allSatisfy(\.isEmpty) else {
                throw problem(
                    day, "tick closed or give times, not both",
                    french: "cochez « Fermé » ou indiquez des heures, pas les deux.")
            }
            return []
        }
        if times.allSatisfy(\.isEmpty) { return [] }
        guard !times[0].isEmpty, !times[1].isEmpty else {
            throw problem(
                day, "give the opening and closing times, or tick closed",
                french: "indiquez l'heure d'ouverture et celle de fermeture, ou cochez « Fermé ».")
        }
        guard times[2].isEmpty == times[3].isEmpty else {
            throw problem(
                day, "the second span needs both its times",
                french: "la seconde plage a besoin de son heure de réouverture et de sa fermeture.")
        }
        var minutes: [Int] = []
        for time in times where !time.isEmpty {
            guard let value = Self.minutes(time) else {
                throw problem(
                    day, "'\(time.prefix(10))' is not a time like 09:00",
                    french: "« \(time.prefix(10)) » n'est pas une heure comme 09:00.")
            }
            minutes.append(value)
        }
        // Midnight as a closing time is the end of the day.
        for index in stride(from: 1, to: minutes.count, by: 2) where minutes[index] == 0 { minutes[index] = 1440 }
        for index in stride(from: 0, to: minutes.count, by: 2) where minutes[index + 1] <= minutes[index] {
            throw problem(
                day, "closing must come after opening",
                french: "l'heure de fermeture doit venir après celle d'ouverture.")
        }
        if minutes.count == 4 && minutes[2] < minutes[1] {
            throw problem(
                day, "the second span must start after the first ends",
                french: "la réouverture doit venir après la première fermeture.")
        }
        return stride(from: 0, to: minutes.count, by: 2).map {
            OpeningHours.Interval(start: minutes[$0], end: minutes[$0 + 1])
        }
    }

    /// "09:00" (what a time field sends) as minutes.
    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 2, parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    package static let frenchDays = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
    package static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    private static func problem(_ day: Int, _ message: String, french: String) -> CommunityError {
        CommunityError(
            CommunityField.openingHours, "\(englishDays[day]): \(message)", french: "\(frenchDays[day]) : \(french)")
    }
}

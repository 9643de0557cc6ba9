import Foundation

/// Opening hours in the common forms of OpenStreetMap's `opening_hours` syntax: "Mo-Fr 09:00-12:00,14:00-18:30;
/// Sa 09:00-12:00; PH off", "24/7". Later rules replace earlier ones for the days they name, and a public-holiday
/// (`PH`) rule replaces the weekday's rule on French public holidays.
package struct OpeningHours: Equatable, Sendable {
    /// A span of minutes from the start of a day; `end` passes 1440 when it runs past midnight.
    package struct Interval: Equatable, Sendable {
        package let start: Int
        package let end: Int

        package init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// One rule: the days it selects, and its hours (none means closed).
    package struct Rule: Equatable, Sendable {
        /// 0 = Monday … 6 = Sunday; every day when the rule names none.
        package let weekdays: Set<Int>
        package let holidays: Bool
        package let intervals: [Interval]

        package var selectsEveryDay: Bool { weekdays.isEmpty && !holidays }
    }

    package let rules: [Rule]
    /// The rules written back in canonical form ("Mo-Fr 09:00-18:00; PH off").
    package let text: String

    /// The hours that apply on a day: the holiday rule on a public holiday when there is one, else the last rule
    /// naming the weekday (or every day).
    package func intervals(weekday: Int, isHoliday: Bool) -> [Interval] {
        if isHoliday, let rule = rules.last(where: \.holidays) { return rule.intervals }
        return rules.last { $0.selectsEveryDay || $0.weekdays.contains(weekday) }?.intervals ?? []
    }

    /// Whether a holiday rule exists (and so whether holidays differ from ordinary days).
    package var mentionsHolidays: Bool { rules.contains(where: \.holidays) }

    /// Whether the place is open at `date`, read on the wall clock of `timeZone` (Europe/Paris for the hub).
    package func isOpen(at date: Date, timeZone: TimeZone) -> Bool {
        closingTime(at: date, timeZone: timeZone) != nil
    }

    /// When the current opening ends, in minutes from the start of today (past 1440 for after midnight), or nil
    /// when closed at `date`. Yesterday's hours that run past midnight count too.
    package func closingTime(at date: Date, timeZone: TimeZone) -> Int? {
        let today = OpeningMoment(date, timeZone: timeZone)
        let minute = today.minuteOfDay
        if let open = intervals(weekday: today.weekday, isHoliday: today.isHoliday)
            .first(where: { $0.start <= minute && minute < $0.end })
        {
            return open.end
        }
        let yesterday = OpeningMoment(date.addingTimeInterval(-86_400), timeZone: timeZone)
        return intervals(weekday: yesterday.weekday, isHoliday: yesterday.isHoliday)
            .first { $0.end > 1440 && minute < $0.end - 1440 }
            .map { $0.end - 1440 }
    }
}

/// A moment as opening hours read it: weekday (Monday = 0), minute of the day, whether it is a French public holiday.
struct OpeningMoment {
    let weekday: Int
    let minuteOfDay: Int
    let isHoliday: Bool

    init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        weekday = ((parts.weekday ?? 2) + 5) % 7
        minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        isHoliday = FrenchHolidays.isHoliday(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0)
    }
}

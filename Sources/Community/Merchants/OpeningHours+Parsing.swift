import Foundation

extension OpeningHours {
    static let dayCodes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]

    /// Parses the supported forms; the error names the part that is not understood.
    package static func parse(_ input: String) throws(CommunityError) -> OpeningHours {
        let text = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw fail("is empty") }
        guard text.count <= 200 else { throw fail("must be at most 200 characters") }
        if text == "24/7" {
            return OpeningHours(
                rules: [Rule(weekdays: [], holidays: false, intervals: [Interval(start: 0, end: 1440)])], text: "24/7")
        }
        let parts = text.split(separator: ";", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !parts.contains(where: \.isEmpty) else { throw fail("has an empty rule between two ';'") }
        let rules = try parts.map { part throws(CommunityError) in try rule(part) }
        return OpeningHours(rules: rules, text: rules.map(canonical).joined(separator: "; "))
    }

    /// "Mo-Fr,PH 09:00-12:00,14:00-18:00", "Su off", "10:00-18:00".
    private static func rule(_ text: String) throws(CommunityError) -> Rule {
        // "09:00-12:00, 14:00-18:00" and "Mo, We" are common ways of writing the comma lists.
        let text = text.replacingOccurrences(of: #"\s*,\s*"#, with: ",", options: .regularExpression)
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var days: [String] = []
        var rest = words[...]
        if let first = rest.first, first.first?.isLetter == true, !["off", "closed"].contains(first.lowercased()) {
            days = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            rest = rest.dropFirst()
        }
        guard let hours = rest.first, rest.count == 1 else {
            throw fail(rest.isEmpty ? "'\(text)' needs hours (e.g. 09:00-18:00) or off" : "'\(text)' is not understood")
        }
        var weekdays: Set<Int> = []
        var holidays = false
        for day in days {
            if day == "PH" {
                holidays = true
            } else {
                weekdays.formUnion(try weekdayRange(day))
            }
        }
        if ["off", "closed"].contains(hours.lowercased()) {
            return Rule(weekdays: weekdays, holidays: holidays, intervals: [])
        }
        let intervals = try hours.split(separator: ",", omittingEmptySubsequences: false).map {
            span throws(CommunityError) in try interval(String(span))
        }.sorted { $0.start < $1.start }
        for (earlier, later) in zip(intervals, intervals.dropFirst()) where later.start < earlier.end {
            throw fail("'\(hours)' has hours that overlap")
        }
        return Rule(weekdays: weekdays, holidays: holidays, intervals: intervals)
    }

    /// "Mo", "Mo-Fr", or a range that wraps past Sunday ("Fr-Mo").
    private static func weekdayRange(_ text: String) throws(CommunityError) -> Set<Int> {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(ends.count) else { throw fail("'\(text)' is not a day or a range of days") }
        var indices: [Int] = []
        for end in ends {
            guard let index = dayCodes.firstIndex(of: end) else {
                throw fail("'\(end)' is not a day (use Mo, Tu, We, Th, Fr, Sa, Su or PH)")
            }
            indices.append(index)
        }
        guard indices.count == 2 else { return [indices[0]] }
        let length = (indices[1] - indices[0] + 7) % 7
        return Set((0...length).map { (indices[0] + $0) % 7 })
    }

    /// "09:00-18:30"; an end earlier than the start runs past midnight ("18:00-02:00").
    private static func interval(_ text: String) throws(CommunityError) -> Interval {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]), start < 1440,
            start != end
        else { throw fail("'\(text)' is not a time span such as 09:00-18:00") }
        return Interval(start: start, end: end < start ? end + 1440 : end)
    }

    /// "09:00" or "9:00" as minutes; "24:00" is the end of the day.
    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), parts.joined().allSatisfy(\.isASCII),
            (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { return nil }
        return hour * 60 + minute
    }

    private static func canonical(_ rule: Rule) -> String {
        var selectors = runs(rule.weekdays).map { run in
            run.count == 1 ? dayCodes[run[0]] : "\(dayCodes[run[0]])-\(dayCodes[run[run.count - 1]])"
        }
        if rule.holidays { selectors.append("PH") }
        let hours =
            rule.intervals.isEmpty
            ? "off"
            : rule.intervals.map { "\(clock($0.start))-\(clock($0.end > 1440 ? $0.end - 1440 : $0.end))" }
                .joined(separator: ",")
        return selectors.isEmpty ? hours : "\(selectors.joined(separator: ",")) \(hours)"
    }

    /// Consecutive weekdays grouped, in week order; runs of two are written as two days ("Sa,Su").
    static func runs(_ days: Set<Int>) -> [[Int]] {
        var runs: [[Int]] = []
        for day in days.sorted() {
            if let last = runs.last?.last, last == day - 1 {
                runs[runs.count - 1].append(day)
            } else {
                runs.append([day])
            }
        }
        return runs.flatMap { $0.count == 2 ? [[$0[0]], [$0[1]]] : [$0] }
    }

    /// Minutes as "HH:MM".
    package static func clock(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    private static func fail(_ message: String) -> CommunityError {
        CommunityField.openingHours.invalid(message)
    }
}

/// Public holidays in France (métropole), fixed and Easter-based.
package enum FrenchHolidays {
    /// Whether the day is a public holiday: 1 January, Easter Monday, 1 and 8 May, Ascension, Whit Monday,
    /// 14 July, 15 August, 1 and 11 November, 25 December.
    package static func isHoliday(year: Int, month: Int, day: Int) -> Bool {
        let fixed: Set<Int> = [101, 501, 508, 714, 815, 1101, 1111, 1225]
        if fixed.contains(month * 100 + day) { return true }
        let ordinal = dayOfYear(year: year, month: month, day: day)
        let easter = easterDayOfYear(year)
        return [easter + 1, easter + 39, easter + 50].contains(ordinal)
    }

    /// Easter Sunday (Gregorian), by the anonymous algorithm of Meeus, Jones and Butcher: (month, day).
    package static func easter(_ year: Int) -> (month: Int, day: Int) {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return (month, day)
    }

    private static func easterDayOfYear(_ year: Int) -> Int {
        let (month, day) = easter(year)
        return dayOfYear(year: year, month: month, day: day)
    }

    private static func dayOfYear(year: Int, month: Int, day: Int) -> Int {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return lengths.prefix(max(0, month - 1)).reduce(0, +) + day
    }
}

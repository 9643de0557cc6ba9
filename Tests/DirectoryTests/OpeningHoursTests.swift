import Community
import Foundation
import Testing

/// Opening hours: parsing, canonical form, holidays and "open now" on a fixed Paris clock.
@Suite struct OpeningHoursTests {
    let paris = TimeZone(identifier: "Europe/Paris")!

    /// A moment given as Paris wall-clock time.
    func at(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = paris
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    func open(_ hours: String, _ moment: String) throws -> Bool {
        try OpeningHours.parse(hours).isOpen(at: at(moment), timeZone: paris)
    }

    @Test(arguments: [
        (
            "Mo-Fr 9:00-12:00, 14:00-18:30; Sa 09:00-12:00; PH off",
            "Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00; PH off"
        ),
        ("Mo,Tu,We,Fr 10:00-19:00", "Mo-We,Fr 10:00-19:00"),
        ("Sa,Su 08:00-13:00", "Sa,Su 08:00-13:00"),
        ("Fr-Mo 18:00-02:00", "Mo,Fr-Su 18:00-02:00"),
        ("10:00-18:00", "10:00-18:00"),
        ("Mo-Sa,PH 09:00-24:00", "Mo-Sa,PH 09:00-24:00"),
        ("24/7", "24/7"),
        ("Tu-Sa 09:00-19:30; Su closed", "Tu-Sa 09:00-19:30; Su off"),
    ])
    func commonFormsParseToTheirCanonicalText(input: String, canonical: String) throws {
        #expect(try OpeningHours.parse(input).text == canonical)
        #expect(try OpeningHours.parse(canonical).text == canonical)
    }

    @Test(arguments: [
        ("Lu-Ve 9h-18h", "'Lu' is not a day"), ("Mo 25:00-26:00", "'25:00-26:00' is not a time span"),
        ("Mo 09:00-12:00,11:00-13:00", "overlap"), ("Mo-Fr", "needs hours"), ("Mo 09:00-18:00;;Sa off", "empty rule"),
        ("Mo 09:00-09:00", "is not a time span"), ("Mo 9h-18h", "is not a time span"),
        ("Mo 09:00-18:00 Tu", "is not understood"), ("Mo-Fr-Sa 09:00-18:00", "not a day or a range"),
        ("  ", "is empty"), ("Mo 09:60-10:00", "not a time span"), ("Mo 24:30-25:00", "not a time span"),
    ])
    func badHoursAreRefusedNamingThePart(input: String, message: String) {
        #expect {
            try OpeningHours.parse(input)
        } throws: { error in
            let error = error as? CommunityError
            return error?.code == "invalid_openingHours" && error?.message.contains(message) == true
        }
    }

    @Test func openNowIsReadOnTheParisClockAcrossSummerTime() throws {
        let hours = "Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00"
        #expect(try open(hours, "2026-03-14 11:59"))  // Saturday
        #expect(try !open(hours, "2026-03-14 12:00"))
        #expect(try !open(hours, "2026-03-15 10:00"))  // Sunday: no rule
        #expect(try open(hours, "2026-07-15 09:30"))  // 07:30 UTC in summer time
        #expect(try !open(hours, "2026-07-15 08:59"))
        #expect(try !open(hours, "2026-07-15 13:00"))
    }

    @Test func aLaterRuleReplacesAnEarlierOneForItsDays() throws {
        #expect(try !open("Mo-Sa 09:00-19:00; We off", "2026-07-15 10:00"))
        #expect(try open("Mo-Sa 09:00-19:00; We off", "2026-07-16 10:00"))
        #expect(try open("Mo-Sa 09:00-19:00; We 14:00-19:00", "2026-07-15 15:00"))
    }

    @Test func hoursPastMidnightKeepThePlaceOpenIntoTheNextDay() throws {
        let hours = try OpeningHours.parse("Fr 18:00-02:00")
        #expect(hours.isOpen(at: at("2026-03-14 01:30"), timeZone: paris))  // Saturday night, Friday's hours
        #expect(hours.closingTime(at: at("2026-03-14 01:30"), timeZone: paris) == 120)
        #expect(!hours.isOpen(at: at("2026-03-14 02:00"), timeZone: paris))
        #expect(hours.closingTime(at: at("2026-03-13 23:00"), timeZone: paris) == 26 * 60)
    }

    @Test func publicHolidaysFollowThePHRuleIncludingEasterBasedOnes() throws {
        let hours = "Mo-Sa 09:00-19:00; PH off"
        #expect(try !open(hours, "2026-04-06 10:00"))  // Easter Monday
        #expect(try !open(hours, "2026-05-14 10:00"))  // Ascension
        #expect(try !open(hours, "2026-05-25 10:00"))  // Whit Monday
        #expect(try !open(hours, "2026-07-14 10:00"))
        #expect(try !open(hours, "2026-12-25 10:00"))
        #expect(try open(hours, "2026-07-15 10:00"))
        #expect(try open("Mo-Sa 09:00-19:00; PH 10:00-12:00", "2026-07-14 11:00"))
        #expect(try open("Mo-Sa 09:00-19:00", "2026-07-14 11:00"))  // no PH rule: holidays are ordinary days
    }

    @Test func easterFollowsTheGregorianComputus() {
        #expect(FrenchHolidays.easter(2026) == (4, 5))
        #expect(FrenchHolidays.easter(2027) == (3, 28))
        #expect(FrenchHolidays.easter(2038) == (4, 25))
        #expect(FrenchHolidays.easter(2285) == (3, 22))
        #expect(FrenchHolidays.isHoliday(year: 2027, month: 3, day: 29))
        #expect(!FrenchHolidays.isHoliday(year: 2026, month: 3, day: 29))
    }
}

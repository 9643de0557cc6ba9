import Community
import Testing

/// Opening hours entered day by day, written as the OpenStreetMap value and read back.
@Suite struct OpeningWeekTests {
    typealias Day = OpeningWeek.DayInput

    static func week(_ days: [Day], holidays: Bool = false) -> (OpeningWeek?, [(day: Int, error: CommunityError)]) {
        let read = OpeningWeek.read(days, closedOnHolidays: holidays)
        return (read.week, read.problems)
    }

    @Test func daysWithTheSameHoursAreGroupedAndHolidaysClosed() throws {
        let weekday = Day(opens: "09:00", closes: "12:00", reopens: "14:00", closesAgain: "18:30")
        let (week, problems) = Self.week(
            [weekday, weekday, weekday, weekday, weekday, Day(opens: "09:00", closes: "13:00"), Day(closed: true)],
            holidays: true)
        #expect(problems.isEmpty)
        #expect(week?.text == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-13:00; PH off")
    }

    @Test func aDayWithoutTimesIsClosedAndMidnightEndsTheDay() throws {
        let (week, _) = Self.week([Day(), Day(opens: "18:00", closes: "00:00"), Day(), Day(), Day(), Day(), Day()])
        #expect(week?.text == "Tu 18:00-24:00")
        let (closed, _) = Self.week(Array(repeating: Day(closed: true), count: 7), holidays: true)
        #expect(closed != nil && closed?.text == nil)
    }

    @Test func everyDayInErrorIsReportedWithItsName() throws {
        let (week, problems) = Self.week([
            Day(opens: "12:00", closes: "09:00"), Day(opens: "09:00"), Day(closed: true, opens: "09:00"),
            Day(opens: "09:00", closes: "12:00", reopens: "11:00", closesAgain: "18:00"),
            Day(opens: "9h", closes: "12:00"), Day(opens: "09:00", closes: "12:00", reopens: "14:00"), Day(),
        ])
        #expect(week == nil)
        #expect(problems.map(\.day) == [0, 1, 2, 3, 4, 5])
        #expect(problems[0].error.frenchMessage == "Lundi : l'heure de fermeture doit venir après celle d'ouverture.")
        #expect(problems[4].error.frenchMessage == "Vendredi : « 9h » n'est pas une heure comme 09:00.")
        #expect(problems.allSatisfy { $0.error.code == "invalid_openingHours" })
        #expect(problems[1].error.message.hasPrefix("Tuesday: "))
    }

    @Test func aValueIsReadBackIntoItsDaysWhenTheyCanShowIt() throws {
        for text in ["Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-13:00; PH off", "Tu-Sa 10:00-19:00", "We 09:00-24:00"] {
            let week = try #require(OpeningWeek(try OpeningHours.parse(text)), "\(text)")
            #expect(week.text == text)
            let again = OpeningWeek.read(week.inputs, closedOnHolidays: week.closedOnHolidays).week
            #expect(again?.text == text)
        }
        // A later rule closing one day is the same week written another way.
        let overridden = try #require(OpeningWeek(try OpeningHours.parse("Mo-Sa 09:00-19:00; We off")))
        #expect(overridden.text == "Mo,Tu,Th-Sa 09:00-19:00")
        #expect(overridden.inputs[2] == Day(closed: true))
    }

    @Test func valuesTheDaysCannotShowAreLeftAlone() throws {
        for text in [
            "24/7", "Mo-Fr 08:00-10:00,12:00-14:00,16:00-18:00", "Fr 18:00-02:00", "Mo-Sa 09:00-19:00; PH 10:00-12:00",
        ] {
            #expect(OpeningWeek(try OpeningHours.parse(text)) == nil, "\(text)")
        }
    }
}

import Community
import Foundation
import Testing

@testable import Feeds

@Suite struct DigestScheduleTests {
    static let settings = ZoneDefinition.Digest(sendTime: "07:30", weeklyDay: "saturday")

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func theDailyDigestIsDueAtHalfPastSevenInParis() {
        // 14 March 2026 (winter time, UTC+1): due at 06:30Z.
        let due = DigestSchedule.latestDue(
            .daily, settings: Self.settings, timeZone: "Europe/Paris", now: Self.utc("2026-03-14T09:00:00Z"))
        #expect(due == Self.utc("2026-03-14T06:30:00Z"))
        let before = DigestSchedule.latestDue(
            .daily, settings: Self.settings, timeZone: "Europe/Paris", now: Self.utc("2026-03-14T06:00:00Z"))
        #expect(before == Self.utc("2026-03-13T06:30:00Z"))
    }

    @Test func summerTimeKeepsTheLocalSendTime() {
        // After the last Sunday of March, 07:30 in Paris is 05:30Z.
        let due = DigestSchedule.latestDue(
            .daily, settings: Self.settings, timeZone: "Europe/Paris", now: Self.utc("2026-03-30T12:00:00Z"))
        #expect(due == Self.utc("2026-03-30T05:30:00Z"))
    }

    @Test func theWeeklyDigestIsDueOnItsDay() {
        // Wednesday 18 March 2026: the last Saturday was the 14th.
        let due = DigestSchedule.latestDue(
            .weekly, settings: Self.settings, timeZone: "Europe/Paris", now: Self.utc("2026-03-18T12:00:00Z"))
        #expect(due == Self.utc("2026-03-14T06:30:00Z"))
    }

    @Test func unreadableSettingsGiveNoSchedule() {
        let bad = ZoneDefinition.Digest(sendTime: "7h30", weeklyDay: "samedi")
        #expect(DigestSchedule.latestDue(.daily, settings: bad, timeZone: "Europe/Paris", now: Date()) == nil)
    }
}

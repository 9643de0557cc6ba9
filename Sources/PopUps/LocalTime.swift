import Community
import Foundation

/// A wall-clock date and time in a zone ("2026-03-29T09:00"), stored as written so that a slot at 09:00 stays at
/// 09:00 across daylight-saving changes; the instant is derived from it with the zone's time zone.
package struct LocalDateTime: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    package let day: LocalDay
    package let hour: Int
    package let minute: Int

    package init(day: LocalDay, hour: Int, minute: Int) {
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// Parses `YYYY-MM-DDTHH:MM` (seconds, if given, must be zero).
    package init?(_ text: String) {
        var text = Substring(text)
        if text.count == 19, text.hasSuffix(":00") { text = text.dropLast(3) }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = LocalDay(String(parts[0])), let time = LocalDateTime.time(parts[1]) else {
            return nil
        }
        self.init(day: day, hour: time.hour, minute: time.minute)
    }

    /// Parses `HH:MM`.
    package static func time(_ text: Substring) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    package var description: String { "\(day)T\(Self.two(hour)):\(Self.two(minute))" }
    /// `HH:MM`.
    package var timeText: String { "\(Self.two(hour)):\(Self.two(minute))" }

    /// The instant this wall time names in `timeZone` (in a spring-forward gap, the time after the gap).
    package func date(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(
            year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The wall time of `date` in `timeZone`.
    package init(_ date: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        self.init(
            day: LocalDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1),
            hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    package static func < (a: LocalDateTime, b: LocalDateTime) -> Bool { a.description < b.description }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = LocalDateTime(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a local time like 2026-03-14T09:00"))
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A calendar day in a zone ("2026-03-29").
package struct LocalDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    package init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, refusing days that do not exist (2026-02-30).
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (2000...2100).contains(year)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    package var description: String {
        "\(year)-\(LocalDateTime.two(month))-\(LocalDateTime.two(day))"
    }

    /// 1 = Monday … 7 = Sunday.
    package var weekday: Int {
        let weekday = Self.gregorian.component(.weekday, from: noon)
        return weekday == 1 ? 7 : weekday - 1
    }

    /// The next calendar day.
    package var next: LocalDay {
        let date = Self.gregorian.date(byAdding: .day, value: 1, to: noon) ?? noon
        let parts = Self.gregorian.dateComponents([.year, .month, .day], from: date)
        return LocalDay(year: parts.year ?? year, month: parts.month ?? month, day: parts.day ?? day)
    }

    private var noon: Date {
        Self.gregorian.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date()
    }

    private static let gregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }()

    package static func < (a: LocalDay, b: LocalDay) -> Bool { a.description < b.description }

    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = LocalDay(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a day like 2026-03-14"))
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

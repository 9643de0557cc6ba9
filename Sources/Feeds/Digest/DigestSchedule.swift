import Community
import Foundation

/// When a zone's digests fall due, from its file's send time ("07:30", local) and weekly day ("saturday").
package enum DigestSchedule {
    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// The latest moment at or before `now` when `frequency` digests are due; nil if the settings cannot be read
    /// (zone files are validated before they are loaded, so that does not happen in a running hub).
    package static func latestDue(
        _ frequency: DigestFrequency, settings: ZoneDefinition.Digest, timeZone identifier: String, now: Date
    ) -> Date? {
        let parts = settings.sendTime.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, let timeZone = TimeZone(identifier: identifier) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var wanted = DateComponents(hour: parts[0], minute: parts[1], second: 0)
        if frequency == .weekly {
            guard let day = weekdays.firstIndex(of: settings.weeklyDay.lowercased()) else { return nil }
            wanted.weekday = day + 1
        }
        if calendar.date(now, matchesComponents: wanted) { return now }
        return calendar.nextDate(after: now, matching: wanted, matchingPolicy: .nextTime, direction: .backward)
    }
}

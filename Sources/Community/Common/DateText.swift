import Foundation

/// Dates written and read with formatters made once per locale, time zone and pattern: building a formatter costs
/// far more than using it (pages, feeds and digests format dates by the thousand), and Foundation's formatters may
/// be shared between threads once configured.
package enum DateText {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var formatters: [String: DateFormatter] = [:]

    /// `date` in `pattern`, for `locale` ("fr_FR", "en_US_POSIX"…) in `timeZone`, on the Gregorian calendar.
    package static func format(_ date: Date, locale: String, timeZone: TimeZone, pattern: String) -> String {
        formatter(locale: locale, timeZone: timeZone, pattern: pattern).string(from: date)
    }

    /// The date `text` spells in `pattern`, or nil.
    package static func parse(_ text: String, locale: String, timeZone: TimeZone, pattern: String) -> Date? {
        formatter(locale: locale, timeZone: timeZone, pattern: pattern).date(from: text)
    }

    private static func formatter(locale: String, timeZone: TimeZone, pattern: String) -> DateFormatter {
        let key = "\(locale)|\(timeZone.identifier)|\(pattern)"
        return lock.withLock {
            if let kept = formatters[key] { return kept }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: locale)
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = timeZone
            formatter.dateFormat = pattern
            formatters[key] = formatter
            return formatter
        }
    }
}

import Foundation

/// Dates as each feed format requires them, whatever the process locale: readers drop entries whose dates they
/// cannot parse, so these always use `en_US_POSIX`.
package enum FeedDates {
    /// RFC 822 (RSS 2.0): "Sat, 14 Mar 2026 10:00:00 +0000".
    package static func rfc822(_ date: Date) -> String {
        rfc822Formatter.string(from: date)
    }

    /// RFC 3339 (Atom, JSON Feed): "2026-03-14T10:00:00Z".
    package static func rfc3339(_ date: Date) -> String {
        rfc3339Formatter.string(from: date)
    }

    /// French wording for entry content, in Paris time: "21 mars 2026 à 10:00".
    package static func french(_ date: Date, withTime: Bool) -> String {
        (withTime ? frenchWithTime : frenchDay).string(from: date)
    }

    // Made once: building a formatter costs far more than using it (a digest run formats dates by the hundred
    // thousand), and Foundation's formatters may be shared between threads once configured.
    private static let rfc822Formatter = formatter(
        "en_US_POSIX", TimeZone(secondsFromGMT: 0)!, "EEE, dd MMM yyyy HH:mm:ss Z")
    private static let rfc3339Formatter = formatter(
        "en_US_POSIX", TimeZone(secondsFromGMT: 0)!, "yyyy-MM-dd'T'HH:mm:ss'Z'")
    private static let paris = TimeZone(identifier: "Europe/Paris")!
    private static let frenchWithTime = formatter("fr_FR", paris, "d MMMM yyyy 'à' HH:mm")
    private static let frenchDay = formatter("fr_FR", paris, "d MMMM yyyy")

    private static func formatter(_ locale: String, _ timeZone: TimeZone, _ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = timeZone
        formatter.dateFormat = pattern
        return formatter
    }
}

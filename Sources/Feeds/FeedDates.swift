import Community
import Foundation

/// Dates as each feed format requires them, whatever the process locale: readers drop entries whose dates they
/// cannot parse, so these always use `en_US_POSIX`.
package enum FeedDates {
    /// RFC 822 (RSS 2.0): "Sat, 14 Mar 2026 10:00:00 +0000".
    package static func rfc822(_ date: Date) -> String {
        DateText.format(date, locale: "en_US_POSIX", timeZone: .gmt, pattern: "EEE, dd MMM yyyy HH:mm:ss Z")
    }

    /// RFC 3339 (Atom, JSON Feed): "2026-03-14T10:00:00Z".
    package static func rfc3339(_ date: Date) -> String {
        DateText.format(date, locale: "en_US_POSIX", timeZone: .gmt, pattern: "yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    /// French wording for entry content, in Paris time: "21 mars 2026 à 10:00".
    package static func french(_ date: Date, withTime: Bool) -> String {
        DateText.format(
            date, locale: "fr_FR", timeZone: paris, pattern: withTime ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy")
    }

    private static let paris = TimeZone(identifier: "Europe/Paris")!
}

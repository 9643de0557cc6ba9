import Community
import Foundation

/// One event of a published calendar.
package struct CalendarEvent: Equatable, Sendable {
    package enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case tentative = "TENTATIVE"
        case cancelled = "CANCELLED"
    }

    /// Permanent: the same event keeps its UID through every change.
    package var uid: String
    /// Bumped at every change, so clients replace their copy.
    package var sequence: Int
    /// When this version of the event was written.
    package var stamp: Date
    package var start: Date
    package var end: Date
    package var timeZone: String
    package var summary: String
    package var description: String
    package var location: String
    package var url: String
    package var status: Status

    package init(
        uid: String, sequence: Int, stamp: Date, start: Date, end: Date, timeZone: String, summary: String,
        description: String, location: String, url: String, status: Status
    ) {
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
    }
}

/// Renders an RFC 5545 calendar: Europe/Paris times carry a TZID and the calendar its VTIMEZONE; any other zone's
/// times are written in UTC.
package enum ICalendarRenderer {
    package static func render(name: String, events: [CalendarEvent]) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//zonehub//pop-up shops//FR", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:\(ICalendarText.escape(name))", "X-WR-TIMEZONE:Europe/Paris",
        ]
        if events.contains(where: { $0.timeZone == paris }) { lines += parisTimeZone }
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(event.uid)", "SEQUENCE:\(event.sequence)"]
            lines.append("DTSTAMP:\(ICalendarText.utc(event.stamp))")
            lines.append(time("DTSTART", event.start, event.timeZone))
            lines.append(time("DTEND", event.end, event.timeZone))
            lines.append("SUMMARY:\(ICalendarText.escape(event.summary))")
            if !event.description.isEmpty { lines.append("DESCRIPTION:\(ICalendarText.escape(event.description))") }
            if !event.location.isEmpty { lines.append("LOCATION:\(ICalendarText.escape(event.location))") }
            lines += ["URL:\(event.url)", "STATUS:\(event.status.rawValue)", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined(separator: "\r\n") + "\r\n"
    }

    static let paris = "Europe/Paris"

    private static func time(_ name: String, _ date: Date, _ timeZone: String) -> String {
        if timeZone == paris, let zone = TimeZone(identifier: paris) {
            return "\(name);TZID=\(paris):\(ICalendarText.local(date, zone))"
        }
        return "\(name):\(ICalendarText.utc(date))"
    }

    /// Central European time since 1996: summer time from the last Sunday of March to the last Sunday of October.
    static let parisTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}

import Community
import Foundation
import PopUps

/// The calendars of pop-up shops: a zone's or a venue's slots, and a merchant's own bookings.
package enum PopUpCalendar {
    /// One event per slot (cancelled slots stay, marked cancelled, so calendars drop them).
    package static func slots(
        _ slots: [PopUpSlot], venues: [PopUpVenue.ID: PopUpVenue], name: String, baseURL: String
    ) -> String {
        let events = slots.compactMap { slot -> CalendarEvent? in
            guard let venue = venues[slot.venueID] else { return nil }
            return CalendarEvent(
                uid: "pop-up-slot-\(slot.id)@\(host(baseURL))", sequence: slot.sequence, stamp: slot.updatedAt,
                start: slot.startsAt, end: slot.endsAt, timeZone: slot.timeZone,
                summary: "Boutique éphémère : \(venue.name)",
                description: "\(slot.capacity) \(slot.capacity > 1 ? "emplacements" : "emplacement"). \(venue.details.description)"
                    .trimmingCharacters(in: .whitespaces),
                location: "\(venue.details.address), \(venue.details.commune)",
                url: "\(baseURL)/pop-up-slots/\(slot.id)", status: slot.status == .open ? .confirmed : .cancelled)
        }
        return ICalendarRenderer.render(name: name, events: events)
    }

    /// One event per booking of a merchant: confirmed, tentative while requested or offered, else cancelled.
    package static func bookings(
        _ rows: [(PopUpBooking, PopUpSlot, PopUpVenue)], merchantName: String, baseURL: String
    ) -> String {
        let events = rows.map { booking, slot, venue in
            let status: CalendarEvent.Status =
                switch booking.status {
                case .confirmed where slot.status == .open: .confirmed
                case .requested, .offered, .waiting: slot.status == .open ? .tentative : .cancelled
                default: .cancelled
                }
            return CalendarEvent(
                uid: "pop-up-booking-\(booking.id)@\(host(baseURL))", sequence: booking.sequence,
                stamp: max(booking.updatedAt, slot.updatedAt), start: slot.startsAt, end: slot.endsAt,
                timeZone: slot.timeZone, summary: "\(merchantName) à la boutique éphémère \(venue.name)",
                description: venue.details.houseRules,
                location: "\(venue.details.address), \(venue.details.commune)",
                url: "\(baseURL)/pop-up-slots/\(slot.id)", status: status)
        }
        return ICalendarRenderer.render(name: "\(merchantName) : boutiques éphémères", events: events)
    }

    static func host(_ baseURL: String) -> String {
        URLComponents(string: baseURL)?.host ?? "zonehub"
    }
}

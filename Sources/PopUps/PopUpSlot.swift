import Community
import Foundation

/// Whether a slot still takes place.
package enum PopUpSlotStatus: String, Codable, Sendable {
    case open, cancelled
}

/// One period a venue is lent for, with its number of places.
package struct PopUpSlot: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<PopUpSlot>

    package let id: ID
    package let venueID: PopUpVenue.ID
    package let seriesID: PopUpSeries.ID?
    /// Wall-clock start and end in `timeZone`: what the organiser chose and what the calendar shows.
    package let start: LocalDateTime
    package let end: LocalDateTime
    package let timeZone: String
    /// The instants, derived from the wall times when the slot is stored.
    package let startsAt: Date
    package let endsAt: Date
    package let capacity: Int
    package let priceCents: Int?
    /// Bookings are taken from `opensAt` (nil: at once) until `closesAt` (nil: until the slot starts).
    package let opensAt: Date?
    package let closesAt: Date?
    package let status: PopUpSlotStatus
    /// Places held by requested, confirmed and offered bookings.
    package let held: Int
    /// Merchants waiting for a place.
    package let waiting: Int
    /// Bumped at every change, for calendar clients.
    package let sequence: Int
    package let updatedAt: Date

    package init(
        id: ID, venueID: PopUpVenue.ID, seriesID: PopUpSeries.ID?, start: LocalDateTime, end: LocalDateTime,
        timeZone: String, startsAt: Date, endsAt: Date, capacity: Int, priceCents: Int?, opensAt: Date?,
        closesAt: Date?, status: PopUpSlotStatus, held: Int, waiting: Int, sequence: Int, updatedAt: Date
    ) {
        self.id = id
        self.venueID = venueID
        self.seriesID = seriesID
        self.start = start
        self.end = end
        self.timeZone = timeZone
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.capacity = capacity
        self.priceCents = priceCents
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.status = status
        self.held = held
        self.waiting = waiting
        self.sequence = sequence
        self.updatedAt = updatedAt
    }

    /// Places nobody holds.
    package var free: Int { max(0, capacity - held) }
}

/// A slot as an organiser asks for it, before it is stored.
package struct PopUpSlotDraft: Codable, Equatable, Sendable {
    package var start: LocalDateTime
    package var end: LocalDateTime
    /// Nil: the venue's number of stalls.
    package var capacity: Int?
    package var priceCents: Int?
    package var opensAt: Date?
    package var closesAt: Date?

    package init(
        start: LocalDateTime, end: LocalDateTime, capacity: Int? = nil, priceCents: Int? = nil, opensAt: Date? = nil,
        closesAt: Date? = nil
    ) {
        self.start = start
        self.end = end
        self.capacity = capacity
        self.priceCents = priceCents
        self.opensAt = opensAt
        self.closesAt = closesAt
    }
}

/// A slot ready to store: validated, with its instants computed in the zone's time zone.
package struct PopUpSlotPlan: Equatable, Sendable {
    package let start: LocalDateTime
    package let end: LocalDateTime
    package let timeZone: String
    package let startsAt: Date
    package let endsAt: Date
    package let capacity: Int
    package let priceCents: Int?
    package let opensAt: Date?
    package let closesAt: Date?
}

/// Every week on the chosen days, from one day to another, except blackout dates.
package struct PopUpSeries: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<PopUpSeries>

    package let id: ID
    package let venueID: PopUpVenue.ID
    package let rule: PopUpSeriesRule
    package let cancelled: Bool
}

/// The recurrence of a series, as the organiser writes it.
package struct PopUpSeriesRule: Codable, Equatable, Sendable {
    /// 1 = Monday … 7 = Sunday.
    package var weekdays: [Int]
    /// `HH:MM`, wall-clock.
    package var startTime: String
    package var endTime: String
    package var firstDay: LocalDay
    package var lastDay: LocalDay
    package var blackouts: [LocalDay]
    package var capacity: Int?
    package var priceCents: Int?

    package init(
        weekdays: [Int], startTime: String, endTime: String, firstDay: LocalDay, lastDay: LocalDay,
        blackouts: [LocalDay] = [], capacity: Int? = nil, priceCents: Int? = nil
    ) {
        self.weekdays = weekdays
        self.startTime = startTime
        self.endTime = endTime
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.blackouts = blackouts
        self.capacity = capacity
        self.priceCents = priceCents
    }
}

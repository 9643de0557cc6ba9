import Community
import Foundation

/// Storage of organiser grants, venues, series and slots; each write is one transaction with its audit entry.
package protocol PopUpStore: Sendable {
    func grantOrganiser(_ user: User.ID, zone: Zone.ID, by actor: User.ID, at date: Date) async throws
    func revokeOrganiser(_ user: User.ID, zone: Zone.ID, by actor: User.ID, at date: Date) async throws
    func isOrganiser(_ user: User.ID, zone: Zone.ID) async throws -> Bool
    /// The zones whose pop-up venues `user` was named to organise.
    func organisedZones(_ user: User.ID) async throws -> [Zone.ID]
    /// The people named to organise the zone's pop-up venues, in the order they were named.
    func organisers(zone: Zone.ID) async throws -> [User.ID]
    func createVenue(zone: Zone.ID, details: PopUpVenueDetails, by actor: User.ID, at date: Date) async throws
        -> PopUpVenue
    func updateVenue(_ id: PopUpVenue.ID, details: PopUpVenueDetails, by actor: User.ID, at date: Date) async throws
        -> PopUpVenue
    func venue(id: PopUpVenue.ID) async throws -> PopUpVenue?
    func venues(zone: Zone.ID) async throws -> [PopUpVenue]
    /// Stores slots, and the series they come from when `series` is given.
    func createSlots(
        venue: PopUpVenue.ID, plans: [PopUpSlotPlan], series: PopUpSeriesRule?, by actor: User.ID, at date: Date
    ) async throws -> [PopUpSlot]
    func slot(id: PopUpSlot.ID) async throws -> PopUpSlot?
    func slots(_ query: PopUpSlotQuery) async throws -> [PopUpSlot]
    func series(id: PopUpSeries.ID) async throws -> PopUpSeries?
    /// Moves open slots to new times and places and cancels others, in one transaction; bumps the sequence of every
    /// slot and live booking it touches, cancels the bookings of cancelled slots, and stores the series' new rule.
    /// Returns what each affected merchant must be told.
    func change(_ change: PopUpSlotChange, by actor: User.ID, at date: Date) async throws -> [PopUpNotice]
}

/// Which slots a listing wants.
package struct PopUpSlotQuery: Equatable, Sendable {
    package var zoneID: Zone.ID?
    package var venueID: PopUpVenue.ID?
    package var seriesID: PopUpSeries.ID?
    /// Only slots ending after this moment.
    package var endingAfter: Date?
    package var includeCancelled: Bool
    package var limit: Int

    package init(
        zoneID: Zone.ID? = nil, venueID: PopUpVenue.ID? = nil, seriesID: PopUpSeries.ID? = nil,
        endingAfter: Date? = nil, includeCancelled: Bool = false, limit: Int = 200
    ) {
        self.zoneID = zoneID
        self.venueID = venueID
        self.seriesID = seriesID
        self.endingAfter = endingAfter
        self.includeCancelled = includeCancelled
        self.limit = limit
    }
}

/// An edit of slots: new times or places for some, cancellation for others.
package struct PopUpSlotChange: Equatable, Sendable {
    package var reschedule: [PopUpSlot.ID: PopUpSlotPlan]
    package var cancel: [PopUpSlot.ID]
    package var reason: String?
    /// The series whose rule changes with it (and whether it is cancelled as a whole).
    package var series: (id: PopUpSeries.ID, rule: PopUpSeriesRule, cancelled: Bool)?

    package init(
        reschedule: [PopUpSlot.ID: PopUpSlotPlan] = [:], cancel: [PopUpSlot.ID] = [], reason: String? = nil,
        series: (id: PopUpSeries.ID, rule: PopUpSeriesRule, cancelled: Bool)? = nil
    ) {
        self.reschedule = reschedule
        self.cancel = cancel
        self.reason = reason
        self.series = series
    }

    package static func == (a: PopUpSlotChange, b: PopUpSlotChange) -> Bool {
        a.reschedule == b.reschedule && a.cancel == b.cancel && a.reason == b.reason
            && a.series?.id == b.series?.id && a.series?.rule == b.series?.rule
            && a.series?.cancelled == b.series?.cancelled
    }
}

/// Storage of bookings and waitlists; capacity, overlap and quota are enforced by the database in the same
/// transaction, and surface as conflicts (`slot_full`, `booking_overlaps`, `quota_reached`, `already_booked`).
package protocol PopUpBookingStore: Sendable {
    /// Books `slot` for the merchant with `merchantSlug` in one transaction: reads them, asks `admit` (the service's
    /// rules) for the status to take (requested or confirmed), and inserts it; when the slot is full, joins the
    /// waitlist if `waitlist` is set, else fails with `slot_full`.
    func book(
        slot: PopUpSlot.ID, merchantSlug: String, waitlist: Bool, by actor: User.ID, at date: Date,
        admit: @escaping @Sendable (PopUpBookingContext) throws -> PopUpBookingStatus
    ) async throws -> PopUpBooking
    /// Moves a booking from one of `from` to `to`; a place it frees is offered to the next merchant waiting.
    /// Returns the booking and the notices for everyone it affected.
    func transition(
        _ id: PopUpBooking.ID, from: Set<PopUpBookingStatus>, to: PopUpBookingStatus, reason: String?,
        offerFor: TimeInterval, by actor: User.ID?, at date: Date
    ) async throws -> (booking: PopUpBooking, notices: [PopUpNotice])
    /// Lapses offers that ran out by `date` and passes each place to the next merchant waiting.
    func lapseOffers(at date: Date, offerFor: TimeInterval) async throws -> [PopUpNotice]
    /// Remembers the post that announces a booking.
    func setPost(_ post: Post.ID?, for booking: PopUpBooking.ID) async throws
    func booking(id: PopUpBooking.ID) async throws -> PopUpBooking?
    func bookings(slot: PopUpSlot.ID) async throws -> [PopUpBooking]
    /// A merchant's bookings of slots ending after `endingAfter`, soonest first.
    func bookings(merchant: Merchant.ID, endingAfter: Date?) async throws -> [PopUpBooking]
    /// Requests waiting for an organiser at the venues of `zones` (every zone when nil), for slots ending after
    /// `endingAfter`, oldest request first.
    func requests(zones: [Zone.ID]?, endingAfter: Date, limit: Int) async throws -> [PopUpBooking]
}

/// What the booking rules look at, read in the booking's own transaction.
package struct PopUpBookingContext: Sendable {
    package let merchantID: Merchant.ID
    package let merchantName: String
    package let ownerID: User.ID
    package let merchantZones: [Zone.ID]
    package let slot: PopUpSlot
    package let venue: PopUpVenue
}

import Community
import Foundation

/// What organisers and zone admins need on their own pages: the zone's organisers, a series, every problem of a
/// venue's details at once.
extension PopUpService {
    /// The people named to organise the zone's pop-up venues; only its admins and hub operators may see them.
    package func organisers(zoneSlug: String, by actor: User) async throws -> (zone: Zone, organisers: [User]) {
        let (zone, _) = try await venues(zoneSlug: zoneSlug)
        guard actor.administers(zone.id) else {
            throw CommunityError.forbidden("only the zone's admins can name its pop-up organisers")
        }
        var people: [User] = []
        for id in try await store.organisers(zone: zone.id) {
            if let user = try await accounts.user(id: id) { people.append(user) }
        }
        return (zone, people)
    }

    /// A series that still runs, with its venue and zone, for its organisers.
    package func series(_ id: PopUpSeries.ID, by actor: User) async throws
        -> (series: PopUpSeries, venue: PopUpVenue, zone: Zone)
    {
        guard let series = try await store.series(id: id), !series.cancelled else {
            throw PopUpNotFound.series.notFound
        }
        let (venue, zone) = try await organisedVenue(series.venueID, actor)
        return (series, venue, zone)
    }

    /// Every problem of a venue's details, one per field at fault, in the form's order (empty when they are fine).
    package static func problems(_ details: PopUpVenueDetails) -> [CommunityError] {
        PopUpRules.problems(details)
    }

    /// Every problem of a slot's new times, places, price and booking window at once, read in its venue's zone.
    package func problems(_ draft: PopUpSlotDraft, of slot: PopUpSlot) async throws -> [CommunityError] {
        let (venue, zone) = try await venueInZone(slot.venueID)
        return PopUpRules.planProblems(draft, venue: venue, timeZone: zone.definition.timeZone, now: clock.now())
    }

    /// Every problem of a series' rule at once.
    package static func problems(_ rule: PopUpSeriesRule) -> [CommunityError] { PopUpRules.problems(rule) }
}

/// The zones whose pop-up requests an organiser answers.
extension BookingService {
    /// A request waiting for an organiser, with what the requests page shows of it.
    package struct Request: Sendable {
        package let booking: PopUpBooking
        package let slot: PopUpSlot
        package let venue: PopUpVenue
    }

    /// The booking requests waiting at the venues `actor` organises (every zone for a hub operator), for slots
    /// that have not ended, oldest first.
    package func requests(by actor: User, limit: Int = 300) async throws -> [Request] {
        var zones: [Zone.ID]?
        if actor.role != .hubOperator {
            zones = Array(try await popUps.organisedZones(actor).union(actor.zoneIDs)).sorted {
                $0.rawValue < $1.rawValue
            }
        }
        var rows: [Request] = []
        var venues: [PopUpVenue.ID: PopUpVenue] = [:]
        for booking in try await bookings.requests(zones: zones, endingAfter: clock.now(), limit: limit) {
            let slot = try await popUps.slot(booking.slotID)
            let venue: PopUpVenue
            if let known = venues[slot.venueID] {
                venue = known
            } else {
                venue = try await popUps.venue(slot.venueID)
                venues[venue.id] = venue
            }
            rows.append(Request(booking: booking, slot: slot, venue: venue))
        }
        return rows
    }
}

import Community
import Foundation
import PopUps

/// A venue as the API shows it.
struct PopUpVenuePayload: Codable {
    let id: Int64
    let zone: String
    let details: PopUpVenueDetails
    let url: String
    let calendar: String

    init(_ venue: PopUpVenue, zone: String, baseURL: String) {
        id = venue.id.rawValue
        self.zone = zone
        details = venue.details
        url = "\(baseURL)/pop-up-venues/\(venue.id)"
        calendar = "\(baseURL)/pop-up-venues/\(venue.id)/calendar.ics"
    }
}

/// A slot with its free places.
struct PopUpSlotPayload: Codable {
    let id: Int64
    let venue: Int64
    let series: Int64?
    let start: LocalDateTime
    let end: LocalDateTime
    let timeZone: String
    let startsAt: Date
    let endsAt: Date
    let capacity: Int
    let free: Int
    let waiting: Int
    let priceCents: Int?
    let opensAt: Date?
    let closesAt: Date?
    let status: PopUpSlotStatus
    let sequence: Int
    let url: String

    init(_ slot: PopUpSlot, baseURL: String) {
        id = slot.id.rawValue
        venue = slot.venueID.rawValue
        series = slot.seriesID?.rawValue
        start = slot.start
        end = slot.end
        timeZone = slot.timeZone
        startsAt = slot.startsAt
        endsAt = slot.endsAt
        capacity = slot.capacity
        free = slot.free
        waiting = slot.waiting
        priceCents = slot.priceCents
        opensAt = slot.opensAt
        closesAt = slot.closesAt
        status = slot.status
        sequence = slot.sequence
        url = "\(baseURL)/pop-up-slots/\(slot.id)"
    }
}

/// A booking or waitlist place.
struct PopUpBookingPayload: Codable {
    let id: Int64
    let slot: Int64
    let merchant: String
    let status: PopUpBookingStatus
    let reason: String?
    let offerExpiresAt: Date?
    let post: Int64?
    let sequence: Int

    init(_ booking: PopUpBooking) {
        id = booking.id.rawValue
        slot = booking.slotID.rawValue
        merchant = booking.merchantName
        status = booking.status
        reason = booking.reason
        offerExpiresAt = booking.offerExpiresAt
        post = booking.postID?.rawValue
        sequence = booking.sequence
    }
}

/// What an organiser sends to create or edit a venue; left-out fields take their defaults.
struct PopUpVenueRequest: Codable {
    let name: String
    let address: String
    let commune: String
    let description: String?
    let photoURL: String?
    let capacity: Int
    let accessibility: String?
    let houseRules: String?
    let needsApproval: Bool?
    let cancellationHours: Int?
    let quota: Int?
    let quotaPeriod: PopUpQuotaPeriod?

    var details: PopUpVenueDetails {
        PopUpVenueDetails(
            name: name, address: address, commune: commune, description: description ?? "", photoURL: photoURL,
            capacity: capacity, accessibility: accessibility ?? "", houseRules: houseRules ?? "",
            needsApproval: needsApproval ?? false, cancellationHours: cancellationHours ?? 48, quota: quota,
            quotaPeriod: quotaPeriod ?? .month)
    }
}

/// A weekly series as a client sends it.
struct PopUpSeriesRequest: Codable {
    let weekdays: [Int]
    let startTime: String
    let endTime: String
    let firstDay: LocalDay
    let lastDay: LocalDay
    let blackouts: [LocalDay]?
    let capacity: Int?
    let priceCents: Int?

    var rule: PopUpSeriesRule {
        PopUpSeriesRule(
            weekdays: weekdays, startTime: startTime, endTime: endTime, firstDay: firstDay, lastDay: lastDay,
            blackouts: blackouts ?? [], capacity: capacity, priceCents: priceCents)
    }
}

struct PopUpBookingRequest: Codable {
    let merchant: String
    /// Join the waitlist when the slot is full (default true).
    let waitlist: Bool?
}

struct PopUpReasonRequest: Codable {
    let reason: String?
}

struct PopUpOrganiserRequest: Codable {
    let email: String
}

/// A merchant's coming bookings and the address of its private calendar.
struct PopUpMerchantBookingsPayload: Codable {
    let items: [PopUpBookingPayload]
    let calendar: String
}

extension PathID {
    static func id<T>(_ context: HubRequestContext, _ what: PopUpNotFound) throws -> Identifier<T> {
        try identifier(context, missing: what)
    }
}

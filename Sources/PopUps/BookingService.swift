import Community
import Foundation
import Logging

/// Merchants' bookings of pop-up slots, the organisers' approvals, and the waitlist.
package struct BookingService: Sendable {
    /// How long a freed place stays offered to the first merchant waiting before it passes to the next.
    package static let offerLifetime: TimeInterval = 24 * 3600

    let bookings: any PopUpBookingStore
    let popUps: PopUpService
    let merchants: any MerchantStore
    let announcer: PopUpAnnouncer
    let notifier: any PopUpNotifier
    let clock: any HubClock

    package init(
        bookings: any PopUpBookingStore, popUps: PopUpService, merchants: any MerchantStore, announcer: PopUpAnnouncer,
        notifier: any PopUpNotifier, clock: any HubClock
    ) {
        self.bookings = bookings
        self.popUps = popUps
        self.merchants = merchants
        self.announcer = announcer
        self.notifier = notifier
        self.clock = clock
    }

    /// Books a place for one of the actor's merchant profiles: confirmed at once, or requested when the venue needs
    /// approval; when the slot is full, a place on the waitlist if `waitlist`, else `slot_full`.
    package func book(_ slotID: PopUpSlot.ID, merchantSlug: String, waitlist: Bool, by actor: User) async throws
        -> PopUpBooking
    {
        guard actor.role == .merchant || actor.role == .hubOperator else {
            throw CommunityError.forbidden("only merchants can book a pop-up slot")
        }
        let now = clock.now()
        // The rules run on the merchant, slot and venue as the booking's own transaction reads them.
        let booking = try await bookings.book(
            slot: slotID, merchantSlug: merchantSlug, waitlist: waitlist, by: actor.id, at: now
        ) { context in try Self.admit(context, actor: actor, now: now) }
        if booking.status == .confirmed { return try await announcer.announce(booking) }
        return booking
    }

    /// The status a new booking starts in, or why it cannot be made.
    static func admit(_ context: PopUpBookingContext, actor: User, now: Date) throws(CommunityError)
        -> PopUpBookingStatus
    {
        let (slot, venue) = (context.slot, context.venue)
        guard context.ownerID == actor.id || actor.role == .hubOperator else {
            throw .forbidden("this merchant profile belongs to someone else")
        }
        guard context.merchantZones.contains(venue.zoneID) else {
            throw PopUpField.merchant.invalid("\(context.merchantName) does not belong to this venue's zone")
        }
        guard slot.status == .open else { throw PopUpProblem.slotCancelled.error("this slot was cancelled") }
        guard slot.startsAt > now, slot.closesAt.map({ $0 > now }) ?? true else {
            throw PopUpProblem.bookingClosed.error("bookings for this slot are closed")
        }
        if let opens = slot.opensAt, opens > now {
            throw PopUpProblem.bookingNotOpen.error("bookings for this slot have not opened yet")
        }
        return venue.details.needsApproval ? .requested : .confirmed
    }

    /// An organiser confirms a requested booking; the merchant is told and the booking announced.
    package func approve(_ id: PopUpBooking.ID, by actor: User) async throws -> PopUpBooking {
        let booking = try await organisedBooking(id, actor)
        let (approved, notices) = try await bookings.transition(
            booking.id, from: [.requested], to: .confirmed, reason: nil, offerFor: Self.offerLifetime, by: actor.id,
            at: clock.now())
        await notify(.confirmed, approved, notices)
        return try await announcer.announce(approved)
    }

    /// An organiser refuses a request or a waitlist place, with a reason the merchant reads.
    package func refuse(_ id: PopUpBooking.ID, reason: String?, by actor: User) async throws -> PopUpBooking {
        let reason = try PopUpRules.reason(reason, required: true)
        let booking = try await organisedBooking(id, actor)
        let (refused, notices) = try await bookings.transition(
            booking.id, from: [.requested, .waiting, .offered], to: .refused, reason: reason,
            offerFor: Self.offerLifetime, by: actor.id, at: clock.now())
        await notify(.refused, refused, notices)
        return refused
    }

    /// Cancels a booking or leaves the waitlist. Its merchant may until the venue's cancellation deadline; an
    /// organiser may at any time (the merchant is told). A freed place goes to the next merchant waiting.
    package func cancel(_ id: PopUpBooking.ID, reason: String? = nil, by actor: User) async throws -> PopUpBooking {
        guard let booking = try await bookings.booking(id: id) else { throw PopUpNotFound.booking.notFound }
        let slot = try await popUps.slot(booking.slotID)
        let venue = try await popUps.venue(slot.venueID)
        let now = clock.now()
        let owns = try await owns(booking.merchantID, actor)
        let organises = try await popUps.organises(venue.zoneID, actor)
        guard owns || organises else { throw CommunityError.forbidden("this booking belongs to another merchant") }
        if !organises, booking.status == .confirmed || booking.status == .requested,
            now > slot.startsAt.addingTimeInterval(-Double(venue.details.cancellationHours) * 3600)
        {
            throw PopUpProblem.cancellationDeadlinePassed.error(
                "bookings at this venue can be cancelled up to \(venue.details.cancellationHours) hours before the "
                    + "start")
        }
        let (cancelled, notices) = try await bookings.transition(
            id, from: [.requested, .confirmed, .waiting, .offered], to: .cancelled,
            reason: try PopUpRules.reason(reason, required: false), offerFor: Self.offerLifetime, by: actor.id, at: now)
        await notify(owns ? nil : .cancelledByOrganiser, cancelled, notices)
        await announcer.withdraw(cancelled)
        return cancelled
    }

    /// The merchant takes the place offered to them from the waitlist, while the offer lasts.
    package func accept(_ id: PopUpBooking.ID, by actor: User) async throws -> PopUpBooking {
        guard let booking = try await bookings.booking(id: id) else { throw PopUpNotFound.booking.notFound }
        guard try await owns(booking.merchantID, actor) else {
            throw CommunityError.forbidden("this booking belongs to another merchant")
        }
        guard booking.status == .offered, let expires = booking.offerExpiresAt, expires > clock.now() else {
            throw PopUpProblem.noOffer.error("no place is offered to you for this slot (or the offer ran out)")
        }
        let (accepted, _) = try await bookings.transition(
            id, from: [.offered], to: .confirmed, reason: nil, offerFor: Self.offerLifetime, by: actor.id,
            at: clock.now())
        return try await announcer.announce(accepted)
    }

    /// Lapses offers that ran out and passes their places on; returns how many merchants were offered a place.
    @discardableResult
    package func advance() async throws -> Int {
        let notices = try await bookings.lapseOffers(at: clock.now(), offerFor: Self.offerLifetime)
        await notifier.notify(notices)
        return notices.count
    }

    package func booking(_ id: PopUpBooking.ID, by actor: User) async throws -> PopUpBooking {
        guard let booking = try await bookings.booking(id: id) else { throw PopUpNotFound.booking.notFound }
        let slot = try await popUps.slot(booking.slotID)
        let venue = try await popUps.venue(slot.venueID)
        let owns = try await owns(booking.merchantID, actor)
        let organises = try await popUps.organises(venue.zoneID, actor)
        guard owns || organises else { throw PopUpNotFound.booking.notFound }
        return booking
    }

    /// Every booking and waitlist place of a slot, for its organisers.
    package func bookings(slot id: PopUpSlot.ID, by actor: User) async throws -> [PopUpBooking] {
        let slot = try await popUps.slot(id)
        _ = try await popUps.organisedVenue(slot.venueID, actor)
        return try await bookings.bookings(slot: id)
    }

    /// The coming bookings of one of the actor's merchant profiles.
    package func bookings(merchantSlug: String, by actor: User) async throws -> [PopUpBooking] {
        let merchant = try await ownedMerchant(merchantSlug, by: actor)
        return try await bookings.bookings(merchant: merchant.id, endingAfter: clock.now())
    }

    /// Cancels every coming booking and waitlist place of a merchant that leaves the hub, whatever the venue's
    /// deadline (a place held by a shop that is gone helps nobody); each freed place goes to the next merchant
    /// waiting. Returns how many were cancelled; safe to run again.
    package func release(merchant id: Merchant.ID, by actor: User) async throws -> Int {
        let live: Set<PopUpBookingStatus> = [.requested, .confirmed, .waiting, .offered]
        var released = 0
        for booking in try await bookings.bookings(merchant: id, endingAfter: clock.now())
        where live.contains(booking.status) {
            let (cancelled, notices) = try await bookings.transition(
                booking.id, from: live, to: .cancelled, reason: "Le commerce a quitté le site.",
                offerFor: Self.offerLifetime, by: actor.id, at: clock.now())
            await notify(nil, cancelled, notices)
            await announcer.withdraw(cancelled)
            released += 1
        }
        return released
    }

    /// A merchant's bookings with their slots and venues, for its private calendar (past month included).
    package func calendar(merchant id: Merchant.ID) async throws -> [(PopUpBooking, PopUpSlot, PopUpVenue)] {
        var rows: [(PopUpBooking, PopUpSlot, PopUpVenue)] = []
        for booking in try await bookings.bookings(
            merchant: id, endingAfter: clock.now().addingTimeInterval(-30 * 86400))
        where booking.status != .waiting && booking.status != .lapsed {
            let slot = try await popUps.slot(booking.slotID)
            rows.append((booking, slot, try await popUps.venue(slot.venueID)))
        }
        return rows
    }

    private func notify(_ kind: PopUpNotice.Kind?, _ booking: PopUpBooking, _ others: [PopUpNotice]) async {
        var notices = others
        if let kind, let slot = try? await popUps.slot(booking.slotID),
            let venue = try? await popUps.venue(slot.venueID)
        {
            notices.insert(PopUpNotice(kind: kind, booking: booking, slot: slot, venueName: venue.name), at: 0)
        }
        await notifier.notify(notices)
    }

    private func organisedBooking(_ id: PopUpBooking.ID, _ actor: User) async throws -> PopUpBooking {
        guard let booking = try await bookings.booking(id: id) else { throw PopUpNotFound.booking.notFound }
        let slot = try await popUps.slot(booking.slotID)
        _ = try await popUps.organisedVenue(slot.venueID, actor)
        return booking
    }

    private func ownedMerchant(_ slug: String, by actor: User) async throws -> Merchant {
        guard actor.role == .merchant || actor.role == .hubOperator else {
            throw CommunityError.forbidden("only merchants can book a pop-up slot")
        }
        guard let merchant = try await merchants.merchant(slug: slug) else { throw CommunityNotFound.merchant.notFound }
        guard merchant.ownerID == actor.id || actor.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return merchant
    }

    private func owns(_ merchant: Merchant.ID, _ actor: User) async throws -> Bool {
        if actor.role == .hubOperator { return true }
        return try await merchants.merchant(id: merchant)?.ownerID == actor.id
    }
}

import Community
import Foundation
import HubTestSupport
import PopUps
import Testing

@Suite struct BookingServiceTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
    }

    func slot(
        _ venue: PopUpVenue, _ organiser: User, _ start: String = "2026-03-21T09:00", _ end: String = "2026-03-21T18:00"
    )
        async throws -> PopUpSlot
    {
        try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at(start), end: .at(end)), by: organiser)
    }

    @Test func aConfirmedBookingPublishesAnEventPostInTheZone() async throws {
        let (venue, organiser) = try await hub.venue()
        let slot = try await slot(venue, organiser)
        let shop = try await hub.merchants(1)[0]
        let booking = try await hub.bookings.book(
            slot.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        #expect(booking.status == .confirmed)
        let postID = try #require(booking.postID)
        let post = try #require(try await hub.postStore.post(id: postID))
        #expect(post.content.title == "Retrouvez Boutique M 0 à la boutique éphémère La Halle, samedi 21 mars")
        #expect(post.content.kind == .event)
        #expect(post.status == .published)
        #expect(post.content.eventAt == slot.startsAt)
        #expect(post.content.body.contains("De 9 h à 18 h"))
        #expect(try await hub.posts().live(zone: nil).map(\.id) == [post.id])
        #expect(try await hub.popUpStore.slot(id: slot.id)?.free == 4)
        let cancelled = try await hub.bookings.cancel(booking.id, by: shop.owner)
        #expect(cancelled.status == .cancelled)
        #expect(try await hub.postStore.post(id: post.id)?.status == .withdrawn)
    }

    @Test func aVenueThatNeedsApprovalHoldsTheRequestUntilAnOrganiserDecides() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 2, needsApproval: true)
        let slot = try await slot(venue, organiser)
        let shops = try await hub.merchants(3)
        let first = try await hub.bookings.book(
            slot.id, merchantSlug: shops[0].merchant.slug, waitlist: false, by: shops[0].owner)
        let second = try await hub.bookings.book(
            slot.id, merchantSlug: shops[1].merchant.slug, waitlist: false, by: shops[1].owner)
        #expect(first.status == .requested && first.postID == nil)
        // Requests hold their place while they wait, so a third merchant finds the slot full.
        let third = try await hub.bookings.book(
            slot.id, merchantSlug: shops[2].merchant.slug, waitlist: true, by: shops[2].owner)
        #expect(third.status == .waiting)
        await #expect(throws: CommunityError.forbidden("only the zone's pop-up organisers can do this")) {
            try await hub.bookings.approve(first.id, by: shops[0].owner)
        }
        let approved = try await hub.bookings.approve(first.id, by: organiser)
        #expect(approved.status == .confirmed && approved.postID != nil)
        await #expect(throws: PopUpField.reason.invalid("is required")) {
            try await hub.bookings.refuse(second.id, reason: "  ", by: organiser)
        }
        let refused = try await hub.bookings.refuse(
            second.id, reason: "Stand déjà pris par un fleuriste", by: organiser)
        #expect(refused.status == .refused && refused.reason == "Stand déjà pris par un fleuriste")
        // The freed place goes to the waitlist.
        #expect(try await hub.bookingStore.booking(id: third.id)?.status == .offered)
        let mails = try await hub.outboxStore.messages(recipient: shops[1].owner.email)
        guard case .notice(let subject, let text) = try #require(mails.first).payload else {
            Issue.record("expected a notice")
            return
        }
        #expect(subject == "Réservation refusée : La Halle")
        #expect(text.contains("Motif : Stand déjà pris par un fleuriste"))
        await #expect(throws: CommunityError.self) { try await hub.bookings.approve(refused.id, by: organiser) }
    }

    @Test func aFreedPlaceIsOfferedForADayThenPassesToTheNextOnTheWaitlist() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 1)
        let slot = try await slot(venue, organiser)
        let shops = try await hub.merchants(3)
        let holder = try await hub.bookings.book(
            slot.id, merchantSlug: shops[0].merchant.slug, waitlist: true, by: shops[0].owner)
        let first = try await hub.bookings.book(
            slot.id, merchantSlug: shops[1].merchant.slug, waitlist: true, by: shops[1].owner)
        let second = try await hub.bookings.book(
            slot.id, merchantSlug: shops[2].merchant.slug, waitlist: true, by: shops[2].owner)
        #expect([holder.status, first.status, second.status] == [.confirmed, .waiting, .waiting])
        await #expect(throws: PopUpProblem.slotFull.error("every place of this slot is taken")) {
            try await hub.bookings.book(
                slot.id, merchantSlug: shops[1].merchant.slug, waitlist: false, by: shops[1].owner)
        }
        _ = try await hub.bookings.cancel(holder.id, by: shops[0].owner)
        let offered = try #require(try await hub.bookingStore.booking(id: first.id))
        #expect(offered.status == .offered)
        #expect(offered.offerExpiresAt == hub.clock.now().addingTimeInterval(24 * 3600))
        await #expect(throws: CommunityError.self) { try await hub.bookings.accept(second.id, by: shops[2].owner) }
        hub.clock.advance(by: 24 * 3600 + 1)
        #expect(try await hub.bookings.advance() == 1)
        #expect(try await hub.bookingStore.booking(id: first.id)?.status == .lapsed)
        #expect(try await hub.bookingStore.booking(id: second.id)?.status == .offered)
        let accepted = try await hub.bookings.accept(second.id, by: shops[2].owner)
        #expect(accepted.status == .confirmed && accepted.postID != nil)
        #expect(try await hub.popUpStore.slot(id: slot.id)?.held == 1)
        let mails = try await hub.outboxStore.messages(recipient: shops[2].owner.email)
        #expect(
            mails.contains {
                if case .notice(let subject, _) = $0.payload { subject.hasPrefix("Une place se libère") } else { false }
            })
    }

    @Test func aMerchantCannotCancelPastTheVenuesDeadlineButAnOrganiserCan() async throws {
        let (venue, organiser) = try await hub.venue(cancellationHours: 72)
        // The clock says 14 March 10:00 UTC; the slot starts on the 16th at 09:00 Paris time, within 72 hours.
        let slot = try await slot(venue, organiser, "2026-03-16T09:00", "2026-03-16T18:00")
        let shop = try await hub.merchants(1)[0]
        let booking = try await hub.bookings.book(
            slot.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        await #expect(throws: CommunityError.self) {
            do { _ = try await hub.bookings.cancel(booking.id, by: shop.owner) } catch let error as CommunityError {
                #expect(error.code == "cancellation_deadline_passed")
                throw error
            }
        }
        #expect(try await hub.bookingStore.booking(id: booking.id)?.status == .confirmed)
        let cancelled = try await hub.bookings.cancel(booking.id, reason: "Alerte météo", by: organiser)
        #expect(cancelled.status == .cancelled && cancelled.reason == "Alerte météo")
        #expect(try await hub.outboxStore.messages(recipient: shop.owner.email).count == 1)
    }

    @Test func aMerchantCannotHoldTwoOverlappingBookingsNorExceedTheQuota() async throws {
        let (venue, organiser) = try await hub.venue(quota: 2)
        let (other, otherOrganiser) = try await hub.venue(name: "Le Kiosque")
        let shop = try await hub.merchants(1)[0]
        let morning = try await slot(venue, organiser, "2026-03-21T09:00", "2026-03-21T13:00")
        let overlapping = try await slot(other, otherOrganiser, "2026-03-21T12:00", "2026-03-21T18:00")
        let later = try await slot(other, otherOrganiser, "2026-03-21T13:00", "2026-03-21T18:00")
        _ = try await hub.bookings.book(morning.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        await #expect(
            throws: PopUpProblem.bookingOverlaps.error("this merchant already holds a booking at that time")
        ) {
            try await hub.bookings.book(
                overlapping.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        }
        // Back to back is not an overlap.
        #expect(
            try await hub.bookings.book(later.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
                .status == .confirmed)
        await #expect(throws: CommunityError.self) {
            try await hub.bookings.book(morning.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        }
        let second = try await slot(venue, organiser, "2026-03-28T09:00", "2026-03-28T18:00")
        let third = try await slot(venue, organiser, "2026-03-29T09:00", "2026-03-29T18:00")
        let april = try await slot(venue, organiser, "2026-04-04T09:00", "2026-04-04T18:00")
        _ = try await hub.bookings.book(second.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        await #expect(
            throws: PopUpProblem.quotaReached.error("this merchant has reached the venue's booking quota for the period")
        ) {
            try await hub.bookings.book(third.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        }
        #expect(
            try await hub.bookings.book(april.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
                .status == .confirmed)
    }

    @Test func cancellingASlotCancelsItsBookingsAndLoweringCapacityBelowThemIsRefused() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 3)
        let slot = try await slot(venue, organiser)
        let shops = try await hub.merchants(2)
        for shop in shops {
            _ = try await hub.bookings.book(slot.id, merchantSlug: shop.merchant.slug, waitlist: false, by: shop.owner)
        }
        await #expect(
            throws: PopUpProblem.capacityBelowBookings.error("more places are already booked than this capacity")
        ) {
            try await hub.popUps.editSlot(
                slot.id, PopUpSlotDraft(start: slot.start, end: slot.end, capacity: 1), by: organiser)
        }
        #expect(try await hub.popUpStore.slot(id: slot.id)?.capacity == 3)
        #expect(try await hub.popUpStore.slot(id: slot.id)?.sequence == 0)
        let cancelled = try await hub.popUps.cancelSlot(slot.id, reason: "Dégât des eaux", by: organiser)
        #expect(cancelled.status == .cancelled && cancelled.sequence == 1)
        let bookings = try await hub.bookingStore.bookings(slot: slot.id)
        #expect(bookings.map(\.status) == [.cancelled, .cancelled])
        #expect(bookings.allSatisfy { $0.reason == "Dégât des eaux" && $0.sequence == 1 })
        for shop in shops {
            #expect(try await hub.outboxStore.messages(recipient: shop.owner.email).count == 1)
        }
        await #expect(throws: PopUpProblem.slotCancelled.error("this slot was cancelled")) {
            try await hub.bookings.book(
                slot.id, merchantSlug: shops[0].merchant.slug, waitlist: true, by: shops[0].owner)
        }
    }

    @Test func bookingRulesRefuseOthersProfilesOtherZonesAndResidents() async throws {
        let (venue, organiser) = try await hub.venue()
        let slot = try await slot(venue, organiser)
        let shops = try await hub.merchants(2)
        await #expect(throws: CommunityError.forbidden("this merchant profile belongs to someone else")) {
            try await hub.bookings.book(
                slot.id, merchantSlug: shops[0].merchant.slug, waitlist: false, by: shops[1].owner)
        }
        let resident = try await hub.user("r@example.org", role: .resident)
        await #expect(throws: CommunityError.forbidden("only merchants can book a pop-up slot")) {
            try await hub.bookings.book(slot.id, merchantSlug: shops[0].merchant.slug, waitlist: false, by: resident)
        }
        let betaOwner = try await hub.user("b@example.org", role: .merchant)
        let beta = try await hub.merchant("Fromagerie", owner: betaOwner, zone: "beta")
        await #expect(throws: CommunityError.self) {
            try await hub.bookings.book(slot.id, merchantSlug: beta.slug, waitlist: false, by: betaOwner)
        }
        await #expect(throws: PopUpNotFound.slot.notFound) {
            try await hub.bookings.book(
                PopUpSlot.ID(9999), merchantSlug: shops[0].merchant.slug, waitlist: false, by: shops[0].owner)
        }
        #expect(try await hub.bookingStore.bookings(slot: slot.id).isEmpty)
    }
}

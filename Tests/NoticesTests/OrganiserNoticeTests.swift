import Community
import Feeds
import Foundation
import HubTestSupport
import Notices
import PopUps
import Testing

/// Organisers' notices on a real engine: a request waiting for them, a cancellation; and the sign-up waiting mail
/// that joining sends at once follows each admin's preference.
@Suite struct OrganiserNoticeTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
    }

    func subjects(_ email: String) async throws -> [String] {
        try await hub.outboxStore.messages(recipient: email).compactMap {
            if case .notice(let subject, _) = $0.payload { subject } else { nil }
        }
    }

    @Test func anOrganiserIsToldOfABookingRequestOnceAndOfItsCancellation() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 2, needsApproval: true, name: "Salle des fêtes")
        let slot = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")),
            by: organiser)
        let (owner, merchant) = try #require(try await hub.merchants(1).first)
        let booking = try await hub.bookings.book(slot.id, merchantSlug: merchant.slug, waitlist: false, by: owner)
        #expect(booking.status == .requested)
        #expect(try await hub.notices.sweep().immediate >= 1)
        #expect(try await hub.notices.sweep() == NoticeSweepSummary())
        #expect(
            try await subjects(organiser.email) == ["Demande de réservation : Boutique M 0 à Salle des fêtes"])
        hub.clock.advance(by: 60)
        try await hub.bookings.cancel(booking.id, by: owner)
        try await hub.notices.sweep()
        try await hub.notices.sweep()
        #expect(
            try await subjects(organiser.email) == [
                "Demande de réservation : Boutique M 0 à Salle des fêtes",
                "Réservation annulée : Boutique M 0 à Salle des fêtes",
            ])
        // The merchant hears of their own booking through the pop-ups' notifier, not from these notices.
        #expect(try await subjects(owner.email).allSatisfy { !$0.hasPrefix("Demande de réservation") })
    }

    @Test func anOrganiserIsNotToldOfTheCancellationTheyMadeButTheOtherOrganisersAre() async throws {
        let (venue, organiser) = try await hub.venue(capacity: 2, needsApproval: false, name: "Halle")
        let colleague = try await hub.user("collegue@example.org", role: .resident)
        let admin = try await hub.user("admin-halle@example.org", role: .zoneAdmin, zones: ["alpha"])
        _ = try await hub.popUps.grantOrganiser(email: colleague.email, zoneSlug: "alpha", by: admin)
        let slot = try await hub.popUps.createSlot(
            venue: venue.id, PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00")),
            by: organiser)
        let (owner, merchant) = try #require(try await hub.merchants(1).first)
        let booking = try await hub.bookings.book(slot.id, merchantSlug: merchant.slug, waitlist: false, by: owner)
        #expect(booking.status == .confirmed)
        hub.clock.advance(by: 60)
        try await hub.bookings.cancel(booking.id, reason: "La halle est fermée ce jour-là.", by: organiser)
        try await hub.notices.sweep()
        #expect(try await subjects(organiser.email).filter { $0.hasPrefix("Réservation annulée") }.isEmpty)
        #expect(
            try await subjects(colleague.email) == ["Réservation annulée : Boutique M 0 à Halle"])
    }

    @Test func theSignUpWaitingMailGoesAtOnceOnlyToAdminsWhoWantItSo() async throws {
        let eager = try await hub.user("eager@example.org", role: .zoneAdmin, zones: ["beta"])
        let calm = try await hub.user("calm@example.org", role: .zoneAdmin, zones: ["beta"])
        try await hub.notices.set(kind: "inscription-en-attente", delivery: "daily", user: calm.id)
        #expect(
            try await hub.notices.wantingAtOnce(.signUpWaiting, among: ["Eager@example.org", "calm@example.org"])
                == ["Eager@example.org"])
        try await hub.notices.set(kind: "inscription-en-attente", delivery: "off", user: eager.id)
        #expect(try await hub.notices.wantingAtOnce(.signUpWaiting, among: [eager.email, calm.email]) == [])
    }
}

import Community
import Foundation
import HubTestSupport
import PopUps
import Testing

@Suite struct PopUpSeriesTests {
    let hub: TestHub

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
    }

    func utcHour(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar.component(.hour, from: date)
    }

    @Test func aSeriesAcrossBothDaylightSavingChangesKeepsNineOClockLocalTime() async throws {
        let (venue, organiser) = try await hub.venue()
        // Every Sunday from before the last Sunday of March (29th) to after the last Sunday of October (25th).
        let slots = try await hub.popUps.createSeries(
            venue: venue.id,
            PopUpSeriesRule(
                weekdays: [7], startTime: "09:00", endTime: "18:00", firstDay: LocalDay("2026-03-22")!,
                lastDay: LocalDay("2026-11-01")!, blackouts: [LocalDay("2026-05-03")!]),
            by: organiser)
        #expect(slots.count == 33 - 1)
        #expect(slots.allSatisfy { $0.start.timeText == "09:00" && $0.end.timeText == "18:00" })
        #expect(slots.allSatisfy { $0.start.day.weekday == 7 && $0.timeZone == "Europe/Paris" })
        #expect(!slots.map(\.start.day.description).contains("2026-05-03"))
        let byDay = Dictionary(uniqueKeysWithValues: slots.map { ($0.start.day.description, $0) })
        // Winter time (UTC+1) before 29 March and from 25 October; summer time (UTC+2) in between.
        #expect(utcHour(try #require(byDay["2026-03-22"]).startsAt) == 8)
        #expect(utcHour(try #require(byDay["2026-03-29"]).startsAt) == 7)
        #expect(utcHour(try #require(byDay["2026-10-18"]).startsAt) == 7)
        #expect(utcHour(try #require(byDay["2026-10-25"]).startsAt) == 8)
        #expect(utcHour(try #require(byDay["2026-11-01"]).endsAt) == 17)
        let spring = try #require(byDay["2026-03-29"])
        let stored = try #require(try await hub.popUpStore.slot(id: spring.id))
        #expect(stored.start == .at("2026-03-29T09:00"))
    }

    @Test func editingASeriesMovesItsComingSlotsCancelsDroppedDaysAndTellsTheMerchants() async throws {
        let (venue, organiser) = try await hub.venue()
        let rule = PopUpSeriesRule(
            weekdays: [6], startTime: "09:00", endTime: "18:00", firstDay: LocalDay("2026-03-21")!,
            lastDay: LocalDay("2026-04-11")!)
        let slots = try await hub.popUps.createSeries(venue: venue.id, rule, by: organiser)
        #expect(slots.map(\.start.day.description) == ["2026-03-21", "2026-03-28", "2026-04-04", "2026-04-11"])
        let shop = try await hub.merchants(2)
        _ = try await hub.bookings.book(
            slots[0].id, merchantSlug: shop[0].merchant.slug, waitlist: false, by: shop[0].owner)
        _ = try await hub.bookings.book(
            slots[1].id, merchantSlug: shop[1].merchant.slug, waitlist: false, by: shop[1].owner)
        var edited = rule
        edited.startTime = "10:00"
        edited.blackouts = [LocalDay("2026-03-28")!]
        let series = try #require(slots[0].seriesID)
        let after = try await hub.popUps.editSeries(series, edited, by: organiser)
        let byDay = Dictionary(uniqueKeysWithValues: after.map { ($0.start.day.description, $0) })
        #expect(byDay["2026-03-21"]?.start == .at("2026-03-21T10:00"))
        #expect(byDay["2026-03-21"]?.sequence == 1)
        #expect(byDay["2026-03-28"]?.status == .cancelled)
        #expect(try await hub.bookingStore.bookings(slot: slots[1].id).map(\.status) == [.cancelled])
        let first = try await hub.outboxStore.messages(recipient: shop[0].owner.email)
        let second = try await hub.outboxStore.messages(recipient: shop[1].owner.email)
        guard case .notice(let subject, let text) = try #require(first.last).payload else {
            Issue.record("expected a notice")
            return
        }
        #expect(subject == "Créneau modifié : La Halle")
        #expect(text.contains("samedi 21 mars, de 10 h à 18 h"))
        guard case .notice(let cancelled, _) = try #require(second.last).payload else {
            Issue.record("expected a notice")
            return
        }
        #expect(cancelled == "Créneau annulé : La Halle")
        let all = try await hub.popUps.cancelSeries(series, reason: "travaux", by: organiser)
        #expect(all.allSatisfy { $0.status == .cancelled })
        #expect(try await hub.popUpStore.series(id: series)?.cancelled == true)
    }

    @Test func badSeriesAndSlotsAreRefusedWithTheFieldAtFault() async throws {
        let (venue, organiser) = try await hub.venue()
        let day = LocalDay("2026-03-21")!
        let cases: [(PopUpSeriesRule, String)] = [
            (
                PopUpSeriesRule(weekdays: [], startTime: "09:00", endTime: "18:00", firstDay: day, lastDay: day),
                "invalid_weekdays"
            ),
            (
                PopUpSeriesRule(weekdays: [8], startTime: "09:00", endTime: "18:00", firstDay: day, lastDay: day),
                "invalid_weekdays"
            ),
            (
                PopUpSeriesRule(weekdays: [6], startTime: "9h", endTime: "18:00", firstDay: day, lastDay: day),
                "invalid_startTime"
            ),
            (
                PopUpSeriesRule(weekdays: [6], startTime: "18:00", endTime: "09:00", firstDay: day, lastDay: day),
                "invalid_endTime"
            ),
            (
                PopUpSeriesRule(
                    weekdays: [6], startTime: "09:00", endTime: "18:00", firstDay: day, lastDay: LocalDay("2026-03-01")!
                ), "invalid_lastDay"
            ),
            (
                PopUpSeriesRule(
                    weekdays: [6], startTime: "09:00", endTime: "18:00", firstDay: day, lastDay: LocalDay("2028-03-01")!
                ), "invalid_lastDay"
            ),
            (
                PopUpSeriesRule(
                    weekdays: [1], startTime: "09:00", endTime: "18:00", firstDay: LocalDay("2026-03-01")!,
                    lastDay: LocalDay("2026-03-08")!), "invalid_series"
            ),
        ]
        for (rule, code) in cases {
            await #expect(throws: CommunityError.self) {
                do { _ = try await hub.popUps.createSeries(venue: venue.id, rule, by: organiser) } catch let error
                    as CommunityError
                {
                    #expect(error.code == code)
                    throw error
                }
            }
        }
        let slotCases: [(PopUpSlotDraft, String)] = [
            (PopUpSlotDraft(start: .at("2026-03-21T18:00"), end: .at("2026-03-21T09:00")), "invalid_end"),
            (PopUpSlotDraft(start: .at("2026-03-01T09:00"), end: .at("2026-03-01T18:00")), "invalid_start"),
            (PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-04-21T09:00")), "invalid_end"),
            (
                PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00"), capacity: 0),
                "invalid_capacity"
            ),
            (
                PopUpSlotDraft(start: .at("2026-03-21T09:00"), end: .at("2026-03-21T18:00"), priceCents: -1),
                "invalid_priceCents"
            ),
        ]
        for (draft, code) in slotCases {
            await #expect(throws: CommunityError.self) {
                do { _ = try await hub.popUps.createSlot(venue: venue.id, draft, by: organiser) } catch let error
                    as CommunityError
                {
                    #expect(error.code == code)
                    throw error
                }
            }
        }
        #expect(try await hub.popUps.slots(venue: venue.id, includeCancelled: true).isEmpty)
        #expect(LocalDay("2026-02-30") == nil)
        #expect(LocalDateTime("2026-03-21T25:00") == nil)
    }

    @Test func onlyTheZonesOrganisersRunItsVenuesAndOnlyItsAdminsNameThem() async throws {
        let resident = try await hub.user("resident@example.org", role: .resident)
        let details = PopUpVenueDetails(name: "Halle", address: "1 rue", commune: "Corbeil-Essonnes", capacity: 3)
        await #expect(throws: CommunityError.forbidden("only the zone's pop-up organisers can do this")) {
            try await hub.popUps.createVenue(zoneSlug: "alpha", details: details, by: resident)
        }
        await #expect(throws: CommunityError.forbidden("only the zone's admins can name its pop-up organisers")) {
            try await hub.popUps.grantOrganiser(email: resident.email, zoneSlug: "alpha", by: resident)
        }
        let betaAdmin = try await hub.user("beta-admin@example.org", role: .zoneAdmin, zones: ["beta"])
        await #expect(throws: CommunityError.self) {
            try await hub.popUps.grantOrganiser(email: resident.email, zoneSlug: "alpha", by: betaAdmin)
        }
        let (venue, organiser) = try await hub.venue()
        var bad = venue.details
        bad.capacity = 0
        await #expect(throws: PopUpField.capacity.invalid("must be from 1 to 500 places")) {
            try await hub.popUps.updateVenue(venue.id, details: bad, by: organiser)
        }
        bad = venue.details
        bad.photoURL = "javascript:alert(1)"
        await #expect(throws: CommunityError.self) {
            try await hub.popUps.updateVenue(venue.id, details: bad, by: organiser)
        }
        #expect(try await hub.popUps.venue(venue.id) == venue)
        #expect(try await hub.audit.entries(zoneID: venue.zoneID, limit: 10).contains { $0.action == "role.grant" })
    }
}

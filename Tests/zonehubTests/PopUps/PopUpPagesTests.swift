import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

@Suite struct PopUpPagesTests {
    static let form = "application/x-www-form-urlencoded"

    @Test func aZonesVenuesAndCalendarArePublicAndOrganisersGetTheVenueForm() async throws {
        let setup = try await PopUpSetup()
        let organiser = "zonehub_session=\(setup.organiser.token)"
        let (visitor, staff) = try await setup.app.test { client in
            (
                try await client.send(.get, "/zones/dordogne/pop-ups"),
                try await client.send(.get, "/zones/dordogne/pop-ups", cookie: organiser)
            )
        }
        #expect(visitor.status == .ok)
        #expect(visitor.body.contains("La Halle de Bergerac"))
        #expect(visitor.body.contains("samedi 21 mars 2026, 09:00 – 18:00"))
        #expect(visitor.body.contains("5 places libres"))
        #expect(visitor.body.contains("href=\"/zones/dordogne/pop-ups.ics\""))
        #expect(!visitor.body.contains("Nouveau lieu"))
        #expect(staff.body.contains("Nouveau lieu"))
    }

    @Test func aMerchantBooksWithTheFormThenFindsTheSlotFullAndJoinsTheWaitlist() async throws {
        let setup = try await PopUpSetup(capacity: 1)
        let first = try await setup.app.merchant("premier@example.org")
        let second = try await setup.app.merchant("second@example.org")
        let slot = setup.slot.id
        try await setup.app.test { client in
            let booked = try await client.send(
                .post, "/pop-up-slots/\(slot)/book", json: "merchant=\(first.slug)", contentType: Self.form,
                cookie: "zonehub_session=\(first.token)")
            #expect(booked.status == .seeOther)
            #expect(booked.headers[.location] == "/pop-up-slots/\(slot)")
            let page = try await client.send(.get, "/pop-up-slots/\(slot)", cookie: "zonehub_session=\(first.token)")
            #expect(page.body.contains("Confirmée"))
            #expect(page.body.contains("Complet"))
            let other = try await client.send(.get, "/pop-up-slots/\(slot)", cookie: "zonehub_session=\(second.token)")
            #expect(other.body.contains("Rejoindre la liste d&#39;attente"))
            let refused = try await client.send(
                .post, "/pop-up-slots/\(slot)/book", json: "merchant=\(second.slug)", contentType: Self.form,
                cookie: "zonehub_session=\(second.token)")
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Toutes les places de ce créneau sont prises."))
            let waiting = try await client.send(
                .post, "/pop-up-slots/\(slot)/book", json: "merchant=\(second.slug)&waitlist=1",
                contentType: Self.form, cookie: "zonehub_session=\(second.token)")
            #expect(waiting.status == .seeOther)
            let after = try await client.send(.get, "/pop-up-slots/\(slot)", cookie: "zonehub_session=\(second.token)")
            #expect(after.body.contains("Liste d&#39;attente"))
            #expect(after.body.contains("1 commerce en liste d"))
            let dashboard = try await client.send(.get, "/dashboard/pop-ups", cookie: "zonehub_session=\(second.token)")
            #expect(dashboard.body.contains("/merchants/\(second.slug)/pop-ups.ics?token=k."))
        }
    }

    @Test func organisersCreateVenuesSlotsAndSeriesAndApproveRequestsWithTheForms() async throws {
        let setup = try await PopUpSetup(needsApproval: true)
        let cookie = "zonehub_session=\(setup.organiser.token)"
        let merchant = try await setup.app.merchant("cave@example.org")
        let slot = setup.slot.id
        let venue = setup.venue.id
        try await setup.app.test { client in
            let bad = try await client.send(
                .post, "/zones/dordogne/pop-ups", json: "name=Le+Kiosque&address=Quai&commune=Bergerac&capacity=0",
                contentType: Self.form, cookie: cookie)
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("Le nombre de places va de 1 à 500."))
            #expect(bad.body.contains("value=\"Le Kiosque\""))
            let made = try await client.send(
                .post, "/zones/dordogne/pop-ups", json: "name=Le+Kiosque&address=Quai&commune=Bergerac&capacity=2",
                contentType: Self.form, cookie: cookie)
            #expect(made.status == .seeOther)
            let created = try await client.send(
                .post, "/pop-up-venues/\(venue)/slots", json: "start=2026-03-28T10%3A00&end=2026-03-28T17%3A00",
                contentType: Self.form, cookie: cookie)
            #expect(created.status == .seeOther)
            let series = try await client.send(
                .post, "/pop-up-venues/\(venue)/series",
                json:
                    "weekday=7&startTime=09%3A00&endTime=12%3A00&firstDay=2026-03-22&lastDay=2026-04-12&blackouts=2026-04-05",
                contentType: Self.form, cookie: cookie)
            #expect(series.status == .seeOther)
            let badSeries = try await client.send(
                .post, "/pop-up-venues/\(venue)/series",
                json: "startTime=09%3A00&endTime=12%3A00&firstDay=2026-03-22&lastDay=2026-04-12",
                contentType: Self.form, cookie: cookie)
            #expect(badSeries.status == .badRequest)
            #expect(badSeries.body.contains("Choisissez au moins un jour de la semaine."))
            let page = try await client.send(.get, "/pop-up-venues/\(venue)")
            #expect(page.body.contains("samedi 28 mars 2026, 10:00 – 17:00"))
            #expect(page.body.contains("dimanche 29 mars 2026, 09:00 – 12:00"))
            #expect(!page.body.contains("dimanche 5 avril 2026"))
            _ = try await client.send(
                .post, "/pop-up-slots/\(slot)/book", json: "merchant=\(merchant.slug)", contentType: Self.form,
                cookie: "zonehub_session=\(merchant.token)")
            let staff = try await client.send(.get, "/pop-up-slots/\(slot)", cookie: cookie)
            #expect(staff.body.contains("En attente d&#39;accord"))
            #expect(staff.body.contains("action=\"/pop-up-bookings/1/approve\""))
            let approved = try await client.send(
                .post, "/pop-up-bookings/1/approve", json: "slot=\(slot)", contentType: Self.form, cookie: cookie)
            #expect(approved.status == .seeOther)
            let forged = try await client.send(
                .post, "/pop-up-bookings/1/approve", json: "slot=\(slot)", contentType: Self.form,
                cookie: "zonehub_session=\(merchant.token)")
            #expect(forged.status == .forbidden)
        }
        let bookings = try await setup.app.hub.popUps.bookings.bookings(slot: slot, by: setup.organiser.user)
        #expect(bookings.map(\.status) == [.confirmed])
        #expect(try await setup.app.hub.popUps.venues.venues(zoneSlug: "dordogne").venues.count == 2)
    }

    @Test func anonymousVisitorsCannotBookAndUnknownSlotsAre404() async throws {
        let setup = try await PopUpSetup()
        let slot = setup.slot.id
        let (anonymous, missing, junk) = try await setup.app.test { client in
            (
                try await client.send(.post, "/pop-up-slots/\(slot)/book", json: "merchant=x", contentType: Self.form),
                try await client.send(.get, "/pop-up-slots/999"), try await client.send(.get, "/pop-up-venues/abc")
            )
        }
        #expect(anonymous.status == .unauthorized)
        #expect(missing.status == .notFound && junk.status == .notFound)
    }
}

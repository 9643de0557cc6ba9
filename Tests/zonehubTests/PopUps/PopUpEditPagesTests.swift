import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import PopUps
import Testing

@testable import zonehub

/// Organisers edit a venue, a slot and a series with forms pre-filled with today's values, and cancel slots and
/// series after a confirmation step.
@Suite struct PopUpEditPagesTests {
    static let venueForm =
        "name=La+Halle+de+Bergerac&address=Place+du+March%C3%A9&commune=Bergerac&capacity=5&cancellationHours=48"
        + "&quotaPeriod=month"

    @Test func theVenueFormIsPrefilledAndSavingItShowsTheMessageOnTheVenuePage() async throws {
        let setup = try await PopUpSetup()
        let venueID = setup.venue.id
        let path = "/zones/dordogne/pop-ups/venues/\(venueID.rawValue)/edit"
        try await setup.asOrganiser { browser in
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("value=\"La Halle de Bergerac\""))
            #expect(page.body.contains("value=\"Place du Marché\""))
            #expect(page.body.contains("id=\"capacity\" name=\"capacity\" type=\"number\" value=\"5\""))
            let saved = try await browser.editVenue(
                venueID,
                Self.venueForm.replacingOccurrences(of: "capacity=5", with: "capacity=8")
                    .replacingOccurrences(of: "&quotaPeriod=month", with: "")
                    + "&needsApproval=1&quota=3&quotaPeriod=week")
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/pop-up-venues/\(venueID.rawValue)?ok=venue-saved")
            let venue = try await browser.get(saved.headers[.location]!)
            #expect(venue.body.contains("Le lieu est enregistré."))
            #expect(venue.body.contains("href=\"\(path)\""))
            let forged = try await browser.signedOut.get("/pop-up-venues/\(venueID.rawValue)?ok=%3Cb%3Ehi")
            #expect(!forged.body.contains("&lt;b&gt;hi"))
            #expect(!forged.body.contains("class=\"notice\""))
        }
        let details = try await setup.app.hub.popUps.venues.venue(venueID).details
        #expect(details.capacity == 8 && details.needsApproval && details.quota == 3 && details.quotaPeriod == .week)
    }

    @Test func everyVenueErrorShowsBesideItsFieldAtOnceWithTheValuesKept() async throws {
        let setup = try await PopUpSetup()
        let bad =
            "name=&address=Quai+Salvette&commune=Bergerac&capacity=0&cancellationHours=trois&quota=5000"
            + "&photoURL=ftp%3A%2F%2Fphoto.example&quotaPeriod=month"
        let venueID = setup.venue.id
        let page = try await setup.asOrganiser { try await $0.editVenue(venueID, bad) }
        #expect(page.status == .badRequest)
        for (field, message) in [
            ("name", "Le nom est obligatoire (120 caractères au plus)."),
            ("capacity", "Le nombre de places va de 1 à 500."),
            ("cancellationHours", "Le délai d&#39;annulation va de 0 à 2160 heures."),
            ("quota", "Le quota va de 1 à 1000 réservations par période, ou reste vide."),
            ("photoURL", "La photo doit être une adresse web commençant par https://."),
        ] {
            #expect(page.body.contains("<p class=\"field-error\" id=\"\(field)-error\">\(message)</p>"), "\(field)")
            #expect(page.body.contains("aria-describedby=\"\(field)-error\""), "\(field)")
        }
        #expect(page.body.contains("5 champs sont à corriger"))
        #expect(page.body.contains("value=\"Quai Salvette\""))
        #expect(page.body.contains("value=\"ftp://photo.example\""))
        #expect(page.body.contains("value=\"trois\""))
        #expect(try await setup.app.hub.popUps.venues.venue(venueID).details == setup.venue.details)
    }

    @Test func onlyTheZonesOrganisersEditAndAVenueOfAnotherZoneIsNotFoundThere() async throws {
        let setup = try await PopUpSetup()
        let hub = setup.app.hub
        let (venueID, slotID) = (setup.venue.id, setup.slot.id)
        let merchant = try await setup.app.merchant("cave@example.org")
        let other = try await setup.app.account("orga-oise@example.org", role: .resident)
        let admin = try await setup.app.account("admin-oise@example.org", role: .zoneAdmin, zones: ["oise"])
        _ = try await hub.popUps.venues.grantOrganiser(email: other.user.email, zoneSlug: "oise", by: admin.user)
        try await setup.asOrganiser { browser in
            let edit = "/zones/dordogne/pop-ups/venues/\(venueID.rawValue)/edit"
            #expect(try await browser.signedOut.get(edit).status == .unauthorized)
            #expect(try await browser.signedIn(merchant.token).get(edit).status == .forbidden)
            let outsider = browser.signedIn(other.token)
            #expect(try await outsider.editVenue(venueID, Self.venueForm).status == .forbidden)
            let elsewhere = try await browser.get("/zones/oise/pop-ups/venues/\(venueID.rawValue)/edit")
            #expect(elsewhere.status == .notFound)
            let slotElsewhere = try await outsider.editSlot(
                slotID, "start=2026-03-21T10%3A00&end=2026-03-21T18%3A00", zone: "oise")
            #expect(slotElsewhere.status == .notFound)
            #expect(try await outsider.cancelSlot(slotID, "confirm=1").status == .forbidden)
        }
        #expect(try await hub.popUps.venues.slot(slotID).status == .open)
        #expect(try await hub.popUps.venues.slot(slotID).start == .at("2026-03-21T09:00"))
    }

    @Test func aSlotIsMovedWithItsPrefilledFormAndItsMerchantIsTold() async throws {
        let setup = try await PopUpSetup()
        let hub = setup.app.hub
        let slotID = setup.slot.id
        let merchant = try await setup.app.merchant("cave@example.org")
        let slot = slotID.rawValue
        let path = "/zones/dordogne/pop-ups/slots/\(slot)/edit"
        try await setup.asOrganiser { browser in
            _ = try await browser.book(slotID, merchant)
            let told = try await hub.outbox.messages(recipient: "cave@example.org").count
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("value=\"2026-03-21T09:00\""))
            #expect(page.body.contains("value=\"2026-03-21T18:00\""))
            #expect(page.body.contains("seront prévenus"))
            let saved = try await browser.editSlot(
                slotID,
                "start=2026-03-21T10%3A00&end=2026-03-21T17%3A00&capacity=4&price=12%2C50&opensAt=2026-03-15T08%3A00")
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/pop-up-slots/\(slot)?ok=slot-saved")
            let after = try await browser.get(saved.headers[.location]!)
            #expect(after.body.contains("Le créneau est enregistré"))
            #expect(after.body.contains("10:00 – 17:00"))
            let again = try await browser.get(path)
            #expect(again.body.contains("value=\"12,50\""))
            #expect(again.body.contains("value=\"2026-03-15T08:00\""))
            #expect(try await hub.outbox.messages(recipient: "cave@example.org").count == told + 1)
        }
        let moved = try await hub.popUps.venues.slot(slotID)
        #expect(moved.start == .at("2026-03-21T10:00") && moved.capacity == 4 && moved.priceCents == 1250)
    }

    @Test func everySlotErrorShowsBesideItsFieldWithTheValuesKept() async throws {
        let setup = try await PopUpSetup()
        let slotID = setup.slot.id
        let (unreadable, backwards, past) = try await setup.asOrganiser { browser in
            (
                try await browser.editSlot(slotID, "start=&end=2026-03-21T18%3A00&capacity=beaucoup&price=cher"),
                try await browser.editSlot(slotID, "start=2026-03-21T18%3A00&end=2026-03-21T09%3A00&capacity=3"),
                try await browser.editSlot(slotID, "start=2026-03-01T09%3A00&end=2026-03-01T18%3A00")
            )
        }
        #expect(unreadable.status == .badRequest)
        #expect(unreadable.body.contains("id=\"start-error\">Le début doit être une date à venir.</p>"))
        #expect(unreadable.body.contains("id=\"capacity-error\">Le nombre de places va de 1 à 500.</p>"))
        #expect(unreadable.body.contains("id=\"price-error\">Le prix doit être compris entre 0 et 1 000 000 €.</p>"))
        #expect(unreadable.body.contains("value=\"beaucoup\"") && unreadable.body.contains("value=\"cher\""))
        #expect(unreadable.body.contains("value=\"2026-03-21T18:00\""))
        #expect(backwards.status == .badRequest)
        #expect(backwards.body.contains("id=\"end-error\">La fin doit venir après le début (14 jours au plus).</p>"))
        #expect(backwards.body.contains("value=\"2026-03-21T18:00\"") && backwards.body.contains("value=\"3\""))
        #expect(past.status == .badRequest)
        #expect(past.body.contains("id=\"start-error\">Le début doit être une date à venir.</p>"))
        #expect(past.body.contains("value=\"2026-03-01T09:00\""))
        let slot = try await setup.app.hub.popUps.venues.slot(slotID)
        #expect(slot.start == .at("2026-03-21T09:00") && slot.capacity == 5)
    }

    @Test func cancellingASlotTakesAConfirmationAndTellsItsMerchants() async throws {
        let setup = try await PopUpSetup()
        let hub = setup.app.hub
        let slotID = setup.slot.id
        let merchant = try await setup.app.merchant("cave@example.org")
        let slot = slotID.rawValue
        let path = "/zones/dordogne/pop-ups/slots/\(slot)/cancel"
        try await setup.asOrganiser { browser in
            _ = try await browser.book(slotID, merchant)
            let staff = try await browser.get("/pop-up-slots/\(slot)")
            #expect(staff.body.contains("href=\"\(path)\""))
            let confirm = try await browser.get(path)
            #expect(confirm.status == .ok)
            #expect(confirm.body.contains("Une annulation ne peut pas être défaite."))
            #expect(confirm.body.contains("1 réservation sera annulée"))
            let unconfirmed = try await browser.cancelSlot(slotID, "reason=Travaux")
            #expect(unconfirmed.status == .ok)
            #expect(unconfirmed.body.contains("Oui, annuler définitivement"))
            let tooLong = try await browser.cancelSlot(slotID, "confirm=1&reason=" + String(repeating: "x", count: 501))
            #expect(tooLong.status == .badRequest)
            #expect(tooLong.body.contains("id=\"reason-error\">Donnez un motif (500 caractères au plus).</p>"))
            #expect(tooLong.body.contains(String(repeating: "x", count: 501)))
            #expect(try await hub.popUps.venues.slot(slotID).status == .open)
            let done = try await browser.cancelSlot(slotID, "confirm=1&reason=Travaux+dans+la+halle")
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "/pop-up-slots/\(slot)?ok=slot-cancelled")
            let after = try await browser.get(done.headers[.location]!)
            #expect(after.body.contains("Le créneau est annulé"))
            let again = try await browser.get(path)
            #expect(again.status == .conflict)
        }
        #expect(try await hub.popUps.venues.slot(slotID).status == .cancelled)
        let bookings = try await hub.popUps.bookings.bookings(slot: slotID, by: setup.organiser.user)
        #expect(bookings.map(\.status) == [.cancelled] && bookings[0].reason == "Travaux dans la halle")
    }

    @Test func aSeriesIsEditedAndCancelledWithItsForms() async throws {
        let setup = try await PopUpSetup()
        let hub = setup.app.hub
        let venueID = setup.venue.id
        let slots = try await hub.popUps.venues.createSeries(
            venue: venueID,
            PopUpSeriesRule(
                weekdays: [7], startTime: "10:00", endTime: "13:00", firstDay: LocalDay("2026-03-22")!,
                lastDay: LocalDay("2026-04-12")!),
            by: setup.organiser.user)
        let series = try #require(slots[0].seriesID)
        let path = "/zones/dordogne/pop-ups/series/\(series.rawValue)/edit"
        try await setup.asOrganiser { browser in
            let venue = try await browser.get("/pop-up-venues/\(venueID.rawValue)")
            #expect(venue.body.contains("href=\"\(path)\""))
            #expect(venue.body.contains("chaque dimanche, de 10:00 à 13:00"))
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"weekday\" value=\"7\" checked"))
            #expect(page.body.contains("value=\"2026-04-12\""))
            let bad = try await browser.editSeries(
                series, "startTime=dix&endTime=13%3A00&firstDay=2026-03-22&lastDay=hier")
            #expect(bad.status == .badRequest)
            #expect(bad.body.contains("id=\"weekday-error\">Choisissez au moins un jour de la semaine.</p>"))
            #expect(bad.body.contains("id=\"startTime-error\">L&#39;heure de début s&#39;écrit comme 09:00.</p>"))
            #expect(bad.body.contains("id=\"lastDay-error\">"))
            #expect(bad.body.contains("value=\"dix\"") && bad.body.contains("value=\"hier\""))
            let saved = try await browser.editSeries(
                series,
                "weekday=7&startTime=14%3A00&endTime=18%3A00&firstDay=2026-03-22&lastDay=2026-04-12"
                    + "&blackouts=2026-04-05")
            #expect(saved.status == .seeOther)
            #expect(saved.headers[.location] == "/pop-up-venues/\(venueID.rawValue)?ok=series-saved")
            let confirm = try await browser.get("/zones/dordogne/pop-ups/series/\(series.rawValue)/cancel")
            #expect(confirm.body.contains("3 créneaux à venir seront annulés"))
            let done = try await browser.cancelSeries(series, "confirm=1")
            #expect(done.status == .seeOther)
            let gone = try await browser.get(path)
            #expect(gone.status == .notFound)
        }
        let after = try await hub.popUps.venues.slots(venue: venueID, includeCancelled: true)
            .filter { $0.seriesID != nil }
        #expect(after.count == 4)
        #expect(after.allSatisfy { $0.status == .cancelled })
        #expect(after.first { $0.start.day == LocalDay("2026-03-22")! }?.start == .at("2026-03-22T14:00"))
    }
}

extension PopUpSetup {
    /// Runs `body` with a browser signed in as the setup's organiser.
    func asOrganiser<T>(_ body: @Sendable (OrganiserBrowser) async throws -> T) async throws -> T {
        let cookie = "zonehub_session=\(organiser.token)"
        return try await app.test { try await body(OrganiserBrowser(client: $0, cookie: cookie)) }
    }
}

/// The organiser's pages and forms as a browser asks for them (forms URL-encoded, with its session cookie), one
/// helper per form; `signedIn(_:)` and `signedOut` try them as someone else.
struct OrganiserBrowser {
    typealias Answer = (status: HTTPResponse.Status, body: String, headers: HTTPFields)

    let client: any TestClientProtocol
    let cookie: String?

    /// The same browser with the session `token` opened.
    func signedIn(_ token: String) -> OrganiserBrowser {
        OrganiserBrowser(client: client, cookie: "zonehub_session=\(token)")
    }

    var signedOut: OrganiserBrowser { OrganiserBrowser(client: client, cookie: nil) }

    func get(_ path: String) async throws -> Answer {
        try await client.send(.get, path, cookie: cookie)
    }

    func post(_ path: String, _ form: String) async throws -> Answer {
        try await client.send(
            .post, path, json: form, contentType: "application/x-www-form-urlencoded", cookie: cookie)
    }

    func editVenue(_ id: PopUpVenue.ID, _ form: String) async throws -> Answer {
        try await post("/zones/dordogne/pop-ups/venues/\(id.rawValue)/edit", form)
    }

    func editSlot(_ id: PopUpSlot.ID, _ form: String, zone: String = "dordogne") async throws -> Answer {
        try await post("/zones/\(zone)/pop-ups/slots/\(id.rawValue)/edit", form)
    }

    func cancelSlot(_ id: PopUpSlot.ID, _ form: String) async throws -> Answer {
        try await post("/zones/dordogne/pop-ups/slots/\(id.rawValue)/cancel", form)
    }

    func editSeries(_ id: PopUpSeries.ID, _ form: String) async throws -> Answer {
        try await post("/zones/dordogne/pop-ups/series/\(id.rawValue)/edit", form)
    }

    func cancelSeries(_ id: PopUpSeries.ID, _ form: String) async throws -> Answer {
        try await post("/zones/dordogne/pop-ups/series/\(id.rawValue)/cancel", form)
    }

    /// `merchant` books the slot from its page.
    func book(_ slot: PopUpSlot.ID, _ merchant: (token: String, slug: String)) async throws -> Answer {
        try await signedIn(merchant.token).post("/pop-up-slots/\(slot.rawValue)/book", "merchant=\(merchant.slug)")
    }
}

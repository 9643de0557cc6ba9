import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import PopUps
import Testing

@testable import zonehub

/// The slot and series forms show the rules between their fields (end after start, booking window, last day after
/// the first) all at once, beside their fields, and change nothing.
@Suite struct PopUpCrossFieldErrorsTests {
    static let form = "application/x-www-form-urlencoded"

    @Test func everyRuleASlotBreaksShowsAtOnce() async throws {
        let setup = try await PopUpSetup()
        let cookie = "zonehub_session=\(setup.organiser.token)"
        let path = "/zones/dordogne/pop-ups/slots/\(setup.slot.id.rawValue)/edit"
        let page = try await setup.app.test { client in
            try await client.send(
                .post, path,
                json: "start=2026-03-01T18%3A00&end=2026-03-01T09%3A00&capacity=900"
                    + "&opensAt=2026-03-20T10%3A00&closesAt=2026-03-19T10%3A00",
                contentType: Self.form, cookie: cookie)
        }
        #expect(page.status == .badRequest)
        for field in ["start", "end", "capacity", "closesAt"] {
            #expect(page.body.contains("<p class=\"field-error\" id=\"\(field)-error\">"), "\(field)")
            #expect(page.body.contains("<a href=\"#\(field)\">"), "\(field)")
        }
        #expect(page.body.contains("4 champs sont à corriger"))
        #expect(page.body.contains("value=\"2026-03-19T10:00\""))
        let slot = try await setup.app.hub.popUps.venues.slot(setup.slot.id)
        #expect(slot.start == .at("2026-03-21T09:00") && slot.capacity == 5)
    }

    @Test func everyRuleASeriesBreaksShowsAtOnce() async throws {
        let setup = try await PopUpSetup()
        let cookie = "zonehub_session=\(setup.organiser.token)"
        let slots = try await setup.app.hub.popUps.venues.createSeries(
            venue: setup.venue.id,
            PopUpSeriesRule(
                weekdays: [7], startTime: "10:00", endTime: "13:00", firstDay: LocalDay("2026-03-22")!,
                lastDay: LocalDay("2026-04-12")!),
            by: setup.organiser.user)
        let path = "/zones/dordogne/pop-ups/series/\(try #require(slots[0].seriesID).rawValue)/edit"
        let page = try await setup.app.test { client in
            try await client.send(
                .post, path,
                json: "weekday=7&startTime=14%3A00&endTime=12%3A00&firstDay=2026-04-12&lastDay=2026-03-22&capacity=0",
                contentType: Self.form, cookie: cookie)
        }
        #expect(page.status == .badRequest)
        for field in ["endTime", "lastDay", "capacity"] {
            #expect(page.body.contains("<p class=\"field-error\" id=\"\(field)-error\">"), "\(field)")
        }
        #expect(page.body.contains("3 champs sont à corriger"))
        #expect(page.body.contains("value=\"14:00\"") && page.body.contains("value=\"2026-03-22\""))
        let kept = try await setup.app.hub.popUps.venues.slots(venue: setup.venue.id, limit: 100)
            .filter { $0.seriesID == slots[0].seriesID }
        #expect(kept.map(\.start) == slots.map(\.start))
    }
}

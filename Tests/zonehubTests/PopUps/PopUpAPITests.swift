import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

@Suite struct PopUpAPITests {
    @Test func twoHundredSimultaneousBookingRequestsForTheLastFivePlacesConfirmFiveAndNeverAnswer500() async throws {
        let setup = try await PopUpSetup(capacity: 10, onDisk: true)
        let app = setup.app
        let operatorAccount = try await app.account("ops@example.org", role: .hubOperator)
        // One operator books for every merchant (operators may act for any profile), so 200 sign-ins are not needed.
        var slugs: [String] = []
        for index in 0..<205 {
            let merchant = try await app.hub.merchants.create(
                MerchantProfile(
                    name: "Étal \(index)", categories: [.alimentation], commune: "Bergerac", postcode: "24100",
                    zones: ["dordogne"]),
                owner: operatorAccount.user)
            slugs.append(merchant.slug)
        }
        let token = operatorAccount.token
        let slot = setup.slot.id.rawValue
        let merchants = slugs
        let early = try await app.test { client in
            var statuses: [HTTPResponse.Status] = []
            for slug in merchants.prefix(5) {
                statuses.append(
                    try await client.send(
                        .post, "/api/v1/pop-up-slots/\(slot)/bookings", token: token,
                        json: #"{"merchant": "\#(slug)", "waitlist": false}"#
                    ).status)
            }
            return statuses
        }
        #expect(early == Array(repeating: .created, count: 5))
        let outcomes = try await app.test { client in
            try await withThrowingTaskGroup(of: String.self) { group in
                for (index, slug) in merchants.dropFirst(5).enumerated() {
                    group.addTask {
                        let answer = try await client.send(
                            .post, "/api/v1/pop-up-slots/\(slot)/bookings", token: token,
                            json: #"{"merchant": "\#(slug)", "waitlist": \#(index % 2 == 0)}"#)
                        let body = try decodeJSON(answer.body)
                        return "\(answer.status.code) \(body["status"] as? String ?? body["error"] as? String ?? "?")"
                    }
                }
                var counts: [String: Int] = [:]
                for try await outcome in group { counts[outcome, default: 0] += 1 }
                return counts
            }
        }
        #expect(outcomes["201 confirmed"] == 5)
        #expect(outcomes["201 waiting", default: 0] + outcomes["409 slot_full", default: 0] == 195)
        #expect(outcomes.keys.allSatisfy { ["201 confirmed", "201 waiting", "409 slot_full"].contains($0) })
        let answer = try await app.test { try await $0.send(.get, "/api/v1/pop-up-slots/\(slot)") }
        let payload = try decodeJSON(answer.body)
        #expect(payload["free"] as? Int == 0)
        #expect(payload["waiting"] as? Int == outcomes["201 waiting"])
    }

    @Test func anOrganiserCreatesAVenueSlotAndSeriesAndApprovesARequest() async throws {
        let setup = try await PopUpSetup(needsApproval: true)
        let token = setup.organiser.token
        let merchant = try await setup.app.merchant("cave@example.org")
        let slot = setup.slot.id
        let base = setup.app.hub.settings.publicURL
        try await setup.app.test { client in
            let venue = try await client.send(
                .post, "/api/v1/zones/dordogne/pop-up-venues", token: token,
                json: #"{"name": "Le Kiosque", "address": "Quai", "commune": "Bergerac", "capacity": 2}"#)
            #expect(venue.status == .created)
            let id = try #require(try decodeJSON(venue.body)["id"] as? Int)
            let series = try await client.send(
                .post, "/api/v1/pop-up-venues/\(id)/series", token: token,
                json: #"""
                    {"weekdays": [6], "startTime": "09:00", "endTime": "18:00", "firstDay": "2026-03-21",
                     "lastDay": "2026-04-04", "blackouts": ["2026-03-28"]}
                    """#)
            #expect(series.status == .created)
            let items = try #require(try decodeJSON(series.body)["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["start"] as? String } == ["2026-03-21T09:00", "2026-04-04T09:00"])
            let booked = try await client.send(
                .post, "/api/v1/pop-up-slots/\(slot)/bookings", token: merchant.token,
                json: #"{"merchant": "\#(merchant.slug)"}"#)
            let booking = try decodeJSON(booked.body)
            #expect(booking["status"] as? String == "requested")
            let bookingID = try #require(booking["id"] as? Int)
            let forbidden = try await client.send(
                .post, "/api/v1/pop-up-bookings/\(bookingID)/approve", token: merchant.token)
            #expect(forbidden.status == .forbidden)
            let approved = try await client.send(.post, "/api/v1/pop-up-bookings/\(bookingID)/approve", token: token)
            #expect(try decodeJSON(approved.body)["status"] as? String == "confirmed")
            #expect(try decodeJSON(approved.body)["post"] as? Int != nil)
            let mine = try await client.send(
                .get, "/api/v1/merchants/\(merchant.slug)/pop-up-bookings", token: merchant.token)
            let calendar = try #require(try decodeJSON(mine.body)["calendar"] as? String)
            let path = String(calendar.dropFirst(base.count))
            let ics = try await client.send(.get, path)
            #expect(ics.status == .ok)
            #expect(ics.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(ics.body.contains("UID:pop-up-booking-\(bookingID)@") && ics.body.contains("STATUS:CONFIRMED"))
            let cancelled = try await client.send(.post, "/api/v1/pop-up-bookings/\(bookingID)/cancel", token: token)
            #expect(try decodeJSON(cancelled.body)["status"] as? String == "cancelled")
            let after = try await client.send(.get, path)
            #expect(after.body.contains("STATUS:CANCELLED") && after.body.contains("SEQUENCE:2"))
        }
    }

    @Test func badInputGetsAClearErrorAndChangesNothing() async throws {
        let setup = try await PopUpSetup()
        let merchant = try await setup.app.merchant("cave@example.org")
        let token = setup.organiser.token
        let slot = setup.slot.id
        let venue = setup.venue.id
        let cases: [(HTTPRequest.Method, String, String?, String?, HTTPResponse.Status, String)] = [
            (
                .post, "/api/v1/pop-up-slots/\(slot)/bookings", nil, #"{"merchant": "x"}"#, .unauthorized,
                "unauthenticated"
            ),
            (.post, "/api/v1/pop-up-slots/\(slot)/bookings", merchant.token, "{", .badRequest, "invalid_json"),
            (.post, "/api/v1/pop-up-slots/\(slot)/bookings", merchant.token, "{}", .badRequest, "missing_field"),
            (
                .post, "/api/v1/pop-up-slots/\(slot)/bookings", merchant.token, #"{"merchant": 3}"#, .badRequest,
                "invalid_field"
            ),
            (
                .post, "/api/v1/pop-up-slots/\(slot)/bookings", merchant.token, #"{"merchant": "nobody"}"#, .notFound,
                "merchant_not_found"
            ),
            (
                .post, "/api/v1/pop-up-slots/abc/bookings", merchant.token, #"{"merchant": "x"}"#, .notFound,
                "slot_not_found"
            ),
            (
                .post, "/api/v1/pop-up-slots/999/bookings", merchant.token, #"{"merchant": "\#(merchant.slug)"}"#,
                .notFound, "slot_not_found"
            ),
            (
                .post, "/api/v1/pop-up-venues/\(venue)/slots", token,
                #"{"start": "2026-13-01T09:00", "end": "2026-03-21T18:00"}"#, .badRequest, "invalid_field"
            ),
            (
                .post, "/api/v1/pop-up-venues/\(venue)/slots", token,
                #"{"start": "2026-03-21T18:00", "end": "2026-03-21T09:00"}"#, .badRequest, "invalid_end"
            ),
            (
                .post, "/api/v1/pop-up-venues/\(venue)/slots", merchant.token,
                #"{"start": "2026-03-22T09:00", "end": "2026-03-22T18:00"}"#, .forbidden, "forbidden"
            ),
            (
                .post, "/api/v1/pop-up-venues/\(venue)/series", token,
                #"{"weekdays": [9], "startTime": "09:00", "endTime": "18:00", "firstDay": "2026-03-21", "lastDay": "2026-03-28"}"#,
                .badRequest, "invalid_weekdays"
            ),
            (
                .post, "/api/v1/pop-up-venues/\(venue)/series", token,
                #"{"weekdays": [6], "startTime": "09:00", "endTime": "18:00", "firstDay": "2026-02-30", "lastDay": "2026-03-28"}"#,
                .badRequest, "invalid_field"
            ),
            (
                .post, "/api/v1/zones/dordogne/pop-up-venues", token,
                #"{"name": "", "address": "a", "commune": "b", "capacity": 1}"#, .badRequest, "invalid_name"
            ),
            (
                .post, "/api/v1/zones/dordogne/pop-up-venues", token,
                #"{"name": "a", "address": "a", "commune": "b", "capacity": 9000}"#, .badRequest, "invalid_capacity"
            ),
            (
                .post, "/api/v1/zones/atlantide/pop-up-venues", token,
                #"{"name": "a", "address": "a", "commune": "b", "capacity": 1}"#, .notFound, "zone_not_found"
            ),
            (
                .put, "/api/v1/pop-up-slots/\(slot)", token,
                #"{"start": "2026-03-21T09:00", "end": "2026-03-21T18:00", "capacity": 0}"#, .badRequest,
                "invalid_capacity"
            ),
            (.post, "/api/v1/pop-up-bookings/77/refuse", token, #"{"reason": "non"}"#, .notFound, "booking_not_found"),
            (
                .post, "/api/v1/zones/dordogne/pop-up-organisers", merchant.token, #"{"email": "x@example.org"}"#,
                .forbidden, "forbidden"
            ),
        ]
        try await setup.app.test { client in
            for (method, path, bearer, body, status, code) in cases {
                let answer = try await client.send(method, path, token: bearer, json: body)
                #expect(answer.status == status, "\(path) \(body ?? "")")
                #expect(try decodeJSON(answer.body)["error"] as? String == code, "\(path) \(body ?? "")")
            }
        }
        #expect(try await setup.app.hub.popUps.venues.slots(venue: venue).map(\.id) == [slot])
        #expect(try await setup.app.hub.popUps.venues.venues(zoneSlug: "dordogne").venues.count == 1)
        #expect(try await setup.app.hub.popUps.venues.slot(slot).capacity == 5)
        #expect(try await setup.app.hub.popUps.bookings.bookings(slot: slot, by: setup.organiser.user).isEmpty)
    }
}

import Community
import Foundation
import Testing

@testable import zonehub

/// Opening hours as residents read them, in French and English, and open now on the merchant page.
@Suite struct OpeningHoursTextTests {
    /// Saturday 14 March 2026, 11:00 in Paris.
    let saturdayMorning = Date(timeIntervalSince1970: 1_773_482_400)

    @Test func aWeekReadsInFrenchWithDaysGrouped() throws {
        let hours = try OpeningHours.parse("Tu-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:30; PH off")
        let week = OpeningHoursText.week(hours, .fr).map { "\($0.days) : \($0.hours)" }
        #expect(
            week == [
                "Lundi : fermé", "Du mardi au vendredi : 9 h – 12 h et 14 h – 18 h 30", "Samedi : 9 h – 12 h 30",
                "Dimanche : fermé", "Jours fériés : fermé",
            ])
        #expect(OpeningHoursText.week(try OpeningHours.parse("24/7"), .fr).map(\.hours) == ["24 h sur 24"])
        #expect(
            OpeningHoursText.week(try OpeningHours.parse("Mo-Su 18:00-02:00"), .en).map { "\($0.days): \($0.hours)" }
                == ["Every day: 18:00 – 2:00"])
    }

    @Test func openNowSaysWhenTheShopCloses() throws {
        let open = OpeningHoursText.status(try OpeningHours.parse("Sa 09:00-12:30"), at: saturdayMorning, .fr)
        #expect(open.rendered == "<span class=\"open-now open\">Ouvert · ferme à 12 h 30</span>")
        let closed = OpeningHoursText.status(try OpeningHours.parse("Mo-Fr 09:00-18:00"), at: saturdayMorning, .fr)
        #expect(closed.rendered == "<span class=\"open-now closed\">Fermé en ce moment</span>")
    }

    @Test func hoursWrittenBeforeTheSyntaxShowAsWritten() {
        #expect(
            OpeningHoursText.fact("Mar-Sam 9h-19h", at: saturdayMorning, .fr).rendered
                == "<li>Horaires : Mar-Sam 9h-19h</li>")
    }

    @Test func aProfileIsRefusedWithBadHoursAndStoredWithCanonicalOnes() async throws {
        let app = try await TestApp()
        let (user, token) = try await app.account("horaires@example.org", role: .merchant)
        let body: @Sendable (String) -> String = { hours in
            """
            {"name": "Horlogerie", "description": "", "categories": ["services"], "commune": "Bergerac",
             "postcode": "24100", "address": "", "links": [], "zones": ["dordogne"], "openingHours": "\(hours)"}
            """
        }
        let bad = try await app.test {
            try await $0.send(.post, "/api/v1/merchants", token: token, json: body("Lu-Ve 9h-18h"))
        }
        #expect(bad.status == .badRequest)
        #expect(try decodeJSON(bad.body)["error"] as? String == "invalid_openingHours")
        #expect(try await app.hub.merchants.owned(by: user).isEmpty)
        let good = try await app.test {
            try await $0.send(.post, "/api/v1/merchants", token: token, json: body("Tu-Sa 9:00-12:00, 14:00-19:00"))
        }
        #expect(good.status == .created)
        let merchant = try await app.hub.merchants.merchant(slug: "horlogerie")
        #expect(merchant.profile.openingHours == "Tu-Sa 09:00-12:00,14:00-19:00")
        let page = try await app.test { try await $0.send(.get, "/merchants/horlogerie") }
        #expect(page.body.contains("<th scope=\"row\">Du mardi au samedi</th><td>9 h – 12 h et 14 h – 19 h</td>"))
    }
}

import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The shop profile form: every error at once beside its field, opening hours entered day by day, and the message
/// after saving.
@Suite struct MerchantFormPagesTests {
    static let form = "application/x-www-form-urlencoded"

    /// A full, valid profile form for the shop in Bergerac, with `changes` replacing or adding fields.
    static func body(_ changes: [(String, String)] = [], days: [String: (String, String, String, String)] = [:])
        -> String
    {
        var fields: [(String, String)] = [
            ("name", "Boutique horaires"), ("description", ""), ("categories", "alimentation"), ("address", ""),
            ("postcode", "24100"), ("commune", "Bergerac"), ("zones", "dordogne"), ("phone", ""), ("email", ""),
            ("website", ""), ("links", ""), ("siret", ""), ("openingHours", ""),
        ]
        for (name, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == name }) {
                fields[index].1 = value
            } else {
                fields.append((name, value))
            }
        }
        for (code, times) in days {
            fields += [
                ("hours-\(code)-opens", times.0), ("hours-\(code)-closes", times.1),
                ("hours-\(code)-reopens", times.2), ("hours-\(code)-closesAgain", times.3),
            ]
        }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }

    static func send(
        _ app: TestApp, _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, cookie: String
    )
        async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await app.test { try await $0.send(method, path, json: body, contentType: Self.form, cookie: cookie) }
    }

    @Test func everyProfileErrorShowsBesideItsFieldAtOnceWithTheValuesKept() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("fiche@example.org")
        let cookie = "zonehub_session=\(token)"
        let before = try await app.hub.merchants.merchant(slug: slug)
        let body = Self.body(
            [
                ("name", ""), ("categories", ""), ("postcode", "24 1"), ("phone", "123"),
                ("website", "ftp://x.example"),
                ("siret", "123"), ("description", "Gardée"),
            ],
            days: ["mo": ("12:00", "09:00", "", ""), "tu": ("09:00", "", "", ""), "we": ("09:00", "12:00", "", "")])
        let page = try await Self.send(app, .post, "/dashboard/merchants/\(slug)", body, cookie: cookie)
        #expect(page.status == .badRequest)
        for (field, message) in [
            ("name", "Le nom du commerce est obligatoire (120 caractères au plus)."),
            ("postcode", "Le code postal a cinq chiffres."),
            ("phone", "Le téléphone doit être un numéro français, par exemple 01 23 45 67 89."),
            ("website", "Le site web doit être une adresse commençant par https://."),
            ("siret", "Le SIRET a 14 chiffres et sa clé de contrôle doit être juste."),
            ("hours-mo", "Lundi : l&#39;heure de fermeture doit venir après celle d&#39;ouverture."),
            ("hours-tu", "Mardi : indiquez l&#39;heure d&#39;ouverture et celle de fermeture, ou cochez « Fermé »."),
        ] {
            #expect(page.body.contains("<p class=\"field-error\" id=\"\(field)-error\">\(message)</p>"), "\(field)")
            #expect(page.body.contains("aria-describedby=\"\(field)-error\""), "\(field)")
            #expect(page.body.contains("<a href=\"#\(field)\">\(message)</a>"), "\(field)")
        }
        #expect(page.body.contains("<fieldset id=\"categories\" aria-describedby=\"categories-error\">"))
        #expect(page.body.contains("8 champs sont à corriger"))
        #expect(page.body.contains(">Gardée</textarea>"))
        #expect(page.body.contains("value=\"ftp://x.example\""))
        #expect(page.body.contains("id=\"hours-mo-opens\" name=\"hours-mo-opens\" value=\"12:00\""))
        #expect(page.body.contains("id=\"hours-we-closes\" name=\"hours-we-closes\" value=\"12:00\""))
        #expect(!page.body.contains("hours-we-error"))
        #expect(try await app.hub.merchants.merchant(slug: slug).profile == before.profile)
    }

    @Test func hoursEnteredDayByDayAreSavedReadBackAndShownOnThePublicPage() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("horaires@example.org")
        let cookie = "zonehub_session=\(token)"
        let split = ("09:00", "12:00", "14:00", "18:30")
        let body = Self.body(
            [("hours-su-closed", "1"), ("hours-ph-closed", "1")],
            days: ["mo": split, "tu": split, "we": split, "th": split, "fr": split, "sa": ("09:00", "13:00", "", "")])
        let saved = try await Self.send(app, .post, "/dashboard/merchants/\(slug)", body, cookie: cookie)
        #expect(saved.status == .seeOther)
        #expect(saved.headers[.location] == "/merchants/\(slug)?ok=merchant-saved")
        #expect(
            try await app.hub.merchants.merchant(slug: slug).profile.openingHours
                == "Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-13:00; PH off")
        let public_ = try await Self.send(app, .get, saved.headers[.location]!, cookie: cookie)
        #expect(public_.body.contains("La fiche du commerce est enregistrée."))
        #expect(public_.body.contains("Du lundi au vendredi"))
        #expect(public_.body.contains("9 h – 12 h et 14 h – 18 h 30"))
        let visitor = try await app.test { try await $0.send(.get, "/merchants/\(slug)?ok=merchant-saved") }
        #expect(!visitor.body.contains("La fiche du commerce est enregistrée."))
        let edit = try await Self.send(app, .get, "/dashboard/merchants/\(slug)/edit", cookie: cookie)
        #expect(edit.body.contains("id=\"hours-fr-reopens\" name=\"hours-fr-reopens\" value=\"14:00\""))
        #expect(edit.body.contains("id=\"hours-sa-closes\" name=\"hours-sa-closes\" value=\"13:00\""))
        #expect(edit.body.contains("name=\"hours-su-closed\" value=\"1\" checked"))
        #expect(edit.body.contains("name=\"hours-ph-closed\" value=\"1\" checked"))
        #expect(!edit.body.contains("id=\"openingHours-kept\""))
    }

    @Test func hoursTheDaysCannotShowAreKeptInTheAdvancedField() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("avance@example.org")
        let cookie = "zonehub_session=\(token)"
        let complex = "Mo-Fr 08:00-10:00,12:00-14:00,16:00-19:00; PH 10:00-12:00"
        let first = try await Self.send(
            app, .post, "/dashboard/merchants/\(slug)", Self.body([("openingHours", complex)]), cookie: cookie)
        #expect(first.status == .seeOther)
        let edit = try await Self.send(app, .get, "/dashboard/merchants/\(slug)/edit", cookie: cookie)
        #expect(edit.body.contains("id=\"openingHours-kept\""))
        #expect(edit.body.contains("<details class=\"advanced\" open>"))
        #expect(edit.body.contains("value=\"\(complex)\""))
        // Saved again as it comes back (the advanced field filled, the days empty), the value is unchanged.
        let again = try await Self.send(
            app, .post, "/dashboard/merchants/\(slug)",
            Self.body([("openingHours", complex), ("phone", "01 23 45 67 89")]),
            cookie: cookie)
        #expect(again.status == .seeOther)
        let profile = try await app.hub.merchants.merchant(slug: slug).profile
        #expect(profile.openingHours == complex && profile.phone == "01 23 45 67 89")
        let wrong = try await Self.send(
            app, .post, "/dashboard/merchants/\(slug)", Self.body([("openingHours", "lundi matin")]), cookie: cookie)
        #expect(wrong.status == .badRequest)
        #expect(wrong.body.contains("<p class=\"field-error\" id=\"openingHours-error\">"))
        #expect(wrong.body.contains("value=\"lundi matin\""))
        #expect(try await app.hub.merchants.merchant(slug: slug).profile.openingHours == complex)
    }

    @Test func aNewProfileIsCreatedWithItsHoursAndTheMessage() async throws {
        let app = try await TestApp()
        let (user, token) = try await app.account("nouveau@example.org", role: .merchant)
        let cookie = "zonehub_session=\(token)"
        let empty = try await Self.send(app, .get, "/dashboard/merchants/new", cookie: cookie)
        #expect(empty.body.contains("<fieldset class=\"day\" id=\"hours-mo\"><legend>Lundi</legend>"))
        #expect(!empty.body.contains("value=\"1\" checked"))
        let created = try await Self.send(
            app, .post, "/dashboard/merchants",
            Self.body([("name", "Nouvelle boutique")], days: ["we": ("10:00", "00:00", "", "")]), cookie: cookie)
        #expect(created.status == .seeOther)
        #expect(created.headers[.location]?.hasSuffix("?ok=merchant-created") == true)
        let owned = try await app.hub.merchants.owned(by: user)
        #expect(owned.map(\.profile.openingHours) == ["We 10:00-24:00"])
    }
}

import Community
import Directory
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The one photo of a pop-up venue (its zone's organisers place it) and of a seasonal market (its zone's admins),
/// through their pages: shown on the venue's and the market's page and in the zone's lists.
@Suite struct PlacePhotoHTTPTests {
    static let form = "application/x-www-form-urlencoded"

    static func upload(_ client: any TestClientProtocol, _ path: String, cookie: String, alt: String, file: String)
        async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, path, bytes: try PhotoHTTPTests.form(alt: alt, file: file), contentType: PhotoHTTPTests.multipart,
            cookie: cookie)
    }

    @Test func anOrganiserPlacesTheVenuesPhotoShownOnItsPageAndInTheZonesList() async throws {
        let setup = try await PopUpSetup()
        let venue = setup.venue.id.rawValue
        let path = "/zones/dordogne/pop-ups/venues/\(venue)/photo"
        let cookie = "zonehub_session=\(setup.organiser.token)"
        let (_, resident) = try await setup.app.account("habitant@example.org", role: .resident)
        try await setup.app.test { client in
            let venuePage = try await client.send(.get, "/pop-up-venues/\(venue)", cookie: cookie)
            #expect(venuePage.body.contains("href=\"\(path)\"") && venuePage.body.contains("Ajouter une photo du lieu"))
            #expect(!(try await client.send(.get, "/pop-up-venues/\(venue)").body.contains(path)))
            #expect(try await client.send(.get, path, cookie: "zonehub_session=\(resident)").status == .forbidden)
            #expect(
                try await Self.upload(
                    client, path, cookie: "zonehub_session=\(resident)", alt: "Intrus", file: "gps.jpg"
                )
                .status == .forbidden)
            // A venue is found under its own zone only.
            #expect(
                try await client.send(.get, "/zones/oise/pop-ups/venues/\(venue)/photo", cookie: cookie).status
                    == .notFound)

            let refused = try await Self.upload(client, path, cookie: cookie, alt: "", file: "gps.jpg")
            #expect(refused.status == .badRequest && refused.body.contains("Décrivez la photo en quelques mots"))
            let sent = try await Self.upload(
                client, path, cookie: cookie, alt: "La halle un jour de marché", file: "opaque.png")
            #expect(sent.status == .seeOther && sent.headers[.location] == "\(path)?ok=photo-added")

            let page = try await client.send(.get, "/pop-up-venues/\(venue)")
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("img-src 'self';") == true)
            let img = try #require(
                page.body.firstMatch(
                    of:
                        /<p class="place-photo"><img class="photo" src="([^"]+)" srcset="([^"]+)"[^>]*alt="La halle un jour de marché"/
                ))
            #expect(img.2.contains("320w") && img.1.hasPrefix("/photos/"))
            let list = try await client.send(.get, "/zones/dordogne/pop-ups")
            #expect(
                list.body.contains("class=\"card-thumb\"") && list.body.contains("alt=\"La halle un jour de marché\""))
            let home = try await client.send(.get, "/")
            #expect(home.body.contains("class=\"list-thumb\""))

            // A new photo replaces it; removing asks first.
            _ = try await Self.upload(client, path, cookie: cookie, alt: "La halle de nuit", file: "alpha.png")
            let managed = try await client.send(.get, path, cookie: cookie)
            #expect(managed.body.contains("<figcaption>La halle de nuit</figcaption>"))
            #expect(!managed.body.contains("La halle un jour de marché"))
            let ask = try await client.send(.get, "\(path)/remove", cookie: cookie)
            #expect(ask.body.contains("retirée de la page du lieu « La Halle de Bergerac »"))
            let unconfirmed = try await client.send(
                .post, "\(path)/remove", bytes: [], contentType: Self.form, cookie: cookie)
            #expect(unconfirmed.status == .ok && unconfirmed.body.contains("Retirer cette photo ?"))
            let removed = try await client.send(
                .post, "\(path)/remove", bytes: Array("confirm=1".utf8), contentType: Self.form, cookie: cookie)
            #expect(removed.status == .seeOther && removed.headers[.location] == "\(path)?ok=photo-removed")
            #expect(!(try await client.send(.get, "/pop-up-venues/\(venue)").body.contains("place-photo")))
        }
        let actions = try await setup.app.hub.audit.entries(zoneID: nil, limit: 3).map(\.action)
        #expect(actions == ["popup.venue.photo.remove", "popup.venue.photo.set", "popup.venue.photo.set"])
    }

    @Test func theZonesAdminPlacesTheMarketsPhotoShownOnItsPageAndInTheLists() async throws {
        let app = try await TestApp()
        let (admin, token) = try await app.account("admin-dordogne@example.org", role: .zoneAdmin, zones: ["dordogne"])
        let (_, otherAdmin) = try await app.account("admin-oise@example.org", role: .zoneAdmin, zones: ["oise"])
        let now = Date()
        let day: TimeInterval = 86_400
        let market = try await app.hub.markets.create(
            MarketDraft(
                title: "Marché de Noël", description: "Sous la halle.", startsAt: now + 10 * day,
                endsAt: now + 20 * day, applicationsOpenAt: now - day, applicationsCloseAt: now + 5 * day),
            zoneSlug: "dordogne", by: admin)
        let path = "/markets/\(market.slug)/photo"
        let cookie = "zonehub_session=\(token)"
        try await app.test { client in
            #expect(
                try await client.send(.get, "/markets/\(market.slug)", cookie: cookie).body.contains("href=\"\(path)\"")
            )
            #expect(!(try await client.send(.get, "/markets/\(market.slug)").body.contains(path)))
            #expect(try await client.send(.get, path, cookie: "zonehub_session=\(otherAdmin)").status == .forbidden)
            let notImage = try await Self.upload(client, path, cookie: cookie, alt: "Le marché", file: "text.jpg")
            #expect(notImage.status == .badRequest && notImage.body.contains("Ce fichier n&#39;est pas une image"))

            let sent = try await Self.upload(client, path, cookie: cookie, alt: "Chalets illuminés", file: "opaque.png")
            #expect(sent.status == .seeOther)
            let page = try await client.send(.get, "/markets/\(market.slug)")
            #expect(page.body.contains("<p class=\"place-photo\"><img class=\"photo\""))
            #expect(page.body.contains("alt=\"Chalets illuminés\""))
            let list = try await client.send(.get, "/zones/dordogne/markets")
            #expect(list.body.contains("class=\"card-thumb\"") && list.body.contains("alt=\"Chalets illuminés\""))
            let home = try await client.send(.get, "/")
            #expect(home.body.contains("class=\"list-thumb\"") && home.body.contains("alt=\"Chalets illuminés\""))
        }
        let entry = try #require(try await app.hub.audit.entries(zoneID: nil, limit: 1).first)
        #expect(entry.action == "market.photo.set" && entry.subject == "market:\(market.slug)")
    }
}

import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import PopUps
import Testing

@testable import zonehub

/// The organisers' page of waiting booking requests, and the zone admins' page of organisers.
@Suite struct PopUpRequestsPagesTests {
    static let form = "application/x-www-form-urlencoded"

    @Test func organisersSeeEveryWaitingRequestOldestFirstAndApproveOrRefuseIt() async throws {
        let setup = try await PopUpSetup(needsApproval: true)
        let hub = setup.app.hub
        let clock = setup.clock
        let slotID = setup.slot.id
        let organiserToken = setup.organiser.token
        let cookie = "zonehub_session=\(organiserToken)"
        let first = try await setup.app.merchant("cave@example.org")
        let second = try await setup.app.merchant("fromagerie@example.org")
        let slot = slotID.rawValue
        try await setup.app.test { client in
            for shop in [first, second] {
                _ = try await client.send(
                    .post, "/pop-up-slots/\(slot)/book", json: "merchant=\(shop.slug)", contentType: Self.form,
                    cookie: "zonehub_session=\(shop.token)")
                clock.advance(by: 60)
            }
            let page = try await client.send(.get, "/pop-ups/requests", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("2 demandes attendent votre réponse"))
            let cave = try #require(page.body.range(of: "Boutique cave"))
            let fromagerie = try #require(page.body.range(of: "Boutique fromagerie"))
            #expect(cave.lowerBound < fromagerie.lowerBound)
            #expect(page.body.contains("La Halle de Bergerac"))
            #expect(page.body.contains("samedi 21 mars 2026, 09:00 – 18:00"))
            #expect(page.body.contains("action=\"/pop-ups/requests/1/approve\""))
            let approved = try await client.send(.post, "/pop-ups/requests/1/approve", cookie: cookie)
            #expect(approved.status == .seeOther)
            #expect(approved.headers[.location] == "/pop-ups/requests?ok=request-approved")
            let after = try await client.send(.get, approved.headers[.location]!, cookie: cookie)
            #expect(after.body.contains("La demande est acceptée"))
            #expect(after.body.contains("1 demande attend votre réponse"))
            let noReason = try await client.send(
                .post, "/pop-ups/requests/2/refuse", json: "reason=+", contentType: Self.form, cookie: cookie)
            #expect(noReason.status == .badRequest)
            #expect(noReason.body.contains("id=\"reason-2-error\">Donnez un motif (500 caractères au plus).</p>"))
            let refused = try await client.send(
                .post, "/pop-ups/requests/2/refuse", json: "reason=Complet+en+fromagers", contentType: Self.form,
                cookie: cookie)
            #expect(refused.status == .seeOther)
            #expect(refused.headers[.location] == "/pop-ups/requests?ok=request-refused")
            let empty = try await client.send(.get, "/pop-ups/requests", cookie: cookie)
            #expect(empty.body.contains("Aucune demande n&#39;attend votre réponse."))
            let again = try await client.send(.post, "/pop-ups/requests/1/approve", cookie: cookie)
            #expect(again.status == .conflict)
        }
        let bookings = try await hub.popUps.bookings.bookings(slot: slotID, by: setup.organiser.user)
        #expect(bookings.map(\.status) == [.confirmed, .refused])
        #expect(bookings[1].reason == "Complet en fromagers")
    }

    @Test func onlyTheZonesOrganisersAnswerItsRequests() async throws {
        let setup = try await PopUpSetup(needsApproval: true)
        let hub = setup.app.hub
        let slotID = setup.slot.id
        let organiserToken = setup.organiser.token
        let shop = try await setup.app.merchant("cave@example.org")
        let admin = try await setup.app.account("admin-oise@example.org", role: .zoneAdmin, zones: ["oise"])
        let other = try await setup.app.account("orga-oise@example.org", role: .resident)
        _ = try await hub.popUps.venues.grantOrganiser(email: other.user.email, zoneSlug: "oise", by: admin.user)
        try await setup.app.test { client in
            _ = try await client.send(
                .post, "/pop-up-slots/\(slotID.rawValue)/book", json: "merchant=\(shop.slug)",
                contentType: Self.form, cookie: "zonehub_session=\(shop.token)")
            let merchantPage = try await client.send(
                .get, "/pop-ups/requests", cookie: "zonehub_session=\(shop.token)")
            #expect(merchantPage.status == .forbidden)
            let otherPage = try await client.send(.get, "/pop-ups/requests", cookie: "zonehub_session=\(other.token)")
            #expect(otherPage.status == .ok)
            #expect(!otherPage.body.contains("Boutique cave"))
            let forged = try await client.send(
                .post, "/pop-ups/requests/1/approve", cookie: "zonehub_session=\(other.token)")
            #expect(forged.status == .forbidden)
            let forgedRefusal = try await client.send(
                .post, "/pop-ups/requests/1/refuse", json: "reason=", contentType: Self.form,
                cookie: "zonehub_session=\(other.token)")
            #expect(forgedRefusal.status == .notFound)
            let unknown = try await client.send(
                .post, "/pop-ups/requests/99/approve", cookie: "zonehub_session=\(organiserToken)")
            #expect(unknown.status == .notFound)
        }
        let bookings = try await hub.popUps.bookings.bookings(slot: slotID, by: setup.organiser.user)
        #expect(bookings.map(\.status) == [.requested])
    }

    @Test func theRequestNoticeLinksToTheRequestsPage() async throws {
        let setup = try await PopUpSetup(needsApproval: true)
        let hub = setup.app.hub
        let slotID = setup.slot.id
        let shop = try await setup.app.merchant("cave@example.org")
        try await setup.app.test { client in
            _ = try await client.send(
                .post, "/pop-up-slots/\(slotID.rawValue)/book", json: "merchant=\(shop.slug)",
                contentType: Self.form, cookie: "zonehub_session=\(shop.token)")
        }
        _ = try await hub.notices.sweep()
        let link = try await setup.app.mailedLink(to: "orga@example.org", containing: "/pop-ups/requests")
        #expect(link == "/pop-ups/requests")
    }

    @Test func aZoneAdminNamesAndRemovesOrganisersOnTheWeb() async throws {
        let setup = try await PopUpSetup()
        let hub = setup.app.hub
        let admin = try await setup.app.account("admin2-dordogne@example.org", role: .zoneAdmin, zones: ["dordogne"])
        _ = try await setup.app.account("camille@example.org", role: .resident)
        let cookie = "zonehub_session=\(admin.token)"
        let path = "/zones/dordogne/moderation/organisers"
        try await setup.app.test { client in
            let page = try await client.send(.get, path, cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("orga@example.org"))
            let unknown = try await client.send(
                .post, path, json: "email=personne%40example.org", contentType: Self.form, cookie: cookie)
            #expect(unknown.status == .badRequest)
            #expect(unknown.body.contains("id=\"email-error\">Aucun compte n&#39;utilise cette adresse e-mail.</p>"))
            #expect(unknown.body.contains("value=\"personne@example.org\""))
            let blank = try await client.send(.post, path, json: "email=", contentType: Self.form, cookie: cookie)
            #expect(blank.status == .badRequest)
            #expect(blank.body.contains("id=\"email-error\">L&#39;adresse e-mail n&#39;est pas valide.</p>"))
            let named = try await client.send(
                .post, path, json: "email=camille%40example.org", contentType: Self.form, cookie: cookie)
            #expect(named.status == .seeOther)
            #expect(named.headers[.location] == "\(path)?ok=organiser-named")
            let after = try await client.send(.get, named.headers[.location]!, cookie: cookie)
            #expect(after.body.contains("L&#39;organisateur est nommé."))
            #expect(after.body.contains("camille@example.org"))
            let removed = try await client.send(
                .post, "\(path)/revoke", json: "email=orga%40example.org", contentType: Self.form, cookie: cookie)
            #expect(removed.status == .seeOther)
            #expect(removed.headers[.location] == "\(path)?ok=organiser-revoked")
        }
        let (_, organisers) = try await hub.popUps.venues.organisers(zoneSlug: "dordogne", by: admin.user)
        #expect(organisers.map(\.email) == ["camille@example.org"])
    }

    @Test func onlyTheZonesAdminsNameOrganisers() async throws {
        let setup = try await PopUpSetup()
        let hub = setup.app.hub
        let organiserToken = setup.organiser.token
        let elsewhere = try await setup.app.account("admin-oise@example.org", role: .zoneAdmin, zones: ["oise"])
        _ = try await setup.app.account("camille@example.org", role: .resident)
        let path = "/zones/dordogne/moderation/organisers"
        try await setup.app.test { client in
            let organiser = try await client.send(.get, path, cookie: "zonehub_session=\(organiserToken)")
            #expect(organiser.status == .forbidden)
            let other = try await client.send(
                .post, path, json: "email=camille%40example.org", contentType: Self.form,
                cookie: "zonehub_session=\(elsewhere.token)")
            #expect(other.status == .forbidden)
            let revoke = try await client.send(
                .post, "\(path)/revoke", json: "email=orga%40example.org", contentType: Self.form,
                cookie: "zonehub_session=\(elsewhere.token)")
            #expect(revoke.status == .forbidden)
            let missing = try await client.send(
                .get, "/zones/nowhere/moderation/organisers", cookie: "zonehub_session=\(elsewhere.token)")
            #expect(missing.status == .notFound)
        }
        let admin = try await setup.app.account("admin3@example.org", role: .zoneAdmin, zones: ["dordogne"])
        let (_, organisers) = try await hub.popUps.venues.organisers(zoneSlug: "dordogne", by: admin.user)
        #expect(organisers.map(\.email) == ["orga@example.org"])
    }
}

import Community
import Foundation
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Membership
import Testing

@testable import zonehub

/// Claiming a listing through the pages, on a real SQLite hub with the shipped zones; the links are read from the
/// mail the outbox would send.
// Unchecked: the router is only used by one test at a time.
@Suite struct ListingClaimPagesTests: @unchecked Sendable {
    let clock = FixedClock(Date())
    let app: TestApp
    let admin: (user: User, token: String)
    /// The slug of a listing the oise admin imported, with an address of its own and a SIRET.
    let slug: String

    static let listingEmail = "contact@boulangerie-caron.fr"
    static let siret = "73282932000074"

    init() async throws {
        app = try await TestApp(clock: clock)
        admin = try await app.account("admin.oise@example.org", role: .zoneAdmin, zones: ["oise"])
        let csv = """
            name,categories,commune,postcode,email,siret
            Boulangerie Caron,alimentation,Beauvais,60000,\(Self.listingEmail),\(Self.siret)
            Cordonnerie sans adresse,services,Beauvais,60000,,
            """
        let report = try await app.hub.merchantImporter.run(
            Data(csv.utf8), zoneSlug: "oise", by: admin.user, dryRun: false)
        try #require(report.errors.isEmpty && report.imported.count == 2)
        #expect(report.imported.allSatisfy { $0.claimable })
        slug = report.imported[0].slug
    }

    func form(
        _ uri: String, _ body: String, token: String?, client: any TestClientProtocol
    ) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        try await client.send(
            .post, uri, token: token, bytes: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    func token(_ link: String) -> String { String(link.split(separator: "=").last ?? "") }

    func owner(_ slug: String) async throws -> (User.ID?, Bool?) {
        let merchant = try await app.hub.merchantStore.merchant(slug: slug)
        return (merchant?.ownerID, merchant?.claimable)
    }

    func claims() async throws -> Int {
        try await app.database.read { db in try await db.value("SELECT count(*) FROM listingClaim") } ?? -1
    }

    @Test func anImportedListingIsClaimedByTheLinkMailedToItsOwnAddress() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        let ana = try #require(try await app.hub.accounts.user(token: shop))
        try await app.test { client in
            let page = try await client.send(.get, "/merchants/\(slug)")
            #expect(page.body.contains("C&#39;est votre commerce ? Revendiquez cette fiche"))
            let anonymous = try await client.send(.get, "/merchants/\(slug)/claim")
            #expect(anonymous.status == .ok && anonymous.body.contains("href=\"/sign-up\""))
            let claim = try await client.send(.get, "/merchants/\(slug)/claim", token: shop)
            #expect(claim.body.contains("c•••@boulangerie-caron.fr") && claim.body.contains("Recevoir le lien"))
            let english = try await client.send(.get, "/merchants/\(slug)/claim?lang=en", token: shop)
            #expect(english.body.contains("Get a link at the listing&#39;s address"))
            #expect(english.body.contains("Ask the zone&#39;s team"))
            let sent = try await form("/merchants/\(slug)/claim/link", "", token: shop, client: client)
            #expect(sent.status == .ok && sent.body.contains("Un lien a été envoyé à"))
            #expect(sent.body.contains("c•••@boulangerie-caron.fr") && !sent.body.contains(Self.listingEmail))
            // The link goes to the listing's address, not the claimant's.
            #expect(try await app.hub.outbox.messages(recipient: "ana@example.org").isEmpty)
            let link = try await app.mailedLink(to: Self.listingEmail, containing: "/claims/confirm")
            let confirm = try await client.send(.get, link, token: shop)
            #expect(confirm.status == .ok && confirm.body.contains("Confirmer : c&#39;est mon commerce"))
            #expect(try await owner(slug) == (admin.user.id, true), "following the link alone changes nothing")
            let done = try await form("/claims/confirm", "token=\(token(link))", token: shop, client: client)
            #expect(done.status == .ok && done.body.contains("La fiche est à vous"))
            #expect(try await owner(slug) == (ana.id, false))
            let after = try await client.send(.get, "/merchants/\(slug)")
            #expect(!after.body.contains("Revendiquez cette fiche"))
            let dashboard = try await client.send(.get, "/dashboard", token: shop)
            #expect(dashboard.body.contains("Boulangerie Caron"))
            let reused = try await form("/claims/confirm", "token=\(token(link))", token: shop, client: client)
            #expect(reused.status == .badRequest && reused.body.contains("est plus valable"))
        }
        let audit = try await app.hub.audit.entries(zoneID: nil, limit: 100).map(\.action)
        #expect(audit.contains("listing.claim") && audit.contains("listing.claim-approve"))
    }

    @Test func aRequestToTheTeamIsApprovedByTheZonesAdminOnly() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        let ana = try #require(try await app.hub.accounts.user(token: shop))
        let other = try await app.account("admin.dordogne@example.org", role: .zoneAdmin, zones: ["dordogne"])
        try await app.test { client in
            let sent = try await form(
                "/merchants/\(slug)/claim/review", "siret=732%20829%20320%2000074&message=Je%20suis%20le%20g%C3%A9rant",
                token: shop, client: client)
            #expect(sent.status == .ok && sent.body.contains("transmise à l&#39;équipe de la zone"))
            let queue = try await app.mailedLink(to: "admin.oise@example.org", containing: "/moderation/claims")
            #expect(queue == "/zones/oise/moderation/claims")
            let list = try await client.send(.get, queue, token: admin.token)
            #expect(list.status == .ok && list.body.contains("Boulangerie Caron") && list.body.contains("Identiques"))
            #expect(list.body.contains("Je suis le gérant") && list.body.contains("ana@example.org"))
            let id = try #require(
                try await app.hub.claims.pending(in: try await app.hub.zones.zone(slug: "oise"), for: admin.user).first?
                    .id)
            // Another zone's admin neither sees nor decides.
            #expect(try await client.send(.get, queue, token: other.token).status == .forbidden)
            let foreign = try await form("\(queue)/\(id.rawValue)/approve", "", token: other.token, client: client)
            #expect(foreign.status == .forbidden)
            let elsewhere = try await form(
                "/zones/dordogne/moderation/claims/\(id.rawValue)/approve", "", token: other.token, client: client)
            #expect(elsewhere.status == .notFound)
            #expect(try await owner(slug) == (admin.user.id, true))
            let approved = try await form("\(queue)/\(id.rawValue)/approve", "", token: admin.token, client: client)
            #expect(approved.status == .ok && approved.body.contains("Fiche confiée"))
            #expect(try await owner(slug) == (ana.id, false))
            #expect(try await app.mailedLink(to: "ana@example.org", containing: "/merchants/") == "/merchants/\(slug)")
            let twice = try await form("\(queue)/\(id.rawValue)/approve", "", token: admin.token, client: client)
            #expect(twice.status == .conflict && twice.body.contains("déjà été traitée"))
        }
    }

    @Test func aRefusedRequestLeavesTheListingClaimableAndTellsTheReason() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        try await app.test { client in
            _ = try await form(
                "/merchants/\(slug)/claim/review", "siret=\(Self.siret)&message=", token: shop, client: client)
            let zone = try await app.hub.zones.zone(slug: "oise")
            let id = try #require(try await app.hub.claims.pending(in: zone, for: admin.user).first?.id)
            let base = "/zones/oise/moderation/claims/\(id.rawValue)"
            let empty = try await form("\(base)/refuse", "reason=%20", token: admin.token, client: client)
            #expect(empty.status == .badRequest && empty.body.contains("Donnez un motif"))
            let refused = try await form(
                "\(base)/refuse", "reason=Le%20g%C3%A9rant%20ne%20vous%20conna%C3%AEt%20pas", token: admin.token,
                client: client)
            #expect(refused.status == .ok && refused.body.contains("Demande refusée"))
            let mail = try #require(try await app.hub.outbox.messages(recipient: "ana@example.org").last)
            guard case .notice(let subject, let text) = mail.payload else {
                Issue.record("the claimant got no notice")
                return
            }
            #expect(subject.contains("non acceptée") && text.contains("Motif : Le gérant ne vous connaît pas"))
            #expect(try await owner(slug) == (admin.user.id, true))
            #expect(try await app.hub.claims.pending(in: zone, for: admin.user).isEmpty)
        }
    }

    @Test func aListingItsMerchantCreatedCannotBeClaimed() async throws {
        let (_, own) = try await app.merchant("owner@example.org", zone: "oise")
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        try await app.test { client in
            #expect(!(try await client.send(.get, "/merchants/\(own)").body.contains("Revendiquez cette fiche")))
            let page = try await client.send(.get, "/merchants/\(own)/claim", token: shop)
            #expect(page.body.contains("déjà son responsable") && !page.body.contains("Recevoir le lien"))
            for way in ["link", "review"] {
                let answer = try await form(
                    "/merchants/\(own)/claim/\(way)", "siret=\(Self.siret)", token: shop, client: client)
                #expect(answer.status == .conflict && answer.body.contains("déjà son responsable"), "\(way)")
            }
        }
        #expect(try await claims() == 0)
    }

    @Test func anExpiredLinkIsRefusedAndChangesNothing() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        let (otherShop, _) = try await app.merchant("bruno@example.org", zone: "oise")
        try await app.test { client in
            _ = try await form("/merchants/\(slug)/claim/link", "", token: shop, client: client)
            let link = try await app.mailedLink(to: Self.listingEmail, containing: "/claims/confirm")
            let foreign = try await form("/claims/confirm", "token=\(token(link))", token: otherShop, client: client)
            #expect(foreign.status == .forbidden && foreign.body.contains("demandé depuis un autre compte"))
            clock.advance(by: ListingClaimService.linkLifetime + 1)
            let late = try await form("/claims/confirm", "token=\(token(link))", token: shop, client: client)
            #expect(late.status == .badRequest && late.body.contains("est plus valable : il a expiré"))
        }
        #expect(try await owner(slug) == (admin.user.id, true))
    }
}

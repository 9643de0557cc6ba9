import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import Membership
import Testing

@testable import zonehub

/// Bad input and abuse: each refused in French, with nothing stored and no mail sent.
extension ListingClaimPagesTests {
    @Test func badClaimsAreRefusedInFrenchAndStoreNothing() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        let resident = try await app.account("resident@example.org", role: .resident)
        let noEmail = try #require(
            try await app.hub.merchants.list(zone: try await app.hub.zones.zone(slug: "oise"), category: nil)
                .first { $0.name == "Cordonnerie sans adresse" }?.slug)
        let long = String(repeating: "é", count: ListingClaimService.maxMessage + 1)
        let cases: [(String, String, String?, HTTPResponse.Status, String)] = [
            ("/merchants/\(slug)/claim/review", "siret=", shop, .badRequest, "Indiquez le SIRET de votre commerce"),
            ("/merchants/\(slug)/claim/review", "siret=12345", shop, .badRequest, "Le SIRET a 14 chiffres"),
            ("/merchants/\(slug)/claim/review", "siret=73282932000075", shop, .badRequest, "clé de contrôle"),
            (
                "/merchants/\(slug)/claim/review", "siret=\(Self.siret)&message=\(long)", shop, .badRequest,
                "900 caractères au plus"
            ),
            ("/merchants/\(noEmail)/claim/link", "", shop, .badRequest, "pas d&#39;adresse e-mail"),
            ("/merchants/\(slug)/claim/link", "", resident.token, .forbidden, "Seul un compte commerçant actif"),
            ("/merchants/\(slug)/claim/review", "siret=\(Self.siret)", nil, .unauthorized, "Connectez-vous"),
            ("/merchants/inconnue/claim/link", "", shop, .notFound, "n&#39;existe pas"),
            ("/claims/confirm", "token=", shop, .badRequest, "est plus valable"),
            ("/claims/confirm", "token=\(String(repeating: "x", count: 500))", shop, .badRequest, "est plus valable"),
        ]
        try await app.test { client in
            for (uri, body, token, status, message) in cases {
                let answer = try await form(uri, body, token: token, client: client)
                #expect(answer.status == status, "\(uri) \(body.prefix(40))")
                #expect(answer.body.contains(message), "\(uri) \(body.prefix(40)): \(answer.body.suffix(1500))")
                #expect(!answer.body.contains("invalid_") && !answer.body.contains("listing_"), "no code shown")
            }
            // What was typed stays in the form.
            let kept = try await form(
                "/merchants/\(slug)/claim/review", "siret=12345&message=Bonjour%20%3Cb%3E", token: shop,
                client: client)
            #expect(kept.body.contains("value=\"12345\"") && kept.body.contains("Bonjour &lt;b&gt;"))
        }
        #expect(try await claims() == 0)
        #expect(try await app.hub.outbox.messages(recipient: Self.listingEmail).isEmpty)
        #expect(try await owner(slug) == (admin.user.id, true))
    }

    @Test func claimsAreThrottledPerAccountAndPerClient() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        try await app.test { client in
            for _ in 0..<ListingClaimService.perAddress {
                let sent = try await form("/merchants/\(slug)/claim/link", "", token: shop, client: client)
                #expect(sent.status == .ok)
            }
            let fourth = try await form("/merchants/\(slug)/claim/link", "", token: shop, client: client)
            #expect(fourth.status == .tooManyRequests && fourth.body.contains("Trop de demandes"))
            // Other accounts from the same client: the client's own limit, counted in the database, stops them.
            var answers: [HTTPResponse.Status] = []
            for index in 0..<4 {
                let (other, _) = try await app.merchant("shop\(index)@example.org", zone: "oise")
                for _ in 0..<2 {
                    answers.append(
                        try await form(
                            "/merchants/\(slug)/claim/review", "siret=\(Self.siret)", token: other, client: client
                        ).status)
                }
            }
            let allowed = ListingClaimService.perClient - ListingClaimService.perAddress - 1
            #expect(answers.prefix(allowed).allSatisfy { $0 == .ok }, "\(answers)")
            #expect(answers.dropFirst(allowed).allSatisfy { $0 == .tooManyRequests }, "\(answers)")
        }
        let mails = try await app.hub.outbox.messages(recipient: Self.listingEmail)
        #expect(mails.count == ListingClaimService.perAddress)
        let throttled: Int? = try await app.database.read { db in
            try await db.value("SELECT count(*) FROM throttleCount WHERE subject LIKE 'claim.%'")
        }
        #expect((throttled ?? 0) >= 2)
    }
}

extension ListingClaimPagesTests {
    @Test func onlyTheZonesAdminsAndOperatorsSeeAndDecideClaims() async throws {
        let (shop, _) = try await app.merchant("ana@example.org", zone: "oise")
        var tokens: [String: String?] = ["anonymous": nil, "claimant": shop]
        tokens["resident"] = try await app.account("resident@example.org", role: .resident).token
        tokens["otherMerchant"] = try await app.merchant("bruno@example.org", zone: "oise").token
        tokens["adminOfOtherZone"] = try await app.account("a@example.org", role: .zoneAdmin, zones: ["dordogne"]).token
        let operatorToken = try await app.account("op@example.org", role: .hubOperator).token
        let actors = tokens
        try await app.test { client in
            _ = try await form("/merchants/\(slug)/claim/review", "siret=\(Self.siret)", token: shop, client: client)
            let zone = try await app.hub.zones.zone(slug: "oise")
            let id = try #require(try await app.hub.claims.pending(in: zone, for: admin.user).first?.id)
            let base = "/zones/oise/moderation/claims"
            for (actor, token) in actors {
                let expected: HTTPResponse.Status = token == nil ? .unauthorized : .forbidden
                #expect(try await client.send(.get, base, token: token).status == expected, "\(actor) sees")
                for decision in ["approve", "refuse"] {
                    let answer = try await form(
                        "\(base)/\(id.rawValue)/\(decision)", "reason=non", token: token, client: client)
                    #expect(answer.status == expected, "\(actor) may not \(decision)")
                }
            }
            #expect(try await app.hub.claims.pending(in: zone, for: admin.user).count == 1)
            #expect(try await client.send(.get, base, token: operatorToken).status == .ok)
            #expect(try await client.send(.get, base, token: admin.token).status == .ok)
            let approved = try await form("\(base)/\(id.rawValue)/approve", "", token: operatorToken, client: client)
            #expect(approved.status == .ok)
        }
        #expect(try await owner(slug).1 == false)
    }
}

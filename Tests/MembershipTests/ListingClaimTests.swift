import Community
import Foundation
import HubTestSupport
import Membership
import Storage
import Testing

/// The listing claim store on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set): a listing stored
/// for someone else is claimable, changes owner once, and every other claim of it closes with it.
@Suite struct ListingClaimTests {
    let hub: TestHub
    let store: SQLListingClaimStore
    let listing: Merchant
    let ana: User
    let bruno: User
    let admin: User

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        store = SQLListingClaimStore(database: hub.hubDatabase.sql)
        admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let operatorUser = try await hub.user("op@example.org", role: .hubOperator)
        listing = try await hub.merchants.create(
            MerchantProfile(
                name: "Boulangerie Caron", categories: [.alimentation], commune: "Corbeil-Essonnes",
                postcode: "91100", email: "contact@boulangerie.example", siret: "73282932000074", zones: ["alpha"]),
            owner: operatorUser)
        ana = try await hub.user("ana@example.org", role: .merchant)
        bruno = try await hub.user("bruno@example.org", role: .merchant)
    }

    func byLink(_ user: User, digest: String) async throws -> ListingClaim {
        try await store.open(
            merchant: listing.id, user: user.id, method: .email, digest: digest,
            expiresAt: hub.clock.now() + 48 * 3600, siret: nil, message: nil, at: hub.clock.now())
    }

    func byReview(_ user: User, siret: String = "73282932000074") async throws -> ListingClaim {
        try await store.open(
            merchant: listing.id, user: user.id, method: .review, digest: nil, expiresAt: nil, siret: siret,
            message: "C'est ma boutique.\nDepuis 2019.", at: hub.clock.now())
    }

    func owner() async throws -> (User.ID?, Bool?) {
        let merchant = try await hub.merchantStore.merchant(id: listing.id)
        return (merchant?.ownerID, merchant?.claimable)
    }

    func code(_ error: any Error) -> String? { (error as? CommunityError)?.code }

    @Test func aListingStoredForSomeoneElseIsClaimableAndAMerchantsOwnIsNot() async throws {
        #expect(listing.claimable)
        let own = try await hub.merchant("Épicerie", owner: ana)
        #expect(!own.claimable)
        await #expect {
            _ = try await store.open(
                merchant: own.id, user: bruno.id, method: .review, digest: nil, expiresAt: nil, siret: "73282932000074",
                message: nil, at: hub.clock.now())
        } throws: { code($0) == "listing_not_claimable" }
        #expect(try await hub.number("SELECT count(*) FROM listingClaim") == 0)
    }

    @Test func aLinkHandsTheListingOverOnceAndClosesTheOtherClaims() async throws {
        let claim = try await byLink(ana, digest: "d-ana")
        let other = try await byReview(bruno)
        let transfer = try await store.useLink("d-ana", user: ana.id, now: hub.clock.now())
        #expect(transfer.merchant.ownerID == ana.id && !transfer.merchant.claimable)
        #expect(transfer.claim.id == claim.id && transfer.claim.outcome == .approved)
        #expect(transfer.closed.map(\.id) == [other.id])
        let closed = try #require(try await store.claim(id: other.id))
        #expect(closed.outcome == .refused && closed.reason == SQLListingClaimStore.otherClaimWon)
        #expect(try await owner() == (ana.id, false))
        await #expect { try await store.useLink("d-ana", user: ana.id, now: hub.clock.now()) } throws: {
            code($0) == "link_invalid"
        }
        await #expect { _ = try await byReview(bruno) } throws: { code($0) == "listing_not_claimable" }
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'listing.claim-approve'") == 1)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'listing.claim'") == 2)
        #expect(try await store.pendingReviews(zone: listing.zoneIDs[0]).isEmpty)
    }

    @Test func aLinkWorksOnlyForItsOwnAccountAndUntilItExpires() async throws {
        _ = try await byLink(ana, digest: "d-ana")
        await #expect { try await store.useLink("d-ana", user: bruno.id, now: hub.clock.now()) } throws: {
            code($0) == "claim_other_account"
        }
        await #expect { try await store.useLink("altered", user: ana.id, now: hub.clock.now()) } throws: {
            code($0) == "link_invalid"
        }
        hub.clock.advance(by: 48 * 3600 + 1)
        await #expect { try await store.useLink("d-ana", user: ana.id, now: hub.clock.now()) } throws: {
            code($0) == "link_invalid"
        }
        #expect(try await owner() == (listing.ownerID, true))
        #expect(try await hub.number("SELECT count(*) FROM listingClaim WHERE decidedAt IS NOT NULL") == 0)
    }

    @Test func aNewRequestReplacesThePersonsEarlierOne() async throws {
        let first = try await byLink(ana, digest: "d-1")
        let second = try await byReview(ana, siret: "73282932000074")
        #expect(try await store.claim(id: first.id)?.outcome == .withdrawn)
        #expect(try await store.openClaim(merchant: listing.id, user: ana.id) == second)
        await #expect { try await store.useLink("d-1", user: ana.id, now: hub.clock.now()) } throws: {
            code($0) == "link_invalid"
        }
        // The SIRET and the message come back apart, though they share a column.
        #expect(second.siret == "73282932000074" && second.message == "C'est ma boutique.\nDepuis 2019.")
        let waiting = try await store.pendingReviews(zone: listing.zoneIDs[0])
        #expect(waiting.map(\.claim.id) == [second.id] && waiting.first?.claimant.id == ana.id)
        #expect(waiting.first?.merchant.profile.siret == "73282932000074")
    }

    @Test func aRefusalIsTakenOnceWithItsReasonAndChangesNoOwner() async throws {
        let claim = try await byReview(ana)
        let refused = try await store.refuse(claim.id, reason: "SIRET différent", by: admin.id, at: hub.clock.now())
        #expect(refused.outcome == .refused && refused.reason == "SIRET différent" && refused.decidedBy == admin.id)
        await #expect {
            _ = try await store.refuse(claim.id, reason: "encore", by: admin.id, at: hub.clock.now())
        } throws: { code($0) == "claim_decided" }
        await #expect { _ = try await store.approve(claim.id, by: admin.id, at: hub.clock.now()) } throws: {
            code($0) == "claim_decided"
        }
        await #expect {
            _ = try await store.approve(ListingClaim.ID(4242), by: admin.id, at: hub.clock.now())
        } throws: {
            code($0) == "claim_not_found"
        }
        #expect(try await owner() == (listing.ownerID, true))
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'listing.claim-refuse'") == 1)
    }

    @Test func twoApprovalsAtOnceLeaveExactlyOneOwner() async throws {
        let first = try await byReview(ana)
        let second = try await byReview(bruno)
        let (store, admin, now) = (self.store, self.admin, hub.clock.now())
        let results = await withTaskGroup(of: Result<User.ID, any Error>.self) { group in
            for claim in [first, second] {
                group.addTask {
                    do {
                        return .success(try await store.approve(claim.id, by: admin.id, at: now).merchant.ownerID)
                    } catch { return .failure(error) }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = results.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        for case .failure(let error) in results {
            #expect(["listing_not_claimable", "claim_decided"].contains(code(error)), "\(error)")
        }
        #expect(try await owner() == (winners.first, false))
        #expect(try await hub.number("SELECT count(*) FROM listingClaim WHERE outcome = 'approved'") == 1)
        #expect(try await hub.number("SELECT count(*) FROM listingClaim WHERE decidedAt IS NULL") == 0)
    }

    @Test func twoLinksUsedAtOnceLeaveExactlyOneOwner() async throws {
        _ = try await byLink(ana, digest: "d-ana")
        _ = try await byLink(bruno, digest: "d-bruno")
        let (store, now) = (self.store, hub.clock.now())
        let uses = [("d-ana", ana.id), ("d-bruno", bruno.id), ("d-ana", ana.id)]
        let results = await withTaskGroup(of: User.ID?.self) { group in
            for (digest, user) in uses {
                group.addTask { try? await store.useLink(digest, user: user, now: now).merchant.ownerID }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = results.compactMap { $0 }
        #expect(winners.count == 1)
        #expect(try await owner() == (winners.first, false))
        #expect(try await hub.number("SELECT count(*) FROM listingClaim WHERE outcome = 'approved'") == 1)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'listing.claim-approve'") == 1)
    }
}

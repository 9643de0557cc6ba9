import Community
import Foundation
import HubTestSupport
import Testing

@Suite struct PostServiceTests {
    let hub: TestHub
    let owner: User
    let merchant: Merchant

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("marchand@example.org", role: .merchant)
        merchant = try await hub.merchant("Épicerie du Marché", owner: owner)
    }

    func draft(_ content: PostContent = Samples.offer(), zone: String = "alpha") async throws -> Post {
        try await hub.posts().create(content, merchantSlug: merchant.slug, zoneSlug: zone, by: owner)
    }

    @Test func aNewPostIsADraftThatResidentsDoNotSee() async throws {
        let post = try await draft()
        #expect(post.status == .draft)
        #expect(try await hub.posts().live(zone: nil).isEmpty)
        await #expect(throws: CommunityNotFound.post.notFound) { try await hub.posts().post(post.id, viewer: nil) }
    }

    @Test func submittingInAPublishingZonePublishesAtOnce() async throws {
        let post = try await hub.posts().submit(try await draft().id, by: owner)
        #expect(post.status == .published)
        #expect(post.publishedAt == hub.clock.now())
        #expect(try await hub.posts().live(zone: nil).map(\.id) == [post.id])
    }

    @Test func submittingInAReviewingZoneHoldsThePostWithItsReason() async throws {
        let beta = try await hub.user("beta@example.org", role: .merchant)
        let shop = try await hub.merchant("Fromagerie", owner: beta, zone: "beta")
        let draft = try await hub.posts().create(Samples.offer(), merchantSlug: shop.slug, zoneSlug: "beta", by: beta)
        let post = try await hub.posts().submit(draft.id, by: beta)
        #expect(post.status == .held)
        #expect(post.heldReasons == ["zone_policy_review"])
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["beta"])
        #expect(
            try await hub.posts().zonePosts(try await hub.zones.zone(slug: "beta"), statuses: [.held], by: admin).map(
                \.id) == [post.id])
    }

    @Test func aPostScheduledForLaterPublishesWhenItsTimeComes() async throws {
        let later = hub.clock.now().addingTimeInterval(3600)
        let post = try await hub.posts().submit(try await draft(Samples.offer(publishAt: later)).id, by: owner)
        #expect(post.status == .scheduled)
        #expect(try await hub.posts().advance() == (0, 0))
        hub.clock.advance(by: 3600)
        #expect(try await hub.posts().advance() == (1, 0))
        #expect(try await hub.postStore.post(id: post.id)?.status == .published)
    }

    @Test func anOfferDisappearsTheMomentItsValidityEndsAndTheSweepExpiresIt() async throws {
        let until = hub.clock.now().addingTimeInterval(60)
        let post = try await hub.posts().submit(try await draft(Samples.offer(validUntil: until)).id, by: owner)
        #expect(try await hub.posts().live(zone: nil).count == 1)
        hub.clock.advance(by: 60)
        #expect(try await hub.posts().live(zone: nil).isEmpty)
        #expect(try await hub.posts().advance() == (0, 1))
        #expect(try await hub.postStore.post(id: post.id)?.status == .expired)
    }

    @Test func anOfferWhoseValidityHasEndedCannotBeSubmitted() async throws {
        let post = try await draft(Samples.offer(validUntil: hub.clock.now().addingTimeInterval(-1)))
        await #expect(throws: CommunityField.validUntil.invalid("the offer's validity has already ended")) {
            try await hub.posts().submit(post.id, by: owner)
        }
        #expect(try await hub.postStore.post(id: post.id)?.status == .draft)
    }

    @Test func editingAPublishedPostScreensItAgain() async throws {
        let published = try await hub.posts().submit(try await draft().id, by: owner)
        let edited = try await hub.posts().edit(published.id, content: Samples.offer("Nouveau titre"), by: owner)
        #expect(edited.status == .published)
        #expect(edited.content.title == "Nouveau titre")
        let blocking = hub.posts(screener: BlockingScreener())
        await #expect(throws: CommunityProblem.postBlocked.error("forbidden")) {
            try await blocking.edit(published.id, content: Samples.offer("Autre"), by: owner)
        }
        #expect(try await hub.postStore.post(id: published.id)?.content.title == "Nouveau titre")
    }

    @Test func aPublishedPostHeldAgainAfterAnEditKeepsWhenItWasFirstPublished() async throws {
        let published = try await hub.posts().submit(try await draft().id, by: owner)
        hub.clock.advance(by: 3600)
        let held = try await hub.posts(screener: HoldingScreener()).edit(
            published.id, content: Samples.offer("Corrigé"), by: owner)
        #expect(held.status == .held)
        #expect(held.publishedAt == published.publishedAt)
    }

    @Test func aBlockedSubmissionLeavesTheDraftUntouched() async throws {
        let post = try await draft()
        await #expect(throws: CommunityProblem.postBlocked.error("forbidden")) {
            try await hub.posts(screener: BlockingScreener()).submit(post.id, by: owner)
        }
        #expect(try await hub.postStore.post(id: post.id) == post)
    }

    @Test func withdrawingTakesThePostOffAndCannotBeRepeated() async throws {
        let post = try await hub.posts().submit(try await draft().id, by: owner)
        #expect(try await hub.posts().withdraw(post.id, by: owner).status == .withdrawn)
        #expect(try await hub.posts().live(zone: nil).isEmpty)
        await #expect(throws: CommunityProblem.postNotWithdrawable.error("a withdrawn post cannot be withdrawn"))
        {
            try await hub.posts().withdraw(post.id, by: owner)
        }
        await #expect(throws: CommunityError.self) { try await hub.posts().submit(post.id, by: owner) }
    }

    @Test func aMerchantCannotTouchAnotherMerchantsPost() async throws {
        let post = try await draft()
        let other = try await hub.user("autre@example.org", role: .merchant)
        let forbidden = CommunityError.forbidden("this post belongs to another merchant")
        await #expect(throws: forbidden) { try await hub.posts().edit(post.id, content: Samples.offer("x"), by: other) }
        await #expect(throws: forbidden) { try await hub.posts().submit(post.id, by: other) }
        await #expect(throws: forbidden) { try await hub.posts().withdraw(post.id, by: other) }
        #expect(try await hub.postStore.post(id: post.id) == post)
    }

    @Test func residentsAndZoneAdminsCannotWritePosts() async throws {
        let resident = try await hub.user("r@example.org", role: .resident)
        let admin = try await hub.user("a@example.org", role: .zoneAdmin, zones: ["alpha"])
        for user in [resident, admin] {
            await #expect(throws: CommunityError.forbidden("only merchants can write posts")) {
                try await hub.posts().create(Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: user)
            }
        }
        #expect(try await hub.postStore.count() == 0)
    }

    @Test func aZoneAdminCannotListAnotherZonesQueue() async throws {
        let admin = try await hub.user("a@example.org", role: .zoneAdmin, zones: ["beta"])
        let alpha = try await hub.zones.zone(slug: "alpha")
        await #expect(throws: CommunityError.forbidden("you do not administer the zone Alpha")) {
            try await hub.posts().zonePosts(alpha, statuses: [.held], by: admin)
        }
    }

    @Test func aPostCanOnlyGoToOneOfItsMerchantsZones() async throws {
        await #expect(throws: CommunityField.zone.invalid("Épicerie du Marché does not belong to the zone Beta")) {
            try await draft(zone: "beta")
        }
    }

    @Test(arguments: [
        (Samples.offer(""), "invalid_title"),
        (Samples.offer(String(repeating: "x", count: 201)), "invalid_title"),
        (PostContent(kind: .event, title: "Fête", body: "", category: .mode), "invalid_eventAt"),
        (PostContent(kind: .offer, title: "Prix", body: "", category: .mode, priceCents: -1), "invalid_priceCents"),
        (
            PostContent(kind: .offer, title: "Image", body: "", category: .mode, imageURL: "javascript:alert(1)"),
            "invalid_imageURL"
        ),
        (PostContent(kind: .news, title: "Bip\u{7}", body: "", category: .mode), "invalid_title"),
    ])
    func invalidContentIsRefusedNamingTheField(content: PostContent, code: String) async throws {
        await #expect {
            try await draft(content)
        } throws: { ($0 as? CommunityError)?.code == code }
        #expect(try await hub.postStore.count() == 0)
    }

    @Test func everyChangeIsInTheAuditLog() async throws {
        let post = try await hub.posts().submit(try await draft().id, by: owner)
        _ = try await hub.posts().withdraw(post.id, by: owner)
        let entries = try await hub.audit.entries(zoneID: post.zoneID, limit: 10)
        #expect(
            entries.map(\.action) == ["post.withdraw", "post.submit", "post.create", "merchant.create", "zone.add"])
        #expect(entries[0].actorID == owner.id)
        #expect(entries[1].details == #"{"from":"draft","to":"published"}"#)
    }
}

/// A screener that holds everything, standing in for Moderation's holding rules.
struct HoldingScreener: PostScreener {
    func screen(_ submission: Submission) async throws -> ScreeningDecision { .hold(reasons: ["test_hold"]) }
}

/// A screener that refuses everything, standing in for Moderation's blocking rules.
struct BlockingScreener: PostScreener {
    func screen(_ submission: Submission) async throws -> ScreeningDecision { .block(message: "forbidden", french: "interdit") }
}

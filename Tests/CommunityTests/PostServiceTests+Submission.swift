import Community
import Foundation
import HubTestSupport
import Testing

/// Submitting in one step: a post the rules or the screener refuse leaves nothing written, and a draft keeps what
/// it held; run on each engine.
extension PostServiceTests {
    /// Refuses every post, as a zone's blocked term or weekly limit would.
    struct Refusing: PostScreener {
        func screen(_ submission: Submission) async throws -> ScreeningDecision {
            .block(message: "weekly quota reached", french: "Limite atteinte")
        }
    }

    @Test func aPostSubmittedAsItIsCreatedIsPublishedWithBothStepsAudited() async throws {
        let post = try await hub.posts().createSubmitted(
            Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        #expect(post.status == .published)
        #expect(post.publishedAt == hub.clock.now())
        let actions = try await hub.audit.entries(zoneID: nil, limit: 50).filter { $0.subject == "post:\(post.id)" }
            .map(\.action)
        #expect(Set(actions) == ["post.create", "post.submit"])
        #expect(try await hub.postStore.count() == 1)
    }

    @Test func aSubmissionTheScreenerRefusesWritesNoDraft() async throws {
        let refusing = hub.posts(screener: Refusing())
        await #expect(throws: CommunityError.self) {
            try await refusing.createSubmitted(
                Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        }
        var empty = Samples.offer()
        empty.title = " "
        await #expect(throws: CommunityError.self) {
            try await hub.posts().createSubmitted(empty, merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        }
        #expect(try await hub.postStore.count() == 0)
        #expect(try await hub.audit.entries(zoneID: nil, limit: 50).allSatisfy { !$0.action.hasPrefix("post.") })
    }

    @Test func aDraftSubmittedWithNewContentKeepsItsOldContentWhenRefused() async throws {
        let draft = try await hub.posts().create(
            Samples.offer("Avant"), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        await #expect(throws: CommunityError.self) {
            try await hub.posts(screener: Refusing()).submit(draft.id, content: Samples.offer("Après"), by: owner)
        }
        let kept = try #require(try await hub.postStore.post(id: draft.id))
        #expect(kept.status == .draft && kept.content.title == "Avant")
        let submitted = try await hub.posts().submit(draft.id, content: Samples.offer("Après"), by: owner)
        #expect(submitted.status == .published && submitted.content.title == "Après")
        #expect(try await hub.postStore.count() == 1)
    }
}

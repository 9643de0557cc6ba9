import Community
import Foundation
import HubTestSupport
import Testing

@testable import Moderation

@Suite struct ReportsAndTransparencyTests {
    let hub: TestHub
    let admin: User
    let owner: User
    let merchant: Merchant

    init() async throws {
        hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        owner = try await hub.user("marchand@example.org", role: .merchant)
        merchant = try await hub.merchant("Épicerie", owner: owner)
    }

    var queue: ModerationQueue { hub.queue }

    /// A post published in `alpha` (the admin vouches for the merchant first).
    func published(_ title: String = "Panier") async throws -> Post {
        let alpha = try await hub.zones.zone(slug: "alpha")
        try await queue.setTrust(.granted, merchantSlug: merchant.slug, zone: alpha, by: admin)
        let posts = hub.screenedPosts
        let draft = try await posts.create(
            Samples.offer(title), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        return try await posts.submit(draft.id, by: owner)
    }

    @Test func oneReportPerPersonAndTheThresholdHidesThePostUntilAnAdminDecides() async throws {
        let post = try await published()
        var residents: [User] = []
        for index in 1...3 { residents.append(try await hub.user("r\(index)@example.org", role: .resident)) }
        #expect(try await queue.report(post.id, reason: .scam, note: "Prix trop beau", by: residents[0]) == false)
        await #expect(throws: ModerationProblem.alreadyReported.error("you have already reported this post")) {
            try await queue.report(post.id, reason: .spam, note: nil, by: residents[0])
        }
        #expect(try await queue.report(post.id, reason: .scam, note: nil, by: residents[1]) == false)
        #expect(try await hub.postStore.post(id: post.id)?.status == .published)
        #expect(try await queue.report(post.id, reason: .misleading, note: nil, by: residents[2]) == true)
        let hidden = try #require(try await hub.postStore.post(id: post.id))
        #expect(hidden.status == .held && hidden.heldReasons == ["reports_threshold"])
        let item = try #require(try await queue.list(try await hub.zones.zone(slug: "alpha"), by: admin).first)
        #expect(item.reports.map(\.reason) == [.scam, .scam, .misleading])
        try await queue.decide(post.id, action: .approve, by: admin)
        let restored = try #require(try await hub.postStore.post(id: post.id))
        #expect(restored.status == .published && restored.publishedAt == post.publishedAt)
    }

    @Test func manyResidentsReportingAtOnceHideThePostExactlyOnce() async throws {
        let post = try await published()
        var residents: [User] = []
        for index in 1...24 { residents.append(try await hub.user("r\(index)@example.org", role: .resident)) }
        let hidings = try await withThrowingTaskGroup(of: Bool.self) { group in
            for resident in residents {
                group.addTask { [queue] in try await queue.report(post.id, reason: .spam, note: nil, by: resident) }
            }
            return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(hidings == 1)
        #expect(try await hub.moderationStore.reports(post: post.id).count == 24)
        #expect(try await hub.postStore.post(id: post.id)?.status == .held)
    }

    @Test func onlyVisiblePostsCanBeReported() async throws {
        let resident = try await hub.user("r@example.org", role: .resident)
        let draft = try await hub.posts().create(
            Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        await #expect(throws: CommunityNotFound.post.notFound) {
            try await queue.report(draft.id, reason: .spam, note: nil, by: resident)
        }
        await #expect(throws: CommunityNotFound.post.notFound) {
            try await queue.report(Post.ID(999), reason: .spam, note: nil, by: resident)
        }
    }

    @Test func theTransparencyRecordCountsByMonthAndReasonAndNamesNoModerator() async throws {
        let kept = try await published("Gardée")
        let removed = try await published("Retirée")
        try await queue.decide(removed.id, action: .remove, reason: .misleading, note: "Prix faux", by: admin)
        let (months, statements) = try await queue.transparency(try await hub.zones.zone(slug: "alpha"))
        #expect(months.count == 1)
        let month = try #require(months.first)
        #expect(month.month == "2026-03")
        #expect(month.published == 2)
        #expect(month.removed == [.misleading: 1])
        #expect(statements.map(\.postID) == [removed.id])
        #expect(statements.first?.reason == .misleading)
        #expect(kept.status == .published)
        #expect(!"\(statements)".contains("admin@example.org"))
    }
}

import Community
import Foundation
import HubTestSupport
import Testing

@testable import Moderation

/// The audit log names what each entry is about (a post's title and shop, a shop, a person), on either engine, so
/// that the log reads as sentences instead of `merchant:2`.
@Suite struct AuditSubjectTests {
    let hub: TestHub
    let admin: User
    let owner: User
    let merchant: Merchant

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        admin = try await hub.user("camille@example.org", role: .zoneAdmin, zones: ["beta"])
        owner = try await hub.user("marchand@example.org", role: .merchant)
        merchant = try await hub.merchant("Épicerie du Marché", owner: owner, zone: "beta")
    }

    var beta: Zone { get async throws { try await hub.zones.zone(slug: "beta") } }

    @Test func theLogNamesThePostItsShopAndTheTrustedShop() async throws {
        let draft = try await hub.screenedPosts.create(
            Samples.offer("Soupe du jour"), merchantSlug: merchant.slug, zoneSlug: "beta", by: owner)
        let post = try await hub.screenedPosts.submit(draft.id, by: owner)
        _ = try await hub.queue.decide(post.id, action: .approve, by: admin)
        try await hub.queue.setTrust(.granted, merchantSlug: merchant.slug, zone: try await beta, by: admin)

        let log = try await hub.queue.auditLog(try await beta, by: admin)
        let approval = try #require(log.first { $0.entry.action == "moderation.approve" })
        #expect(
            approval.subject
                == AuditSubject(
                    kind: "post", name: "Soupe du jour", owner: "Épicerie du Marché", key: "\(post.id.rawValue)"))
        let trust = try #require(log.first { $0.entry.action == "trust.granted" })
        #expect(trust.subject == AuditSubject(kind: "merchant", name: "Épicerie du Marché", key: merchant.slug))
        // Every entry of this log is about something that still exists, and each is named (the zone itself is
        // named by the page, which knows it).
        #expect(log.filter { $0.subject == nil && !$0.entry.subject.hasPrefix("zone:") }.map(\.entry.subject) == [])
    }

    @Test func aSubjectSplitsIntoItsKindAndKey() {
        #expect(AuditSubject.split("post:12")?.kind == "post")
        #expect(AuditSubject.split("post:12")?.key == "12")
        #expect(AuditSubject.split("popUpSlot:3")?.kind == "popUpSlot")
        #expect(AuditSubject.split("sans deux-points") == nil)
    }
}

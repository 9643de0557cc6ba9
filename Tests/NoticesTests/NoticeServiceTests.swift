import Community
import Feeds
import Foundation
import HubTestSupport
import Moderation
import Notices
import Testing

/// The notice sweep on a real engine (SQLite, or PostgreSQL with `ZONEHUB_TEST_POSTGRES_URL`).
@Suite struct NoticeServiceTests {
    let hub: TestHub
    let admin: User
    let owner: User
    let merchant: Merchant

    init() async throws {
        hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["beta"])
        owner = try await hub.user("marchand@example.org", role: .merchant)
        merchant = try await hub.merchant("Épicerie du marché", owner: owner, zone: "beta")
    }

    /// A post submitted in `beta`, which holds every post for review.
    func held(_ title: String = "Panier de légumes") async throws -> Post {
        let posts = hub.screenedPosts
        let draft = try await posts.create(
            Samples.offer(title), merchantSlug: merchant.slug, zoneSlug: "beta", by: owner)
        let post = try await posts.submit(draft.id, by: owner)
        #expect(post.status == .held)
        return post
    }

    func subjects(_ email: String) async throws -> [String] {
        try await hub.outboxStore.messages(recipient: email).compactMap {
            if case .notice(let subject, _) = $0.payload { subject } else { nil }
        }
    }

    func texts(_ email: String) async throws -> [String] {
        try await hub.outboxStore.messages(recipient: email).compactMap {
            if case .notice(_, let text) = $0.payload { text } else { nil }
        }
    }

    @Test func aHeldPostMailsTheZoneAdminOnceWithAWorkingPreferencesLink() async throws {
        _ = try await held()
        #expect(try await hub.notices.sweep() == NoticeSweepSummary(immediate: 1))
        #expect(try await hub.notices.sweep() == NoticeSweepSummary())
        #expect(try await subjects("admin@example.org") == ["Annonce à modérer : Panier de légumes"])
        let text = try #require(try await texts("admin@example.org").first)
        #expect(text.hasPrefix("Bonjour,\n\nL'annonce « Panier de légumes » de Épicerie du marché attend"))
        #expect(text.contains("https://hub.test/zones/beta/moderation"))
        let link = try #require(text.split(separator: "\n").first { $0.contains("/notices/preferences?token=") })
        let token = String(try #require(link.split(separator: "token=").last))
        let page = try await hub.notices.preferences(token: token)
        #expect(page.profile.person.email == "admin@example.org")
        #expect(page.deliveries.first { $0.kind == .heldPost }?.delivery == .immediate)
        // The merchant is told nothing by this sweep.
        #expect(try await subjects("marchand@example.org") == [])
    }

    @Test func anOverdueItemGetsOneReminderAndOneEscalationAcrossSweepsAndARestart() async throws {
        _ = try await hub.user("operateur@example.org", role: .hubOperator)
        _ = try await held()
        try await hub.notices.sweep()
        hub.clock.advance(by: 11 * 3600)
        try await hub.notices.sweep()
        #expect(try await subjects("admin@example.org").count == 1)
        hub.clock.advance(by: 2 * 3600)  // 13 h: past the zone's 12 h warning
        #expect(try await hub.notices.sweep().immediate == 1)
        // A restart: another service, on another connection to the same database.
        let restarted = try await hub.sibling()
        #expect(try await restarted.notices.sweep(now: hub.clock.now()) == NoticeSweepSummary())
        #expect(
            try await subjects("admin@example.org") == [
                "Annonce à modérer : Panier de légumes", "Rappel : une annonce attend depuis 13 heures (Beta)",
            ])
        #expect(try await subjects("operateur@example.org") == [])
        hub.clock.advance(by: 36 * 3600)  // 49 h: past the 48 h escalation
        #expect(try await restarted.notices.sweep(now: hub.clock.now()).immediate == 1)
        #expect(try await hub.notices.sweep() == NoticeSweepSummary())
        #expect(try await restarted.notices.sweep(now: hub.clock.now()) == NoticeSweepSummary())
        #expect(
            try await subjects("operateur@example.org") == [
                "Escalade : une annonce attend depuis 49 heures dans la zone Beta"
            ])
        #expect(try await subjects("admin@example.org").count == 2)
    }

    @Test func aReportThatHidesAPostIsToldAtOnceEvenWithHeldPostsTurnedOff() async throws {
        try await hub.notices.set(kind: "annonce-retenue", delivery: "off", user: admin.id)
        let alphaAdmin = try await hub.user("alpha@example.org", role: .zoneAdmin, zones: ["alpha"])
        try await hub.notices.set(kind: "annonce-retenue", delivery: "off", user: alphaAdmin.id)
        let alpha = try await hub.zones.zone(slug: "alpha")
        let shop = try await hub.merchant("Cave", owner: owner, zone: "alpha")
        try await hub.queue.setTrust(.granted, merchantSlug: shop.slug, zone: alpha, by: alphaAdmin)
        let posts = hub.screenedPosts
        let draft = try await posts.create(Samples.offer("Vin"), merchantSlug: shop.slug, zoneSlug: "alpha", by: owner)
        let post = try await posts.submit(draft.id, by: owner)
        #expect(post.status == .published)
        for index in 1...3 {
            let resident = try await hub.user("r\(index)@example.org", role: .resident)
            try await hub.queue.report(post.id, reason: .scam, note: nil, by: resident)
        }
        try await hub.notices.sweep()
        #expect(try await subjects("alpha@example.org") == ["Annonce masquée après signalements : Vin"])
        await #expect(throws: CommunityError.self) {
            try await hub.notices.set(kind: "annonce-masquee", delivery: "off", user: alphaAdmin.id)
        }
    }

    @Test func preferencesChooseAtOnceADailySummaryOrNothing() async throws {
        try await hub.notices.set(kind: "annonce-retenue", delivery: "daily", user: admin.id)
        _ = try await held("Premier")
        _ = try await held("Second")
        // 11:00 in Paris: the morning summary is due, and goes once a day.
        #expect(try await hub.notices.sweep() == NoticeSweepSummary(daily: 1))
        #expect(try await hub.notices.sweep() == NoticeSweepSummary())
        #expect(try await subjects("admin@example.org") == ["Votre résumé du jour : 2 éléments en attente"])
        let summary = try #require(try await texts("admin@example.org").first)
        #expect(summary.contains("- « Premier » (Épicerie du marché, zone Beta) attend depuis 0 heures"))
        hub.clock.advance(by: 24 * 3600)
        // Next day: past the 12 h warning, the reminders join the summary as one line per item.
        #expect(try await hub.notices.sweep() == NoticeSweepSummary(immediate: 2, daily: 1))
        try await hub.notices.set(kind: "rappel", delivery: "off", user: admin.id)
        try await hub.notices.set(kind: "annonce-retenue", delivery: "off", user: admin.id)
        hub.clock.advance(by: 24 * 3600)
        #expect(try await hub.notices.sweep() == NoticeSweepSummary())
    }

    @Test func badPreferenceInputIsRefusedAndChangesNothing() async throws {
        for (kind, delivery) in [("annonce-retenue", "sometimes"), ("inconnu", "off"), ("escalade", "off")] {
            await #expect(throws: CommunityError.self) {
                try await hub.notices.set(kind: kind, delivery: delivery, user: admin.id)
            }
        }
        let page = try await hub.notices.preferences(user: admin.id)
        #expect(page.deliveries.allSatisfy { $0.delivery == .immediate })
        #expect(
            page.deliveries.map(\.kind) == [
                .heldPost, .signUpWaiting, .hiddenByReports, .reminder, .bookingRequest, .bookingCancelled,
                .offerLapsed,
            ])
        await #expect(throws: CommunityError.self) { try await hub.notices.preferences(token: "n.1.forged") }
    }
}

import Community
import Foundation
import HubTestSupport
import Testing

@testable import Moderation

/// The queue on real SQLite: decisions, races between admins, trust, rules and who may do what.
@Suite struct ModerationQueueTests {
    let hub: TestHub
    let admin: User
    let owner: User
    let merchant: Merchant

    init() async throws {
        hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["beta"])
        owner = try await hub.user("marchand@example.org", role: .merchant)
        merchant = try await hub.merchant("Fromagerie", owner: owner, zone: "beta")
    }

    var queue: ModerationQueue { hub.queue }

    var posts: PostService { hub.screenedPosts }
    var beta: Zone { get async throws { try await hub.zones.zone(slug: "beta") } }

    /// Submits a post in the reviewing zone `beta`.
    func held(_ title: String = "Maroilles fermier") async throws -> Post {
        let draft = try await posts.create(
            Samples.offer(title), merchantSlug: merchant.slug, zoneSlug: "beta", by: owner)
        return try await posts.submit(draft.id, by: owner)
    }

    @Test func aNewMerchantsPostWaitsWithEveryReasonAndTheAdminApprovesIt() async throws {
        let post = try await held()
        #expect(post.status == .held)
        #expect(post.heldReasons == ["new_merchant"])
        let items = try await queue.list(try await beta, by: admin)
        #expect(items.map(\.post.id) == [post.id])
        let decision = try await queue.decide(post.id, action: .approve, by: admin)
        #expect(decision.moderatorName == "admin@example.org")
        #expect(try await hub.postStore.post(id: post.id)?.status == .published)
        #expect(try await queue.list(try await beta, by: admin).isEmpty)
        let log = try await queue.auditLog(try await beta, by: admin)
        #expect(log.first?.entry.action == "moderation.approve")
        #expect(log.first?.actorName == "admin@example.org")
    }

    @Test func theQueueIsOldestFirstAndFlagsLongWaits() async throws {
        let first = try await held("Premier")
        hub.clock.advance(by: 3600)
        let second = try await held("Second")
        hub.clock.advance(by: 12 * 3600)
        let items = try await queue.list(try await beta, by: admin)
        #expect(items.map(\.post.id) == [first.id, second.id])
        #expect(items.map(\.overdue) == [true, false])
        hub.clock.advance(by: 37 * 3600)
        #expect(try await queue.list(try await beta, by: admin).map(\.escalated) == [true, true])
    }

    @Test(arguments: ["Nul\u{00}au milieu", "Cloche\u{07}", "échappement\u{1B}[31m rouge", "C1\u{85}au milieu"])
    func aNoteWithControlCharactersIsRefusedAndThePostStaysHeld(note: String) async throws {
        let post = try await held()
        await #expect(throws: ModerationField.note.invalid("contains control characters")) {
            try await queue.decide(post.id, action: .reject, reason: .other, note: note, by: admin)
        }
        #expect(try await hub.postStore.post(id: post.id)?.status == .held)
        #expect(try await hub.moderationStore.decisions(post: post.id).isEmpty)
    }

    @Test func rejectingNeedsAReasonAndRecordsIt() async throws {
        let post = try await held()
        await #expect(throws: ModerationField.reason.invalid("a rejection or removal needs a reason code")) {
            try await queue.decide(post.id, action: .reject, by: admin)
        }
        #expect(try await hub.postStore.post(id: post.id)?.status == .held)
        let decision = try await queue.decide(post.id, action: .reject, reason: .notLocal, note: "Hors zone", by: admin)
        #expect(decision.reason == .notLocal && decision.note == "Hors zone")
        #expect(try await hub.postStore.post(id: post.id)?.status == .removed)
    }

    @Test func requestingChangesSendsThePostBackAndItReturnsWithItsHistory() async throws {
        let post = try await held()
        try await queue.decide(post.id, action: .requestChanges, note: "Précisez le prix", by: admin)
        #expect(try await hub.postStore.post(id: post.id)?.status == .draft)
        _ = try await posts.edit(post.id, content: Samples.offer("Maroilles à 9 €"), by: owner)
        let resubmitted = try await posts.submit(post.id, by: owner)
        #expect(resubmitted.status == .held)
        let item = try #require(try await queue.list(try await beta, by: admin).first)
        #expect(item.history.map(\.action) == [.requestChanges])
        #expect(item.history.first?.note == "Précisez le prix")
    }

    @Test func bulkDecisionsSucceedOrFailOneByOne() async throws {
        let first = try await held("Un")
        let second = try await held("Deux")
        try await queue.decide(second.id, action: .requestChanges, by: admin)
        let results = await queue.decideAll(
            [first.id, second.id, Post.ID(999)], action: .reject, reason: .offTopic, by: admin)
        #expect(results.map(\.0) == [first.id, second.id, Post.ID(999)])
        #expect((try? results[0].1.get())?.reason == .offTopic)
        let failures = results.dropFirst().compactMap { result -> String? in
            if case .failure(let error) = result.1 { return error.code }
            return nil
        }
        #expect(failures == ["already_decided", "post_not_found"])
        #expect(try await hub.postStore.post(id: first.id)?.status == .removed)
        #expect(try await hub.postStore.post(id: second.id)?.status == .draft)
    }

    @Test func twoAdminsDecidingAtOnceExactlyOneWinsAndTheOtherLearnsWho() async throws {
        let post = try await held()
        let other = try await hub.user("autre-admin@example.org", role: .zoneAdmin, zones: ["beta"])
        let outcomes = await withTaskGroup(of: Result<Decision, any Error>.self) { group in
            for (user, action) in [(admin, DecisionAction.approve), (other, DecisionAction.requestChanges)] {
                group.addTask { [queue] in
                    do { return .success(try await queue.decide(post.id, action: action, by: user)) } catch {
                        return .failure(error)
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let winners = outcomes.compactMap { try? $0.get() }
        #expect(winners.count == 1)
        let loser = try #require(
            outcomes.compactMap { outcome -> CommunityError? in
                if case .failure(let error) = outcome { return error as? CommunityError }
                return nil
            }.first)
        #expect(loser.code == "already_decided")
        #expect(loser.message.hasPrefix("\(winners[0].moderatorName) already decided this post"))
        #expect(try await hub.moderationStore.decisions(post: post.id).count == 1)
    }

    @Test func removingAPublishedPostNeedsAReasonAndResetsTrust() async throws {
        for title in ["Un", "Deux", "Trois"] {
            try await queue.decide(try await held(title).id, action: .approve, by: admin)
        }
        let trusted = try await held("Quatre")
        #expect(trusted.status == .published)
        try await queue.decide(trusted.id, action: .remove, reason: .misleading, by: admin)
        let record = try await hub.moderationStore.record(
            merchant: merchant.id, zone: trusted.zoneID, weekStart: .distantPast)
        #expect(record.approvalStreak == 0 && record.removed == 1 && record.approved == 3)
        #expect(try await held("Cinq").heldReasons == ["zone_policy_review"])
    }

    @Test func adminsGrantAndRevokeTrustExplicitly() async throws {
        try await queue.setTrust(.granted, merchantSlug: merchant.slug, zone: try await beta, by: admin)
        #expect(try await held().status == .published)
        try await queue.setTrust(.revoked, merchantSlug: merchant.slug, zone: try await beta, by: admin)
        #expect(try await held("Autre").heldReasons == ["trust_revoked", "new_merchant"])
        let actions = try await queue.auditLog(try await beta, by: admin).map(\.entry.action)
        #expect(actions.contains("trust.granted") && actions.contains("trust.revoked"))
    }

    @Test func editedRulesApplyToTheNextSubmission() async throws {
        var rules = try await queue.rules(try await beta, by: admin)
        rules.watchedTerms.append(WatchedTerm("dégustation gratuite", .block, message: "Pas de dégustation d'alcool."))
        try await queue.setRules(rules, zone: try await beta, by: admin)
        let draft = try await posts.create(
            Samples.offer("Dégustation gratuite samedi"), merchantSlug: merchant.slug, zoneSlug: "beta", by: owner)
        await #expect(throws: CommunityProblem.postBlocked.error("Pas de dégustation d'alcool.")) {
            try await posts.submit(draft.id, by: owner)
        }
        #expect(try await queue.rules(try await beta, by: admin).watchedTerms.last?.term == "dégustation gratuite")
    }

    @Test func aChangedPhoneNumberHoldsTheNextPost() async throws {
        try await queue.setTrust(.granted, merchantSlug: merchant.slug, zone: try await beta, by: admin)
        #expect(try await held("Avant").status == .published)
        hub.clock.advance(by: 60)
        var profile = merchant.profile
        profile.phone = "06 00 00 00 01"
        _ = try await hub.merchants.update(merchant.slug, with: profile, by: owner)
        #expect(try await held("Après").heldReasons == ["contact_details_changed"])
    }

    @Test func onlyTheZonesAdminsAndOperatorsMayModerate() async throws {
        let post = try await held()
        let outsider = try await hub.user("alpha-admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let resident = try await hub.user("r@example.org", role: .resident)
        let forbidden = CommunityError.forbidden("you do not administer the zone Beta")
        for user in [outsider, resident, owner] {
            await #expect(throws: forbidden) { try await queue.decide(post.id, action: .approve, by: user) }
            await #expect(throws: forbidden) { try await queue.list(try await beta, by: user) }
            await #expect(throws: forbidden) {
                try await queue.setTrust(.granted, merchantSlug: merchant.slug, zone: try await beta, by: user)
            }
            await #expect(throws: forbidden) {
                try await queue.setRules(ScreeningRules(), zone: try await beta, by: user)
            }
        }
        #expect(try await hub.postStore.post(id: post.id)?.status == .held)
        let hubOperator = try await hub.user("op@example.org", role: .hubOperator)
        #expect(try await queue.decide(post.id, action: .approve, by: hubOperator).action == .approve)
    }
}

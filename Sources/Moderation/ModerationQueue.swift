import Community
import Foundation

/// A zone's review queue and the decisions its admins take on it.
package struct ModerationQueue: Sendable {
    let store: any ModerationStore
    let posts: any PostStore
    let zones: any ZoneStore
    let merchants: any MerchantStore
    let notifier: any ModerationNotifier
    let clock: any HubClock

    package init(
        store: any ModerationStore, posts: any PostStore, zones: any ZoneStore, merchants: any MerchantStore,
        notifier: any ModerationNotifier, clock: any HubClock
    ) {
        self.store = store
        self.posts = posts
        self.zones = zones
        self.merchants = merchants
        self.notifier = notifier
        self.clock = clock
    }

    /// One queue item: the post as it will appear, why it waits, for how long, and its merchant's record.
    package struct Item: Sendable {
        package let post: Post
        package let record: MerchantRecord
        package let history: [Decision]
        package let reports: [Report]
        package let waiting: TimeInterval
        /// Waiting longer than the zone's warning limit (default 12 h).
        package let overdue: Bool
        /// Waiting longer than the escalation limit (default 48 h): hub operators see it too.
        package let escalated: Bool
    }

    /// The zone's held posts, oldest first; only the zone's admins and hub operators may look.
    package func list(_ zone: Zone, by actor: User, limit: Int = 200) async throws -> [Item] {
        try authorize(actor, zone)
        let now = clock.now()
        let limits = zone.definition.moderation
        var items: [Item] = []
        for post in try await store.queue(zone: zone.id, limit: limit) {
            let waiting = now.timeIntervalSince(post.updatedAt)
            items.append(
                Item(
                    post: post,
                    record: try await store.record(merchant: post.merchantID, zone: zone.id, weekStart: now),
                    history: try await store.decisions(post: post.id), reports: try await store.reports(post: post.id),
                    waiting: waiting,
                    overdue: waiting > Double(limits.queueWarnHours) * 3600,
                    escalated: waiting > Double(limits.queueEscalateHours) * 3600))
        }
        return items
    }

    /// Approves, rejects (with a reason), requests changes, or removes a published post (with a reason).
    /// Two admins deciding at once: the first wins, the second gets `already_decided` naming the first.
    @discardableResult
    package func decide(
        _ id: Post.ID, action: DecisionAction, reason: ReasonCode? = nil, note: String? = nil, by actor: User
    ) async throws -> Decision {
        guard let post = try await posts.post(id: id) else { throw CommunityNotFound.post.notFound }
        guard let zone = try await zones.zone(id: post.zoneID) else { throw CommunityNotFound.zone.notFound }
        try authorize(actor, zone)
        let note = try note.flatMap { try Self.note($0) }
        if (action == .reject || action == .remove) && reason == nil {
            throw ModerationField.reason.invalid("a rejection or removal needs a reason code")
        }
        let expected: PostStatus = action == .remove ? .published : .held
        let target: PostStatus =
            switch action {
            case .approve:
                post.content.publishAt.map { $0 > clock.now() } == true ? .scheduled : .published
            case .reject, .remove: .removed
            case .requestChanges: .draft
            }
        // The store's conditional update settles races: the loser learns who decided first.
        let decision = try await store.decide(
            id, expected: expected, to: target, action: action, reason: reason, note: note, by: actor.id,
            at: clock.now())
        if let decided = try await posts.post(id: id) { await notifier.decided(decision, about: decided) }
        return decision
    }

    /// Decides several posts the same way; each succeeds or fails on its own.
    package func decideAll(
        _ ids: [Post.ID], action: DecisionAction, reason: ReasonCode?, by actor: User
    ) async -> [(Post.ID, Result<Decision, CommunityError>)] {
        var results: [(Post.ID, Result<Decision, CommunityError>)] = []
        for id in ids.prefix(200) {
            do {
                results.append((id, .success(try await decide(id, action: action, reason: reason, by: actor))))
            } catch let error as CommunityError {
                results.append((id, .failure(error)))
            } catch {
                results.append((id, .failure(ModerationProblem.failed.error("could not decide this post"))))
            }
        }
        return results
    }

    /// The decisions on a post, for its merchant (who must see why) and the zone's admins.
    package func history(of post: Post, for viewer: User) async throws -> [Decision] {
        guard let merchant = try await merchants.merchant(id: post.merchantID),
            merchant.ownerID == viewer.id || viewer.administers(post.zoneID)
        else { throw CommunityNotFound.post.notFound }
        return try await store.decisions(post: post.id)
    }

    package func rules(_ zone: Zone, by actor: User) async throws -> ScreeningRules {
        try authorize(actor, zone)
        return try await RulesBook(store: store).rules(for: zone)
    }

    package func setRules(_ rules: ScreeningRules, zone: Zone, by actor: User) async throws {
        try authorize(actor, zone)
        let checked = try rules.validated()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(checked), as: UTF8.self)
        try await store.setRulesDocument(json, zone: zone.id, by: actor.id, at: clock.now())
    }

    /// Grants or revokes a merchant's trust in the zone explicitly (nil returns to the automatic streak).
    package func setTrust(_ setting: TrustSetting?, merchantSlug: String, zone: Zone, by actor: User) async throws {
        try authorize(actor, zone)
        guard let merchant = try await merchants.merchant(slug: merchantSlug), merchant.zoneIDs.contains(zone.id) else {
            throw CommunityNotFound.merchant.notFound
        }
        try await store.setTrust(setting, merchant: merchant.id, zone: zone.id, by: actor.id, at: clock.now())
    }

    /// A signed-in person reports a published post, once; at the zone's threshold the post is hidden for review.
    @discardableResult
    package func report(_ id: Post.ID, reason: ReportReason, note: String?, by reporter: User) async throws -> Bool {
        guard let post = try await posts.post(id: id), post.status == .published || post.status == .held,
            let zone = try await zones.zone(id: post.zoneID)
        else { throw CommunityNotFound.post.notFound }
        let rules = try await RulesBook(store: store).rules(for: zone)
        return try await store.report(
            id, by: reporter.id, reason: reason, note: try note.flatMap { try Self.note($0) },
            threshold: rules.reportThreshold, at: clock.now())
    }

    /// The zone's public record: monthly counts and statements of reasons, naming no moderator.
    package func transparency(_ zone: Zone) async throws -> (
        months: [TransparencyMonth], statements: [StatementOfReasons]
    ) {
        (try await store.transparency(zone: zone.id), try await store.statements(zone: zone.id, limit: 200))
    }

    package func auditLog(_ zone: Zone, by actor: User, limit: Int = 200) async throws -> [AuditLine] {
        try authorize(actor, zone)
        return try await store.auditLog(zone: zone.id, limit: limit)
    }

    private func authorize(_ actor: User, _ zone: Zone) throws(CommunityError) {
        guard actor.administers(zone.id) else {
            throw .forbidden("you do not administer the zone \(zone.name)")
        }
    }

    static func note(_ text: String) throws(CommunityError) -> String? {
        let note = try TextRules.text(text, field: ModerationField.note, max: 1000)
        return note.isEmpty ? nil : note
    }
}

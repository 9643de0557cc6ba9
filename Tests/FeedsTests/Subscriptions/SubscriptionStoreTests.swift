import Community
import Feeds
import Foundation
import HubTestSupport
import Testing

@Suite struct SubscriptionStoreTests {
    let hub: TestHub
    let store: any SubscriptionStore
    let outbox: any OutboxStore

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        store = hub.subscriptionStore
        outbox = hub.outboxStore
    }

    func preferences(_ frequency: DigestFrequency = .daily) async throws -> SubscriptionPreferences {
        SubscriptionPreferences(
            zoneIDs: [try await hub.zoneStore.zone(slug: "alpha")!.id], categories: [.alimentation],
            frequency: frequency)
    }

    func request(_ email: String, _ frequency: DigestFrequency = .daily, source: String = "web 192.0.2.1")
        async throws -> SubscriptionRequestOutcome
    {
        try await store.request(
            email: email, preferences: try await preferences(frequency),
            consent: ConsentRecord(action: .requested, wording: "J'accepte.", source: source), quietPeriod: 600,
            at: hub.clock.now())
    }

    func confirmed(_ email: String) async throws -> Subscription {
        guard case .confirmationQueued(let pending) = try await request(email) else {
            Issue.record("no confirmation queued")
            throw FeedsNotFound.subscription.notFound
        }
        return try await store.confirm(
            pending.id, consent: ConsentRecord(action: .confirmed, wording: "J'accepte.", source: "web"),
            at: hub.clock.now())
    }

    @Test func aRequestStoresAPendingSubscriptionAndQueuesOnlyItsConfirmation() async throws {
        guard case .confirmationQueued(let pending) = try await request("ana@example.org") else {
            Issue.record("no confirmation queued")
            return
        }
        #expect(pending.status == .pending)
        let queued = try await outbox.messages(recipient: "ana@example.org")
        #expect(queued.map(\.payload) == [.confirmation(subscription: pending.id)])
        let consent = try await store.consent(pending.id)
        #expect(consent.map(\.action) == ["requested"])
        #expect(consent.first?.source == "web 192.0.2.1" && consent.first?.wording == "J'accepte.")
    }

    @Test func aSecondRequestSoonAfterSendsNoSecondMail() async throws {
        _ = try await request("ana@example.org")
        hub.clock.advance(by: 60)
        guard case .nothingQueued = try await request("ANA@example.org") else {
            Issue.record("a second mail was queued within the quiet period")
            return
        }
        hub.clock.advance(by: 600)
        guard case .confirmationQueued = try await request("ana@example.org") else {
            Issue.record("no confirmation after the quiet period")
            return
        }
        #expect(try await outbox.messages(recipient: "ana@example.org").count == 2)
    }

    @Test func aRequestForAConfirmedAddressChangesNothingAndSendsAReminder() async throws {
        let subscription = try await confirmed("ana@example.org")
        hub.clock.advance(by: 3600)
        guard case .reminderQueued = try await request("ana@example.org", .weekly) else {
            Issue.record("no reminder")
            return
        }
        let after = try await store.subscription(id: subscription.id)
        #expect(after?.preferences.frequency == .daily)
        #expect(after?.status == .confirmed)
    }

    @Test func confirmingTwiceIsHarmlessAndConfirmingAnEndedSubscriptionIsRefused() async throws {
        let subscription = try await confirmed("ana@example.org")
        let consent = ConsentRecord(action: .confirmed, wording: "J'accepte.", source: "web")
        let again = try await store.confirm(subscription.id, consent: consent, at: hub.clock.now())
        #expect(again == subscription)
        #expect(try await store.consent(subscription.id).map(\.action) == ["requested", "confirmed"])
        _ = try await store.unsubscribe(
            subscription.id, consent: ConsentRecord(action: .unsubscribed, wording: "", source: "one-click"),
            at: hub.clock.now())
        await #expect(throws: CommunityError.self) {
            try await store.confirm(subscription.id, consent: consent, at: hub.clock.now())
        }
    }

    @Test func unsubscribingCancelsTheDigestsNotYetSent() async throws {
        let subscription = try await confirmed("ana@example.org")
        let recipe = DigestRecipe(
            subscription: subscription.id, periodStart: hub.clock.now(), periodEnd: hub.clock.now() + 60, posts: [],
            omitted: [:])
        #expect(
            try await store.recordDigests(
                [recipe], covering: [subscription.id], periodEnd: recipe.periodEnd, at: hub.clock.now()) == 1)
        _ = try await store.unsubscribe(
            subscription.id, consent: ConsentRecord(action: .unsubscribed, wording: "", source: "one-click"),
            at: hub.clock.now())
        let digests = try await outbox.messages(recipient: "ana@example.org").filter {
            if case .digest = $0.payload { true } else { false }
        }
        #expect(digests.map(\.status) == [.cancelled])
        #expect(try await store.dueSubscribers(frequency: .daily, homeZone: nil, after: nil, limit: 10).isEmpty)
    }

    @Test func aPeriodIsQueuedOnceEvenWhenRecordedTwice() async throws {
        let subscription = try await confirmed("ana@example.org")
        let end = hub.clock.now() + 60
        let recipe = DigestRecipe(
            subscription: subscription.id, periodStart: hub.clock.now(), periodEnd: end, posts: [], omitted: [:])
        #expect(try await store.recordDigests([recipe], covering: [subscription.id], periodEnd: end, at: end) == 1)
        #expect(try await store.recordDigests([recipe], covering: [subscription.id], periodEnd: end, at: end) == 0)
        let after = try await store.subscription(id: subscription.id)
        #expect(after?.lastDigestAt == end && after?.digestCount == 1)
    }

    @Test func twoPeriodsEndingWithinOneSecondAreTwoDigests() async throws {
        let subscription = try await confirmed("ana@example.org")
        let start = Date(timeIntervalSince1970: (hub.clock.now().timeIntervalSince1970).rounded(.down) + 60)
        let first = DigestRecipe(
            subscription: subscription.id, periodStart: start - 3600, periodEnd: start + 0.2, posts: [], omitted: [:])
        let second = DigestRecipe(
            subscription: subscription.id, periodStart: start + 0.2, periodEnd: start + 0.7, posts: [], omitted: [:])
        #expect(
            try await store.recordDigests([first], covering: [subscription.id], periodEnd: first.periodEnd, at: start)
                == 1)
        #expect(
            try await store.recordDigests([second], covering: [subscription.id], periodEnd: second.periodEnd, at: start)
                == 1)
        let digests = try await outbox.messages(recipient: "ana@example.org").filter {
            if case .digest = $0.payload { true } else { false }
        }
        #expect(digests.count == 2)
        #expect(try await store.subscription(id: subscription.id)?.digestCount == 2)
    }

    @Test func aPermanentRefusalSuppressesTheAddressAndCancelsItsOtherMail() async throws {
        let subscription = try await confirmed("gone@example.org")
        try await outbox.enqueue(
            recipient: "gone@example.org", payload: .notice(subject: "a", text: "b"), dedupeKey: nil,
            at: hub.clock.now())
        let claimed = try await outbox.claim(limit: 1, sender: "test:1", now: hub.clock.now())
        try await outbox.markRefused(claimed[0].id, error: "550 5.1.1 Mailbox unavailable", at: hub.clock.now())
        let statuses = try await outbox.messages(recipient: "gone@example.org").map(\.status)
        #expect(statuses == [.failed, .cancelled])
        #expect(try await outbox.isSuppressed("GONE@example.org"))
        #expect(try await store.dueSubscribers(frequency: .daily, homeZone: nil, after: nil, limit: 10).isEmpty)
        hub.clock.advance(by: 3600)
        guard case .nothingQueued = try await request("gone@example.org") else {
            Issue.record("mail queued for a suppressed address")
            return
        }
        _ = subscription
    }

    @Test func claimsOfADeadSenderAreReleasedAndOthersAreKept() async throws {
        for n in 1...3 {
            try await outbox.enqueue(
                recipient: "r\(n)@example.org", payload: .notice(subject: "s", text: "t"), dedupeKey: nil,
                at: hub.clock.now())
        }
        _ = try await outbox.claim(limit: 2, sender: "host:111", now: hub.clock.now())
        _ = try await outbox.claim(limit: 1, sender: "host:222", now: hub.clock.now())
        #expect(try await outbox.releaseClaims { $0 == "host:222" } == 2)
        let counts = try await outbox.counts()
        #expect(counts[.pending] == 2 && counts[.sending] == 1)
    }

    @Test func theDatabaseKeepsTheConsentRecordAppendOnly() async throws {
        let subscription = try await confirmed("ana@example.org")
        await #expect(throws: (any Error).self) {
            try await hub.execute("DELETE FROM consentEvent WHERE subscriptionId = \(subscription.id)")
        }
        #expect(try await store.consent(subscription.id).count == 2)
    }
}

import Community
import Feeds
import Foundation
import HubTestSupport
import Testing

/// Bounces on both engines: the real fixtures, matched to real outbox messages, suppress as the rules say, the
/// digests then skip the address, and refused reports change nothing.
@Suite struct BounceStoreTests {
    let hub: TestHub
    let service: BounceService
    let path: ReturnPath
    let store: any BounceStore

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        let tokens = LinkTokens(key: Data(repeating: 7, count: 32))
        path = ReturnPath(address: "bounces@zones.example.org", verp: true, tokens: tokens)
        store = SQLBounceStore(database: hub.hubDatabase.sql)
        service = BounceService(bounces: store, returnPath: path, clock: hub.clock)
    }

    /// A confirmed daily subscriber, and one message the hub sent to it.
    func subscriberWithAMessage(_ email: String) async throws -> OutboxMessage.ID {
        let zone = try await hub.zoneStore.zone(slug: "alpha")!.id
        let outcome = try await hub.subscriptionStore.request(
            email: email, preferences: SubscriptionPreferences(zoneIDs: [zone], categories: [], frequency: .daily),
            consent: ConsentRecord(action: .requested, wording: "J'accepte.", source: "test"), quietPeriod: 600,
            at: hub.clock.now())
        guard case .confirmationQueued(let pending) = outcome else { throw FeedsNotFound.subscription.notFound }
        _ = try await hub.subscriptionStore.confirm(
            pending.id, consent: ConsentRecord(action: .confirmed, wording: "J'accepte.", source: "test"),
            at: hub.clock.now())
        let id = try #require(try await hub.outboxStore.messages(recipient: email).first?.id)
        try await hub.outboxStore.markSent(id, at: hub.clock.now())
        return id
    }

    /// The fixture, as if it reported on `message` to `email`: its VERP address and Message-ID are the hub's own.
    func dsn(_ name: String, message: OutboxMessage.ID, to email: String, verp: Bool = true) throws -> [UInt8] {
        var text = try DeliveryReportParserTests.fixture(name)
        let fixed = name.hasPrefix("postfix") ? ("42", "3f2a9c0d1e4b5a6c7d8e") : ("43", "9b8a7c6d5e4f30211203")
        let tag = path.tag(for: message)
        text = text.replacingOccurrences(
            of: "bounces+\(fixed.0)-\(fixed.1)@", with: verp ? "bounces+\(message.rawValue)-\(tag)@" : "bounces@")
        text = text.replacingOccurrences(
            of: "digest.\(fixed.0).1796620300.\(fixed.1)@", with: "digest.\(message.rawValue).1796620300.\(tag)@")
        let original = name.hasPrefix("postfix") ? "habitant.centre-essonne@example.org" : "voisine@example.net"
        return Array(text.replacingOccurrences(of: original, with: email).utf8)
    }

    func due() async throws -> [String] {
        try await hub.subscriptionStore.dueSubscribers(frequency: .daily, homeZone: nil, after: nil, limit: 100)
            .map(\.email)
    }

    @Test func aHardBounceSuppressesTheAddressRecordsWhyAndTheDigestsSkipIt() async throws {
        let message = try await subscriberWithAMessage("ana@example.org")
        _ = try await subscriberWithAMessage("bob@example.org")
        #expect(try await due() == ["ana@example.org", "bob@example.org"])
        let bounce = try await service.handle(try dsn("postfix-5.1.1.eml", message: message, to: "ana@example.org"))
        #expect(bounce.action == .suppressed && bounce.kind == .hard && bounce.status == "5.1.1")
        #expect(bounce.matchedBy == .verp && bounce.message == message && bounce.recipient == "ana@example.org")
        #expect(bounce.diagnosticCode?.contains("User unknown in virtual mailbox table") == true)
        #expect(try await hub.outboxStore.isSuppressed("ANA@example.org"))
        let reasons = try await hub.texts("SELECT reason FROM suppression")
        #expect(reasons == [bounce.reason] && bounce.reason.hasPrefix("Rebond définitif 5.1.1"))
        #expect(try await due() == ["bob@example.org"])
        // Anything queued for the address from now on is kept as cancelled, never sent.
        let later = try await hub.outboxStore.enqueue(
            recipient: "ana@example.org", payload: .notice(subject: "S", text: "T"), dedupeKey: nil,
            at: hub.clock.now())
        #expect(try await hub.outboxStore.message(id: try #require(later))?.status == .cancelled)
    }

    @Test func softBouncesSuppressOnlyAtTheThirdWithinFourteenDays() async throws {
        let message = try await subscriberWithAMessage("voisine@example.org")
        let mail = try dsn("exim-4.2.2.eml", message: message, to: "voisine@example.org")
        for expected in [BounceAction.counted, .counted] {
            #expect(try await service.handle(mail).action == expected)
            #expect(try await !hub.outboxStore.isSuppressed("voisine@example.org"))
            hub.clock.advance(by: 5 * 86400)
        }
        let third = try await service.handle(mail)
        #expect(third.action == .suppressed && third.kind == .soft && third.status == "4.2.2")
        #expect(try await hub.outboxStore.isSuppressed("voisine@example.org"))
        #expect(
            try await store.bounces(recipient: "voisine@example.org").map(\.action) == [
                .counted, .counted, .suppressed,
            ])
        #expect(try await due().isEmpty)
    }

    @Test func softBouncesOlderThanTheWindowDoNotCount() async throws {
        let message = try await subscriberWithAMessage("voisine@example.org")
        let mail = try dsn("exim-4.2.2.eml", message: message, to: "voisine@example.org")
        for _ in 0..<3 {
            #expect(try await service.handle(mail).action == .counted)
            hub.clock.advance(by: 8 * 86400)
        }
        #expect(try await !hub.outboxStore.isSuppressed("voisine@example.org"))
    }

    @Test func aRelayThatRewritesTheEnvelopeStillMatchesByTheTaggedMessageID() async throws {
        let message = try await subscriberWithAMessage("ana@example.org")
        let bounce = try await service.handle(
            try dsn("postfix-5.1.1.eml", message: message, to: "ana@example.org", verp: false))
        #expect(bounce.matchedBy == .messageID && bounce.action == .suppressed)
    }

    @Test func aDelayWarningIsRecordedAndChangesNothingElse() async throws {
        let message = try await subscriberWithAMessage("ana@example.org")
        var text = try DeliveryReportParserTests.fixture("postfix-delayed-4.4.1.eml")
        text = text.replacingOccurrences(
            of: "bounces+44-0a1b2c3d4e5f60718293@", with: "bounces+\(message.rawValue)-\(path.tag(for: message))@")
        let bounce = try await service.handle(Array(text.utf8))
        #expect(bounce.action == .ignored && bounce.kind == .delay)
        #expect(try await !hub.outboxStore.isSuppressed("ana@example.org"))
    }

    @Test func refusedReportsChangeNothing() async throws {
        let message = try await subscriberWithAMessage("ana@example.org")
        let before = try await snapshot()
        // The right message number with another message's tag: a forged bounce.
        let forged = try dsn("postfix-5.1.1.eml", message: message, to: "ana@example.org")
        let other = String(decoding: forged, as: UTF8.self).replacingOccurrences(
            of: path.tag(for: message), with: path.tag(for: OutboxMessage.ID(message.rawValue + 1)))
        let unknown = try DeliveryReportParserTests.fixture("postfix-unknown-message.eml")
        let absent = try dsn("postfix-5.1.1.eml", message: OutboxMessage.ID(9999), to: "ana@example.org")
        for (mail, code) in [
            (Array(other.utf8), "unknown_bounced_message"), (Array(unknown.utf8), "unknown_bounced_message"),
            (absent, "unknown_bounced_message"),
            (Array(try DeliveryReportParserTests.fixture("out-of-office.eml").utf8), "not_a_delivery_report"),
        ] {
            let error = await #expect(throws: CommunityError.self) { try await service.handle(mail) }
            #expect(error?.code == code)
        }
        #expect(try await snapshot() == before)
    }

    /// Every row bounces can touch.
    func snapshot() async throws -> [String] {
        try await hub.texts("SELECT recipient || ':' || status FROM outboxMessage ORDER BY id")
            + hub.texts("SELECT email FROM suppression ORDER BY email")
            + hub.texts("SELECT recipient || ':' || action FROM bounce ORDER BY id")
    }
}

extension ReturnPath {
    /// Message `id`'s tag, as its VERP address and Message-ID carry it.
    fileprivate func tag(for id: OutboxMessage.ID) -> String {
        let sender = envelopeSender(for: id)
        return String(sender[sender.index(after: sender.firstIndex(of: "-")!)..<sender.firstIndex(of: "@")!])
    }
}

import Community
import Foundation
import HubTestSupport
import Testing

@testable import Moderation

/// The sign-up policy is one of a zone's rules: the zone file's until its admins save the rules, theirs after; a
/// document saved before the policy was editable leaves it to the zone file. On either engine.
@Suite struct SignUpPolicyRulesTests {
    let hub: TestHub
    let admin: User

    init() async throws {
        hub = try await TestHub.contract()
        var open = Samples.beta
        open.moderation.merchantSignUps = .open
        try await hub.zones.sync(ZoneCatalog(definitions: ["alpha": Samples.alpha, "beta": open]))
        admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha", "beta"])
    }

    var book: RulesBook { RulesBook(store: hub.moderationStore) }

    @Test func theZoneFileDecidesUntilTheAdminsSaveTheirChoice() async throws {
        let alpha = try await hub.zones.zone(slug: "alpha")
        let beta = try await hub.zones.zone(slug: "beta")
        #expect(try await book.signUpPolicy(for: alpha) == .approval)
        #expect(try await book.signUpPolicy(for: beta) == .open)
        #expect(try await hub.queue.rules(beta, by: admin).merchantSignUps == .open)
        var rules = try await hub.queue.rules(beta, by: admin)
        rules.merchantSignUps = .approval
        try await hub.queue.setRules(rules, zone: beta, by: admin)
        #expect(try await book.signUpPolicy(for: beta) == .approval)
        #expect(try await book.signUpPolicy(for: alpha) == .approval)
    }

    @Test func aDocumentSavedBeforeThePolicyWasEditableLeavesItToTheZoneFile() async throws {
        let beta = try await hub.zones.zone(slug: "beta")
        var older = try JSONSerialization.jsonObject(with: JSONEncoder().encode(ScreeningRules())) as? [String: Any]
        older?.removeValue(forKey: "merchantSignUps")
        let json = String(decoding: try JSONSerialization.data(withJSONObject: older ?? [:]), as: UTF8.self)
        #expect(!json.contains("merchantSignUps"))
        try await hub.moderationStore.setRulesDocument(json, zone: beta.id, by: admin.id, at: hub.clock.now())
        #expect(try await book.signUpPolicy(for: beta) == .open)
        #expect(try await book.rules(for: beta).merchantSignUps == .open)
    }
}

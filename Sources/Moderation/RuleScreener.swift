import Community
import Foundation

/// Community's screening hook, implemented with the zone's rules and the merchant's record.
package struct RuleScreener: PostScreener {
    let store: any ModerationStore
    let clock: any HubClock

    package init(store: any ModerationStore, clock: any HubClock) {
        self.store = store
        self.clock = clock
    }

    package func screen(_ submission: Submission) async throws -> ScreeningDecision {
        let zone = submission.zone
        let rules = try await RulesBook(store: store).rules(for: zone)
        let record = try await store.record(
            merchant: submission.merchant.id, zone: zone.id, weekStart: Self.weekStart(of: clock.now(), zone: zone))
        return RuleEngine.evaluate(
            submission.content, policy: zone.definition.moderation.policy, rules: rules, record: record)
    }

    /// Monday 00:00 of the current week in the zone's time zone.
    static func weekStart(of date: Date, zone: Zone) -> Date {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: zone.definition.timeZone) ?? .gmt
        return calendar.dateInterval(of: .weekOfYear, for: date)?.start ?? date
    }
}

/// A zone's rules: its admins' edited document, else the defaults from its zone file and the starter list. The
/// sign-up policy is one of them: an edit on the rules page wins over the zone file, as the other rules' do.
package struct RulesBook: SignUpPolicySource {
    let store: any ModerationStore

    package init(store: any ModerationStore) { self.store = store }

    package func rules(for zone: Zone) async throws -> ScreeningRules {
        if let json = try await store.rulesDocument(zone: zone.id),
            var rules = try? JSONDecoder().decode(ScreeningRules.self, from: Data(json.utf8))
        {
            rules.merchantSignUps = rules.merchantSignUps ?? zone.definition.moderation.signUpPolicy
            return rules
        }
        return Self.defaults(for: zone)
    }

    package func signUpPolicy(for zone: Zone) async throws -> ZoneDefinition.SignUpPolicy {
        try await rules(for: zone).merchantSignUps ?? zone.definition.moderation.signUpPolicy
    }

    package static func defaults(for zone: Zone) -> ScreeningRules {
        let file = zone.definition.moderation
        let base = ScreeningRules()
        return ScreeningRules(
            holdFirstPosts: file.holdFirstPosts ?? base.holdFirstPosts,
            trustAfterApproved: file.trustAfterApproved ?? base.trustAfterApproved,
            maxLinks: file.maxLinksPerPost ?? base.maxLinks, weeklyQuota: file.weeklyQuota ?? base.weeklyQuota,
            merchantSignUps: file.signUpPolicy)
    }
}

import Community
import Foundation
import Storage

/// Evaluates a zone's rules on a submission: pure, so every rule is tested without a database.
package enum RuleEngine {
    /// The verdict, with every rule that fired (as reason codes admins read in the queue).
    package static func evaluate(
        _ content: PostContent, policy: ZoneDefinition.ModerationPolicy, rules: ScreeningRules, record: MerchantRecord
    ) -> ScreeningDecision {
        let text = " \((content.title + " " + content.body).folded) "
        var holds: [String] = []
        var flags: [String] = []
        for term in rules.watchedTerms where text.contains(" \(term.term.folded) ") {
            switch term.action {
            case .block: return .block(message: term.message ?? "This post cannot be published.")
            case .hold: holds.append("watched_term:\(term.term)")
            case .flag: flags.append("flagged_term:\(term.term)")
            }
        }
        if record.submittedThisWeek >= rules.weeklyQuota {
            return .block(message: "weekly quota reached: \(rules.weeklyQuota) posts per week in this zone")
        }
        if links(in: content) > rules.maxLinks { holds.append("too_many_links") }
        if rules.holdOnContactChange && record.contactChangedSinceApproval { holds.append("contact_details_changed") }
        let vouched = record.trust == .granted
        if record.trust == .revoked { holds.append("trust_revoked") }
        if !vouched && record.approved < rules.holdFirstPosts { holds.append("new_merchant") }
        let trusted = vouched || (record.trust == nil && record.approvalStreak >= rules.trustAfterApproved)
        if holds.isEmpty && policy == .review && !trusted { holds.append("zone_policy_review") }
        if !holds.isEmpty { return .hold(reasons: holds + flags) }
        return flags.isEmpty ? .publish : .publishFlagged(reasons: flags)
    }

    /// Web addresses in the title and body.
    static func links(in content: PostContent) -> Int {
        (content.title + " " + content.body).components(separatedBy: "://").count - 1
    }
}

import Community

/// Moderation: the per-zone review queue, screening rules, trust and the audit log. It will implement Community's
/// `PostScreener`; until then the zone's policy (`ZonePolicyScreener`) decides.
package enum Moderation {
    /// The reason recorded when a zone's policy holds every post for review.
    package static let zonePolicyReason = "zone_policy_review"
}

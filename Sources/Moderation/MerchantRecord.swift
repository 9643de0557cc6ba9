/// What screening knows of a merchant's past in one zone.
package struct MerchantRecord: Equatable, Sendable {
    /// Posts approved by an admin or published directly, in the zone.
    package var approved: Int
    package var rejected: Int
    package var removed: Int
    /// Approvals since the last rejection or removal, most recent first.
    package var approvalStreak: Int
    /// Posts submitted in the zone since Monday 00:00 (Paris).
    package var submittedThisWeek: Int
    /// An admin's explicit choice, which overrides the streak.
    package var trust: TrustSetting?
    package var contactChangedSinceApproval: Bool

    package init(
        approved: Int = 0, rejected: Int = 0, removed: Int = 0, approvalStreak: Int = 0, submittedThisWeek: Int = 0,
        trust: TrustSetting? = nil, contactChangedSinceApproval: Bool = false
    ) {
        self.approved = approved
        self.rejected = rejected
        self.removed = removed
        self.approvalStreak = approvalStreak
        self.submittedThisWeek = submittedThisWeek
        self.trust = trust
        self.contactChangedSinceApproval = contactChangedSinceApproval
    }
}

/// A zone admin's explicit trust decision about a merchant.
package enum TrustSetting: String, Codable, Sendable {
    case granted, revoked
}

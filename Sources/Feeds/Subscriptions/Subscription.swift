import Community
import Foundation

/// How often a subscriber receives the digest.
package enum DigestFrequency: String, Codable, CaseIterable, Sendable, ClosedChoice {
    case daily, weekly

    package static var field: any InputField { FeedsField.frequency }
}

/// Where a subscription is: waiting for its confirmation, confirmed (receives digests), or ended.
package enum SubscriptionStatus: String, Codable, Sendable {
    case pending, confirmed, unsubscribed
}

/// What a subscriber chose: zones (the first is the home zone, whose send time the digest follows), categories
/// (empty for all) and frequency.
package struct SubscriptionPreferences: Equatable, Sendable {
    package var zoneIDs: [Zone.ID]
    package var categories: [Category]
    package var frequency: DigestFrequency

    package init(zoneIDs: [Zone.ID], categories: [Category] = [], frequency: DigestFrequency) {
        self.zoneIDs = zoneIDs
        self.categories = categories
        self.frequency = frequency
    }
}

/// A resident's email subscription to the digests of one or more zones.
package struct Subscription: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<Subscription>

    package let id: ID
    package let email: String
    package let preferences: SubscriptionPreferences
    package let status: SubscriptionStatus
    package let createdAt: Date
    package let confirmedAt: Date?
    /// The end of the period the last digest covered; the next digest starts there.
    package let lastDigestAt: Date?
    /// How many digests were composed for this subscriber; rotates which posts a capped merchant shows.
    package let digestCount: Int

    package init(
        id: ID, email: String, preferences: SubscriptionPreferences, status: SubscriptionStatus, createdAt: Date,
        confirmedAt: Date?, lastDigestAt: Date?, digestCount: Int
    ) {
        self.id = id
        self.email = email
        self.preferences = preferences
        self.status = status
        self.createdAt = createdAt
        self.confirmedAt = confirmedAt
        self.lastDigestAt = lastDigestAt
        self.digestCount = digestCount
    }

    package var homeZoneID: Zone.ID { preferences.zoneIDs[0] }
    /// Where the next digest's period starts.
    package var periodStart: Date? { lastDigestAt ?? confirmedAt }
}

/// Proof of consent, kept for every request, confirmation, change and unsubscription: when, the exact text the
/// person saw, and where it came from.
package struct ConsentRecord: Equatable, Sendable {
    package enum Action: String, Sendable { case requested, confirmed, changed, unsubscribed }

    package let action: Action
    package let wording: String
    /// "web 192.0.2.7 Mozilla/5.0 …", "one-click", "mail", "cli", "demo".
    package let source: String

    package init(action: Action, wording: String, source: String) {
        self.action = action
        self.wording = wording
        self.source = source
    }
}

import Foundation
import Storage

/// The content of one zone file: everything an operator declares about a zone.
package struct ZoneDefinition: Codable, Equatable, Sendable {
    package struct Commune: Codable, Equatable, Sendable {
        package var name: String
        package var postcodes: [String]

        package init(name: String, postcodes: [String]) {
            self.name = name
            self.postcodes = postcodes
        }
    }

    /// How submitted posts are screened until the moderation rules decide more finely.
    package enum ModerationPolicy: String, Codable, Sendable, CaseIterable {
        /// Every post waits for a zone admin.
        case review
        /// Posts are published directly.
        case publish
    }

    /// Whether a merchant who signs up may post once their address is confirmed, or waits for a zone admin.
    package enum SignUpPolicy: String, Codable, Sendable, CaseIterable {
        /// A zone admin approves each new merchant account (the default).
        case approval
        /// A confirmed address is enough; the merchant's first posts are still held for review.
        case open
    }

    package struct Moderation: Codable, Equatable, Sendable {
        package var policy: ModerationPolicy
        package var queueWarnHours: Int
        package var queueEscalateHours: Int
        /// Defaults for the zone's screening rules, until its admins edit them (optional in the file).
        package var holdFirstPosts: Int?
        package var trustAfterApproved: Int?
        package var maxLinksPerPost: Int?
        package var weeklyQuota: Int?
        /// How merchants who sign up on the web join the zone; nil in the file means `approval`.
        package var merchantSignUps: SignUpPolicy?

        /// How merchants who sign up join the zone.
        package var signUpPolicy: SignUpPolicy { merchantSignUps ?? .approval }

        package init(
            policy: ModerationPolicy, queueWarnHours: Int = 12, queueEscalateHours: Int = 48,
            holdFirstPosts: Int? = nil, trustAfterApproved: Int? = nil, maxLinksPerPost: Int? = nil,
            weeklyQuota: Int? = nil, merchantSignUps: SignUpPolicy? = nil
        ) {
            self.policy = policy
            self.queueWarnHours = queueWarnHours
            self.queueEscalateHours = queueEscalateHours
            self.holdFirstPosts = holdFirstPosts
            self.trustAfterApproved = trustAfterApproved
            self.maxLinksPerPost = maxLinksPerPost
            self.weeklyQuota = weeklyQuota
            self.merchantSignUps = merchantSignUps
        }
    }

    package struct Digest: Codable, Equatable, Sendable {
        /// Local time of day, "HH:MM".
        package var sendTime: String
        /// Lower-case English weekday name.
        package var weeklyDay: String

        package init(sendTime: String = "07:30", weeklyDay: String = "saturday") {
            self.sendTime = sendTime
            self.weeklyDay = weeklyDay
        }
    }

    package var name: String
    package var description: String
    package var departements: [String]
    package var timeZone: String
    package var locale: String
    package var communes: [Commune]
    package var moderation: Moderation
    package var digest: Digest

    package init(
        name: String, description: String, departements: [String], timeZone: String = "Europe/Paris",
        locale: String = "fr", communes: [Commune], moderation: Moderation, digest: Digest = Digest()
    ) {
        self.name = name
        self.description = description
        self.departements = departements
        self.timeZone = timeZone
        self.locale = locale
        self.communes = communes
        self.moderation = moderation
        self.digest = digest
    }

    /// Whether `commune` (any spelling, accents and case ignored) with `postcode` lies in this zone.
    package func contains(commune: String, postcode: String) -> Bool {
        communes.contains { $0.name.folded == commune.folded && $0.postcodes.contains(postcode) }
    }
}

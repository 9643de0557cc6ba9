import Foundation

/// Why screening held or flagged a post, as stored in its `heldReasons` (`new_merchant`, `watched_term:guérit`…).
/// The stored names are part of the data and never change; pages show each reason in words.
package enum HoldReason: Equatable, Hashable, Sendable {
    /// A watched term that holds the post, with the term.
    case watchedTerm(String)
    /// A watched term that publishes the post but marks it for the admins, with the term.
    case flaggedTerm(String)
    case tooManyLinks
    case contactDetailsChanged
    case trustRevoked
    case newMerchant
    case zonePolicyReview
    /// Enough residents reported the published post to hide it until an admin decides.
    case reportsThreshold
    /// A name this version does not know (written by a newer one).
    case unknown(String)

    /// One of each, for the tests that check every reason has words.
    package static let examples: [HoldReason] = [
        .watchedTerm("remède miracle"), .flaggedTerm("happy hour"), .tooManyLinks, .contactDetailsChanged,
        .trustRevoked, .newMerchant, .zonePolicyReview, .reportsThreshold,
    ]

    /// The name stored in the post's `heldReasons`.
    package var stored: String {
        switch self {
        case .watchedTerm(let term): "watched_term:" + term
        case .flaggedTerm(let term): "flagged_term:" + term
        case .tooManyLinks: "too_many_links"
        case .contactDetailsChanged: "contact_details_changed"
        case .trustRevoked: "trust_revoked"
        case .newMerchant: "new_merchant"
        case .zonePolicyReview: "zone_policy_review"
        case .reportsThreshold: "reports_threshold"
        case .unknown(let name): name
        }
    }

    /// The reason a stored name means.
    package init(stored: String) {
        if stored.hasPrefix("watched_term:") {
            self = .watchedTerm(String(stored.dropFirst("watched_term:".count)))
            return
        }
        if stored.hasPrefix("flagged_term:") {
            self = .flaggedTerm(String(stored.dropFirst("flagged_term:".count)))
            return
        }
        let plain: [HoldReason] = [
            .tooManyLinks, .contactDetailsChanged, .trustRevoked, .newMerchant, .zonePolicyReview, .reportsThreshold,
        ]
        self = plain.first { $0.stored == stored } ?? .unknown(stored)
    }
}

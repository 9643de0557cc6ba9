import Community
import Foundation

/// One day of a merchant's reach, all their posts together.
struct ReachDayCounts: Equatable, Sendable {
    let day: String
    var postViews = 0
    var listingViews = 0
    var clicks = 0
    var feedFetches = 0
    var digests = 0

    /// Views of the merchant's page and of their posts' pages.
    var views: Int { postViews + listingViews }
}

/// A merchant who may receive a monthly reach report, with the address of the account that owns the listing.
struct ReachRecipient: Equatable, Sendable {
    let merchant: Merchant.ID
    let slug: String
    let name: String
    let email: String
}

/// Stored reach: per-day sums added by every process, read per merchant.
protocol ReachStore: Sendable {
    /// Adds `tally`'s counts to the stored ones, in one transaction; counts of posts or listings that no longer
    /// exist are dropped.
    func add(_ tally: ReachTally) async throws

    /// The merchant's reach per day from `first` through `last` (`YYYY-MM-DD`), only days with counts.
    func days(merchant: Merchant.ID, from first: String, through last: String) async throws -> [ReachDayCounts]

    /// Each of the merchant's posts' counts from `first` through `last`, only posts with counts.
    func posts(merchant: Merchant.ID, from first: String, through last: String) async throws
        -> [Post.ID: ReachTally.PostCounts]

    /// Merchants with reach counted from `first` through `last` whose listing is visible, not an unclaimed
    /// import, and whose owner's account is a merchant's and was not deleted.
    func recipients(from first: String, through last: String) async throws -> [ReachRecipient]
}

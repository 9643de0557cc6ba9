import Community

/// Counts not yet stored: per post and per listing, per day. Adding two tallies adds their counts.
struct ReachTally: Equatable, Sendable {
    /// A post's or a listing's counts for one day (`YYYY-MM-DD`).
    struct Key<ID: Hashable & Sendable>: Hashable, Sendable {
        let id: ID
        let day: String
    }

    /// A post's counts for a day.
    struct PostCounts: Equatable, Sendable {
        var views = 0
        var feedFetches = 0
        var digests = 0
    }

    /// A listing's (merchant page's) counts for a day.
    struct ListingCounts: Equatable, Sendable {
        var views = 0
        var clicks = 0
    }

    var posts: [Key<Post.ID>: PostCounts] = [:]
    var listings: [Key<Merchant.ID>: ListingCounts] = [:]

    var isEmpty: Bool { posts.isEmpty && listings.isEmpty }

    /// Adds `other`'s counts to these.
    mutating func add(_ other: ReachTally) {
        for (key, counts) in other.posts {
            posts[key, default: PostCounts()].views += counts.views
            posts[key, default: PostCounts()].feedFetches += counts.feedFetches
            posts[key, default: PostCounts()].digests += counts.digests
        }
        for (key, counts) in other.listings {
            listings[key, default: ListingCounts()].views += counts.views
            listings[key, default: ListingCounts()].clicks += counts.clicks
        }
    }
}

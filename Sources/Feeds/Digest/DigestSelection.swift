import Community

/// Chooses a digest's posts fairly: every merchant with a post in the period appears, none shows more than its
/// share, and a merchant with more posts than its share shows a different slice from one digest to the next.
package enum DigestSelection {
    package struct Result: Equatable, Sendable {
        /// Newest first.
        package var posts: [Post]
        /// Posts left out, by merchant slug.
        package var omitted: [String: Int]
    }

    /// `posts` newest first; `rotation` differs between digests and between subscribers.
    package static func select(_ posts: [Post], perMerchant: Int, maxPosts: Int, rotation: Int) -> Result {
        var byMerchant: [Merchant.ID: [Post]] = [:]
        var order: [Merchant.ID] = []
        for post in posts {
            if byMerchant[post.merchantID] == nil { order.append(post.merchantID) }
            byMerchant[post.merchantID, default: []].append(post)
        }
        guard !order.isEmpty else { return Result(posts: [], omitted: [:]) }
        // With many merchants the share shrinks, but never below one post each.
        let share = max(1, min(perMerchant, maxPosts / order.count))
        var chosen: [Post] = []
        var omitted: [String: Int] = [:]
        for merchant in order {
            let own = byMerchant[merchant]!
            guard own.count > share else {
                chosen += own
                continue
            }
            let start = (rotation.magnitude * UInt(share)) % UInt(own.count)
            chosen += (0..<share).map { own[(Int(start) + $0) % own.count] }
            omitted[own[0].merchantSlug] = own.count - share
        }
        let rank = Dictionary(uniqueKeysWithValues: posts.enumerated().map { ($1.id, $0) })
        return Result(posts: chosen.sorted { rank[$0.id]! < rank[$1.id]! }, omitted: omitted)
    }
}

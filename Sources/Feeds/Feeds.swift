import Community

/// Feeds: RSS, Atom, JSON Feed and iCalendar renderings of what Community publishes, and the digests.
package enum Feeds {
    /// Feeds show posts in this status only.
    package static let publishedStatus = PostStatus.published
}

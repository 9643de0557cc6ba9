/// The three feed formats every listing is published in.
package enum FeedFormat: String, CaseIterable, Sendable {
    case atom, rss, json

    package var contentType: String {
        switch self {
        case .atom: "application/atom+xml; charset=utf-8"
        case .rss: "application/rss+xml; charset=utf-8"
        case .json: "application/feed+json; charset=utf-8"
        }
    }

    /// The MIME type without parameters, for `<link rel="alternate">`.
    package var mediaType: String { String(contentType.prefix { $0 != ";" }) }

    package var label: String {
        switch self {
        case .atom: "Atom"
        case .rss: "RSS"
        case .json: "JSON Feed"
        }
    }
}

/// What a feed is about, and where it lives.
package struct FeedDescriptor: Sendable {
    package let title: String
    package let subtitle: String
    /// The HTML page the feed follows.
    package let pageURL: String
    /// The feed's own URL without the extension; each format appends `.atom`, `.rss` or `.json`.
    package let feedBaseURL: String

    package init(title: String, subtitle: String, pageURL: String, feedBaseURL: String) {
        self.title = title
        self.subtitle = subtitle
        self.pageURL = pageURL
        self.feedBaseURL = feedBaseURL
    }

    package func url(_ format: FeedFormat) -> String { "\(feedBaseURL).\(format.rawValue)" }
}

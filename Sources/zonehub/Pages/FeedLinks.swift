import Feeds

/// Autodiscovery `<link rel="alternate">` tags for a page's `<head>`, and the visible "Suivre ce flux" links.
enum FeedLinks {
    /// `path` is the feed's address without its extension, e.g. `/zones/oise/feed`.
    static func head(_ path: String, title: String) -> HTML {
        FeedFormat.allCases.map {
            "<link rel=\"alternate\" type=\"\($0.mediaType)\" title=\"\(title) (\($0.label))\" href=\"\(path).\($0.rawValue)\">"
                as HTML
        }.joined(separator: "\n")
    }

    static func follow(_ path: String, _ t: Language) -> HTML {
        let links: [HTML] = FeedFormat.allCases.map { "<a href=\"\(path).\($0.rawValue)\">\($0.label)</a>" }
        return "<p class=\"follow\">\(t("Suivre ce flux", "Follow this feed")) : \(links.joined(separator: " · "))</p>"
    }
}

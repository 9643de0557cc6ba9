import Community
import Foundation

/// Renders published posts, and other entries (`FeedEntry`: new products), as Atom 1.0, RSS 2.0 or JSON Feed 1.1.
/// Pure: same posts, same bytes.
package enum FeedRenderer {
    /// How many entries a feed carries.
    package static let itemLimit = 50

    /// `entries` go among the posts by their publication date, newest first; the first `itemLimit` of all are kept.
    package static func render(
        _ feed: FeedDescriptor, posts: [Post], entries: [FeedEntry] = [], format: FeedFormat, baseURL: String,
        webSubHub: String? = nil
    ) -> String {
        let items = Array(FeedItem.merged(posts, entries).prefix(itemLimit))
        switch format {
        case .atom: return atom(feed, items, baseURL, webSubHub)
        case .rss: return rss(feed, items, baseURL, webSubHub)
        case .json: return json(feed, items, baseURL, webSubHub)
        }
    }

    /// The newest change among the posts and entries, which is when the feed last changed.
    package static func updated(_ posts: [Post], entries: [FeedEntry] = []) -> Date {
        (posts.map { max($0.updatedAt, $0.publishedAt ?? $0.updatedAt) } + entries.map { max($0.updated, $0.published) })
            .max() ?? Date(timeIntervalSince1970: 0)
    }

    /// What a feed's items are, posts and entries alike.
    private static func updated(_ items: [FeedItem]) -> Date {
        updated(
            items.compactMap { if case .post(let post) = $0 { post } else { nil } },
            entries: items.compactMap { if case .entry(let entry) = $0 { entry } else { nil } })
    }

    /// A post's one permanent id in every feed and format: its page's address.
    package static func entryID(_ post: Post, baseURL: String) -> String { "\(baseURL)/posts/\(post.id.rawValue)" }

    static func x(_ text: String) -> String { PlainText.escape(text) }

    private static func atom(_ feed: FeedDescriptor, _ items: [FeedItem], _ base: String, _ webSubHub: String?)
        -> String
    {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
            <id>\(x(feed.pageURL))</id>
            <title>\(x(feed.title))</title>
            <subtitle>\(x(feed.subtitle))</subtitle>
            <updated>\(FeedDates.rfc3339(updated(items)))</updated>
            <link rel="self" type="application/atom+xml" href="\(x(feed.url(.atom)))"/>
            <link rel="alternate" type="text/html" href="\(x(feed.pageURL))"/>

            """
        if let webSubHub { out += "<link rel=\"hub\" href=\"\(x(webSubHub))\"/>\n" }
        out += "<generator>zonehub</generator>\n"
        for item in items {
            guard case .post(let post) = item else {
                if case .entry(let entry) = item { out += atomEntry(entry) }
                continue
            }
            let url = entryID(post, baseURL: base)
            out += """
                <entry>
                <id>\(x(url))</id>
                <title>\(x(post.content.title))</title>
                <link rel="alternate" type="text/html" href="\(x(url))"/>
                <published>\(FeedDates.rfc3339(post.publishedAt ?? post.createdAt))</published>
                <updated>\(FeedDates.rfc3339(post.updatedAt))</updated>
                <author><name>\(x(post.merchantName))</name><uri>\(x("\(base)/merchants/\(post.merchantSlug)"))</uri></author>
                <category term="\(x(post.content.category.rawValue))" label="\(x(post.content.category.label))"/>
                <summary>\(x(EntryContent.summary(post)))</summary>
                <content type="html">\(x(EntryContent.html(post, baseURL: base)))</content>

                """
            if let image = post.content.imageURL {
                out += "<link rel=\"enclosure\" type=\"\(imageType(image))\" href=\"\(x(image))\"/>\n"
            }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    private static func rss(_ feed: FeedDescriptor, _ items: [FeedItem], _ base: String, _ webSubHub: String?)
        -> String
    {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel>
            <title>\(x(feed.title))</title>
            <link>\(x(feed.pageURL))</link>
            <description>\(x(feed.subtitle))</description>
            <language>fr</language>
            <lastBuildDate>\(FeedDates.rfc822(updated(items)))</lastBuildDate>
            <atom:link rel="self" type="application/rss+xml" href="\(x(feed.url(.rss)))"/>

            """
        if let webSubHub { out += "<atom:link rel=\"hub\" href=\"\(x(webSubHub))\"/>\n" }
        for item in items {
            guard case .post(let post) = item else {
                if case .entry(let entry) = item { out += rssEntry(entry) }
                continue
            }
            let url = entryID(post, baseURL: base)
            out += """
                <item>
                <title>\(x(post.content.title))</title>
                <link>\(x(url))</link>
                <guid isPermaLink="true">\(x(url))</guid>
                <pubDate>\(FeedDates.rfc822(post.publishedAt ?? post.createdAt))</pubDate>
                <category>\(x(post.content.category.label))</category>
                <description>\(x(EntryContent.html(post, baseURL: base)))</description>

                """
            if let image = post.content.imageURL {
                out += "<enclosure url=\"\(x(image))\" type=\"\(imageType(image))\" length=\"0\"/>\n"
            }
            out += "</item>\n"
        }
        return out + "</channel>\n</rss>\n"
    }

    private static func json(_ feed: FeedDescriptor, _ items: [FeedItem], _ base: String, _ webSubHub: String?)
        -> String
    {
        var document: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1", "title": feed.title, "description": feed.subtitle,
            "home_page_url": feed.pageURL, "feed_url": feed.url(.json), "language": "fr",
            "items": items.map { item -> [String: Any] in
                guard case .post(let post) = item else {
                    if case .entry(let entry) = item { return jsonEntry(entry) }
                    return [:]
                }
                let url = entryID(post, baseURL: base)
                var item: [String: Any] = [
                    "id": url, "url": url, "title": post.content.title, "summary": EntryContent.summary(post),
                    "content_html": EntryContent.html(post, baseURL: base),
                    "date_published": FeedDates.rfc3339(post.publishedAt ?? post.createdAt),
                    "date_modified": FeedDates.rfc3339(post.updatedAt), "tags": [post.content.category.label],
                    "authors": [["name": post.merchantName, "url": "\(base)/merchants/\(post.merchantSlug)"]],
                ]
                if let image = post.content.imageURL {
                    item["image"] = image
                    item["attachments"] = [["url": image, "mime_type": imageType(image)]]
                }
                return item
            },
        ]
        if let webSubHub { document["hubs"] = [["type": "WebSub", "url": webSubHub]] }
        let data =
            (try? JSONSerialization.data(
                withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The image type guessed from the address; readers use it only as a hint.
    static func imageType(_ url: String) -> String {
        let lower = url.lowercased()
        if lower.hasSuffix(".png") { return "image/png" }
        if lower.hasSuffix(".webp") { return "image/webp" }
        if lower.hasSuffix(".gif") { return "image/gif" }
        return "image/jpeg"
    }
}

import Community
import Foundation

/// A feed entry that is not a post: a merchant's new product. Like a post's, its one permanent id in every feed and
/// format is its page's address.
package struct FeedEntry: Equatable, Sendable {
    /// The page's absolute address: the entry's id and link.
    package let url: String
    package let title: String
    /// One line of plain text.
    package let summary: String
    /// The entry's content, as HTML.
    package let html: String
    package let published: Date
    package let updated: Date
    package let authorName: String
    package let authorURL: String
    /// What kind of entry it is, as a category: a term ("product") and its label ("Nouveau produit").
    package let categoryTerm: String
    package let categoryLabel: String

    package init(
        url: String, title: String, summary: String, html: String, published: Date, updated: Date,
        authorName: String, authorURL: String, categoryTerm: String, categoryLabel: String
    ) {
        self.url = url
        self.title = title
        self.summary = summary
        self.html = html
        self.published = published
        self.updated = updated
        self.authorName = authorName
        self.authorURL = authorURL
        self.categoryTerm = categoryTerm
        self.categoryLabel = categoryLabel
    }
}

/// One item of a feed: a post or another entry.
enum FeedItem {
    case post(Post)
    case entry(FeedEntry)

    var published: Date {
        switch self {
        case .post(let post): post.publishedAt ?? post.createdAt
        case .entry(let entry): entry.published
        }
    }

    /// The posts in their order with the entries among them, newest first: each entry goes before the first post
    /// published before it (posts keep the order they came in).
    static func merged(_ posts: [Post], _ entries: [FeedEntry]) -> [FeedItem] {
        var pending = entries.sorted { ($0.published, $0.url) > ($1.published, $1.url) }[...]
        var items: [FeedItem] = []
        for post in posts {
            let date = post.publishedAt ?? post.createdAt
            while let next = pending.first, next.published > date {
                items.append(.entry(next))
                pending = pending.dropFirst()
            }
            items.append(.post(post))
        }
        return items + pending.map(FeedItem.entry)
    }
}

extension FeedRenderer {
    static func atomEntry(_ entry: FeedEntry) -> String {
        """
        <entry>
        <id>\(x(entry.url))</id>
        <title>\(x(entry.title))</title>
        <link rel="alternate" type="text/html" href="\(x(entry.url))"/>
        <published>\(FeedDates.rfc3339(entry.published))</published>
        <updated>\(FeedDates.rfc3339(entry.updated))</updated>
        <author><name>\(x(entry.authorName))</name><uri>\(x(entry.authorURL))</uri></author>
        <category term="\(x(entry.categoryTerm))" label="\(x(entry.categoryLabel))"/>
        <summary>\(x(entry.summary))</summary>
        <content type="html">\(x(entry.html))</content>
        </entry>

        """
    }

    static func rssEntry(_ entry: FeedEntry) -> String {
        """
        <item>
        <title>\(x(entry.title))</title>
        <link>\(x(entry.url))</link>
        <guid isPermaLink="true">\(x(entry.url))</guid>
        <pubDate>\(FeedDates.rfc822(entry.published))</pubDate>
        <category>\(x(entry.categoryLabel))</category>
        <description>\(x(entry.html))</description>
        </item>

        """
    }

    static func jsonEntry(_ entry: FeedEntry) -> [String: Any] {
        [
            "id": entry.url, "url": entry.url, "title": entry.title, "summary": entry.summary,
            "content_html": entry.html, "date_published": FeedDates.rfc3339(entry.published),
            "date_modified": FeedDates.rfc3339(entry.updated), "tags": [entry.categoryLabel],
            "authors": [["name": entry.authorName, "url": entry.authorURL]],
        ]
    }
}

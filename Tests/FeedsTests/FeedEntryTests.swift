import Community
import Foundation
import HubTestSupport
import Testing

@testable import Feeds

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Entries that are not posts (new products) go among the posts by date in every format, and count for the feed's
/// last change.
@Suite struct FeedEntryTests {
    typealias Fixture = FeedRendererTests

    static func entry(_ name: String, at date: Date) -> FeedEntry {
        FeedEntry(
            url: "\(Fixture.base)/merchants/cave-de-bergerac/products/\(name.count)",
            title: "Nouveau produit chez Cave de Bergerac : \(name)", summary: "12,50 € la bouteille",
            html: "<ul><li>12,50 € la bouteille</li></ul>", published: date, updated: date.addingTimeInterval(30),
            authorName: "Cave de Bergerac", authorURL: "\(Fixture.base)/merchants/cave-de-bergerac",
            categoryTerm: "product", categoryLabel: "Nouveau produit")
    }

    /// One entry listed an hour after the fixture's posts were published, one an hour before.
    static let newer = entry("Pécharmant", at: Fixture.published.addingTimeInterval(3600))
    static let older = entry("Rosette", at: Fixture.published.addingTimeInterval(-3600))

    @Test func entriesGoAmongPostsNewestFirstInAtom() throws {
        let text = FeedRenderer.render(
            Fixture.feed, posts: Fixture.posts, entries: [Self.older, Self.newer], format: .atom,
            baseURL: Fixture.base)
        let parsed = try XMLElements(text)
        #expect(
            parsed.values("feed/entry/id") == [
                Self.newer.url, "\(Fixture.base)/posts/2", "\(Fixture.base)/posts/1", Self.older.url,
            ])
        #expect(parsed.values("feed/entry/title").first == "Nouveau produit chez Cave de Bergerac : Pécharmant")
        #expect(parsed.values("feed/updated") == ["2026-03-14T11:00:30Z"])
    }

    @Test func entriesAreItemsOfRSSAndJSONFeedsToo() throws {
        let rss = try XMLElements(
            FeedRenderer.render(
                Fixture.feed, posts: Fixture.posts, entries: [Self.newer], format: .rss, baseURL: Fixture.base))
        #expect(
            rss.values("rss/channel/item/guid") == [
                Self.newer.url, "\(Fixture.base)/posts/2", "\(Fixture.base)/posts/1",
            ])
        #expect(rss.values("rss/channel/item/category").first == "Nouveau produit")
        let json = FeedRenderer.render(
            Fixture.feed, posts: Fixture.posts, entries: [Self.newer], format: .json, baseURL: Fixture.base)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.compactMap { $0["id"] as? String }.first == Self.newer.url)
        #expect(items.first?["date_published"] as? String == "2026-03-14T11:00:00Z")
    }

    @Test func aFeedKeepsItsLimitWithEntries() throws {
        let posts = (1...FeedRenderer.itemLimit).map { Fixture.post(Int64($0), title: "Offre \($0)") }
        let text = FeedRenderer.render(
            Fixture.feed, posts: posts, entries: [Self.newer], format: .atom, baseURL: Fixture.base)
        let ids = try XMLElements(text).values("feed/entry/id")
        #expect(ids.count == FeedRenderer.itemLimit)
        #expect(ids.first == Self.newer.url)
    }

    @Test func withoutEntriesTheUpdatedDateIsThePosts() {
        #expect(FeedRenderer.updated(Fixture.posts) == FeedRenderer.updated(Fixture.posts, entries: []))
        #expect(FeedRenderer.updated(Fixture.posts, entries: [Self.newer]) == Self.newer.updated)
    }
}

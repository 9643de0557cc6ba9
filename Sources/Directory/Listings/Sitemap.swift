import Community
import Foundation

/// A part of the sitemap: merchants or live posts whose ids fall in one block of `SitemapService.chunkSize`.
package struct SitemapChunk: Equatable, Sendable {
    package enum Kind: String, Sendable, CaseIterable {
        case merchants, posts
    }

    package let kind: Kind
    package let number: Int
    package let lastModified: Date

    package init(kind: Kind, number: Int, lastModified: Date) {
        self.kind = kind
        self.number = number
        self.lastModified = lastModified
    }
}

/// One address of the sitemap: a merchant's slug or a post's id, and when it last changed.
package struct SitemapEntry: Equatable, Sendable {
    package let key: String
    package let lastModified: Date

    package init(key: String, lastModified: Date) {
        self.key = key
        self.lastModified = lastModified
    }
}

/// What the sitemap lists: every merchant and every live post.
package protocol SitemapStore: Sendable {
    /// The non-empty blocks of ids of each kind, with their latest change.
    func chunks(size: Int, at now: Date) async throws -> [SitemapChunk]
    /// The merchants (by slug) or live posts (by id) whose ids fall in block `number`.
    func entries(_ kind: SitemapChunk.Kind, number: Int, size: Int, at now: Date) async throws -> [SitemapEntry]
}

/// The sitemap for search engines, in blocks small enough for their limits (50,000 addresses per file).
package struct SitemapService: Sendable {
    let store: any SitemapStore
    let clock: any HubClock
    package static let chunkSize = 10_000

    package init(store: any SitemapStore, clock: any HubClock) {
        self.store = store
        self.clock = clock
    }

    package func chunks() async throws -> [SitemapChunk] {
        try await store.chunks(size: Self.chunkSize, at: clock.now())
    }

    /// The block's entries; fails with `sitemap_not_found` for a block number out of range.
    package func entries(_ kind: SitemapChunk.Kind, number: Int) async throws -> [SitemapEntry] {
        guard (0...1_000_000).contains(number) else { throw DirectoryNotFound.sitemap.notFound }
        return try await store.entries(kind, number: number, size: Self.chunkSize, at: clock.now())
    }
}

import Community
import Foundation
import HTTPTypes
import NIOCore
import Synchronization

/// Rendered feeds, kept until a post, merchant or zone changes in the database or an entry's validity ends.
final class FeedCache: Sendable {
    struct Entry: Sendable {
        let body: ByteBuffer
        let gzipped: ByteBuffer?
        /// Strong validator: a digest of the body.
        let etag: String
        let lastModified: Date
        /// When the first offer in it stops being valid, the entry is stale.
        let expiresAt: Date?
        /// Validators and caching headers (for 304), then with the length of each body.
        let headers: HTTPFields
        let plainHeaders: HTTPFields
        let gzipHeaders: HTTPFields
        /// The posts the feed carries, each counted as reached by a fetch.
        let posts: [Post.ID]
    }

    private let state = Mutex<(generation: Int, entries: [String: Entry])>((0, [:]))

    /// The current generation: renders started before an invalidation are not stored.
    var generation: Int { state.withLock { $0.generation } }

    func entry(_ key: String, now: Date) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            if let expiry = entry.expiresAt, expiry <= now {
                state.entries[key] = nil
                return nil
            }
            return entry
        }
    }

    /// How many feeds are held.
    var count: Int { state.withLock { $0.entries.count } }

    /// Stores `entry` unless the data changed since `generation` was read.
    func store(_ entry: Entry, for key: String, renderedAt generation: Int) {
        state.withLock { state in
            guard state.generation == generation else { return }
            state.entries[key] = entry
        }
    }

    /// Empties the cache; returns the paths that were cached (feeds someone is reading).
    @discardableResult
    func invalidate() -> [String] {
        state.withLock { state in
            state.generation += 1
            defer { state.entries.removeAll() }
            return Array(state.entries.keys)
        }
    }
}

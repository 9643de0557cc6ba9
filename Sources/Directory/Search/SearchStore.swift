import Community
import Foundation

/// The full-text indexes of merchants and live posts (kept in step with them by the database).
package protocol SearchStore: Sendable {
    /// The newest entries matching every term and filter, from the strongest field and from any field, at most
    /// `filter.candidates` of each; posts no longer valid at `now` are left out.
    func candidates(_ filter: SearchFilter, at now: Date) async throws -> [SearchCandidate]
    /// The merchants and posts behind `refs`, in the same order (any that vanished are skipped).
    func results(_ refs: [SearchRef]) async throws -> [SearchResult]
}

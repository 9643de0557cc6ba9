import Community
import Foundation
import Storage

/// Full-text search over merchants and live posts: relevance first, then freshness.
package struct SearchService: Sendable {
    let search: any SearchStore
    let zones: any ZoneStore
    let clock: any HubClock
    /// Ranked results stop here: past it, a resident refines the words rather than pages on.
    static let maxResults = 200
    package static let noWords = DirectoryField.search.error(
        "q: type at least one word of two letters (at most 200 characters)")

    package init(search: any SearchStore, zones: any ZoneStore, clock: any HubClock) {
        self.search = search
        self.zones = zones
        self.clock = clock
    }

    /// Runs `query`; fails with `invalid_search` without a word to look for and `zone_not_found` for an unknown zone.
    package func run(_ query: SearchQuery) async throws -> SearchPage {
        let filter = try await filter(for: query)
        guard (1...50).contains(query.limit) else { throw DirectoryField.limit.invalid("between 1 and 50") }
        guard (0..<Self.maxResults).contains(query.offset) else {
            throw DirectoryField.offset.invalid("between 0 and \(Self.maxResults - 1)")
        }
        let ranked = SearchRanking.rank(try await search.candidates(filter, at: clock.now()), terms: filter.terms)
            .prefix(Self.maxResults)
        let page = ranked.dropFirst(query.offset).prefix(query.limit)
        let results = try await search.results(page.map(\.ref))
        return SearchPage(
            terms: filter.terms, results: results, hasMore: ranked.count > query.offset + query.limit)
    }

    /// The query checked and resolved: terms folded, zone found, commune folded.
    func filter(for query: SearchQuery) async throws -> SearchFilter {
        guard query.text.count <= 200, case let terms = SearchTerms.terms(query.text), !terms.isEmpty else {
            throw Self.noWords
        }
        var filter = SearchFilter(terms: terms, category: query.category, kind: query.kind)
        if let slug = query.zone {
            guard let zone = try await zones.zone(slug: slug) else {
                throw CommunityNotFound.zone.error("no zone '\(slug.prefix(60))'")
            }
            filter.zoneID = zone.id
        }
        if let commune = query.commune?.folded, !commune.isEmpty {
            guard commune.count <= 80 else {
                throw DirectoryField.communeFilter.error("commune: at most 80 characters")
            }
            filter.communeKey = commune
        }
        return filter
    }
}

import Foundation

/// `SearchStore` on PostgreSQL: `searchEntry`, kept in step by triggers, with its words in GIN-indexed vectors
/// (`strongWords` for names and titles, `allWords` for everything, `facetWords` for the filters).
package struct PostgresSearchStore: SearchStore {
    let database: PostgresHub

    package init(database: PostgresHub) { self.database = database }

    package func candidates(_ filter: SearchFilter, at now: Date) async throws -> [SearchCandidate] {
        let words = filter.terms.map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
        guard !words.isEmpty else { return [] }
        let facets = SearchTerms.facets(filter).joined(separator: " & ")
        return try await database.read { db in
            var found: [SearchCandidate] = []
            var seen: Set<SearchRef> = []
            // As on SQLite: whole words before prefixes, names and titles before the rest, each step only when the
            // previous ones left room.
            for prefix in [false, true] {
                let query = words.map { prefix ? "\($0):*" : $0 }.joined(separator: " & ")
                var merchantNamesFill = false
                var postTitlesFill = false
                for strong in [true, false] {
                    let vector = strong ? "e.strongWords" : "e.allWords"
                    if filter.includesMerchants, strong || !merchantNamesFill {
                        let rows = try await db.fetchAll(
                            Self.merchantCandidates(vector, facets: !facets.isEmpty),
                            [query] + (facets.isEmpty ? [] : [facets]) + [filter.candidates])
                        if strong { merchantNamesFill = rows.count == filter.candidates }
                        Self.add(rows, to: &found, seen: &seen) { .merchant(Merchant.ID($0)) }
                    }
                    if filter.includesPosts, strong || !postTitlesFill {
                        let rows = try await db.fetchAll(
                            Self.postCandidates(vector, facets: !facets.isEmpty),
                            [query] + (facets.isEmpty ? [] : [facets]) + [now, filter.candidates])
                        if strong { postTitlesFill = rows.count == filter.candidates }
                        Self.add(rows, to: &found, seen: &seen) { .post(Post.ID($0)) }
                    }
                }
                if found.count >= filter.candidates { break }
            }
            return found
        }
    }

    private static func add(
        _ rows: [PostgresRowValues], to found: inout [SearchCandidate], seen: inout Set<SearchRef>,
        _ ref: (Int64) -> SearchRef
    ) {
        for row in rows where seen.insert(ref(row["id"])).inserted {
            found.append(
                SearchCandidate(
                    ref: ref(row["id"]), title: row["title"], body: row["body"], place: row["place"], date: row["date"])
            )
        }
    }

    private static func merchantCandidates(_ vector: String, facets: Bool) -> String {
        """
        SELECT e.id, e.title, substr(e.body, 1, 400) AS body, e.place, coalesce(m.confirmedAt, m.updatedAt) AS date
        FROM searchEntry e JOIN merchant m ON m.id = e.id
        WHERE e.kind = 'merchant' AND \(vector) @@ to_tsquery('simple', ?)
          \(facets ? "AND e.facetWords @@ to_tsquery('simple', ?)" : "")
        ORDER BY e.id DESC LIMIT ?
        """
    }

    private static func postCandidates(_ vector: String, facets: Bool) -> String {
        """
        SELECT e.id, e.title, substr(e.body, 1, 400) AS body, e.place, p.publishedAt AS date
        FROM searchEntry e JOIN post p ON p.id = e.id
        WHERE e.kind = 'post' AND \(vector) @@ to_tsquery('simple', ?)
          \(facets ? "AND e.facetWords @@ to_tsquery('simple', ?)" : "")
          AND p.status = 'published' AND (p.validUntil IS NULL OR p.validUntil > ?)
        ORDER BY e.id DESC LIMIT ?
        """
    }

    package func results(_ refs: [SearchRef]) async throws -> [SearchResult] {
        guard !refs.isEmpty else { return [] }
        return try await database.read { db in
            let merchantIDs = refs.compactMap { if case .merchant(let id) = $0 { id } else { nil } }
            let postIDs = refs.compactMap { if case .post(let id) = $0 { id } else { nil } }
            var merchants: [Merchant.ID: Merchant] = [:]
            if !merchantIDs.isEmpty {
                for row in try await db.fetchAll(
                    "SELECT * FROM merchant WHERE id IN (\(PostgresTransaction.marks(merchantIDs.count)))", merchantIDs)
                {
                    let merchant = try await PostgresMerchantStore.merchant(from: row, db)
                    merchants[merchant.id] = merchant
                }
            }
            var posts: [Post.ID: Post] = [:]
            if !postIDs.isEmpty {
                for row in try await db.fetchAll(
                    SQLitePostStore.select + " WHERE post.id IN (\(PostgresTransaction.marks(postIDs.count)))", postIDs)
                {
                    let post = try StoredRows.post(from: row)
                    posts[post.id] = post
                }
            }
            return SearchResult.ordered(refs, merchants: merchants, posts: posts)
        }
    }
}

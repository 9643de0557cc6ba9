import Foundation
import GRDB

/// `SearchStore` on SQLite FTS5 (`merchantSearch`, `postSearch`, filled by triggers of the v6 migration).
package struct SQLiteSearchStore: SearchStore {
    let database: AppDatabase

    package init(database: AppDatabase) { self.database = database }

    package func candidates(_ filter: SearchFilter, at now: Date) async throws -> [SearchCandidate] {
        try await database.read { db in
            var found: [SearchCandidate] = []
            var seen: Set<SearchRef> = []
            // Whole words first: FTS5 reads a word's entries lazily, newest first, but gathers every entry of every
            // word beyond the prefix index's lengths before returning one. Prefixes only fill what words left.
            // Title matches first, so that an old shop named after the words is not crowded out by newer posts
            // that only mention them. Only the start of a long body is read for ranking.
            for prefix in [false, true] {
                // When names (or titles) alone fill the candidates, entries matching only elsewhere would rank below
                // them anyway: the second query is skipped.
                var merchantNamesFill = false
                var postTitlesFill = false
                for strong in [true, false] {
                    if filter.includesMerchants, strong || !merchantNamesFill {
                        let match = SearchTerms.match(
                            filter, columns: strong ? ["name"] : ["name", "body", "place"], prefix: prefix)
                        let rows = try Row.fetchAll(
                            db, sql: Self.merchantCandidates, arguments: [match, filter.candidates])
                        if strong { merchantNamesFill = rows.count == filter.candidates }
                        add(rows, to: &found, seen: &seen) { .merchant(Merchant.ID($0)) }
                    }
                    if filter.includesPosts, strong || !postTitlesFill {
                        let match = SearchTerms.match(
                            filter, columns: strong ? ["title"] : ["title", "body", "place"], prefix: prefix)
                        let rows = try Row.fetchAll(
                            db, sql: Self.postCandidates, arguments: [match, filter.candidates, now])
                        if strong { postTitlesFill = rows.count == filter.candidates }
                        add(rows, to: &found, seen: &seen) { .post(Post.ID($0)) }
                    }
                }
                if found.count >= filter.candidates { break }
            }
            return found
        }
    }

    private func add(
        _ rows: [Row], to found: inout [SearchCandidate], seen: inout Set<SearchRef>, _ ref: (Int64) -> SearchRef
    ) {
        for row in rows where seen.insert(ref(row["id"])).inserted {
            found.append(
                SearchCandidate(
                    ref: ref(row["id"]), title: row["title"], body: row["body"], place: row["place"], date: row["date"])
            )
        }
    }

    private static let merchantCandidates = """
        SELECT -s.rowid AS id, s.name AS title, substr(s.body, 1, 400) AS body, s.place,
          coalesce(m.confirmedAt, m.updatedAt) AS date
        FROM (SELECT rowid, name, body, place FROM merchantSearch WHERE merchantSearch MATCH ?
              ORDER BY rowid LIMIT ?) s
        JOIN merchant m ON m.id = -s.rowid
        """

    private static let postCandidates = """
        SELECT -s.rowid AS id, s.title, substr(s.body, 1, 400) AS body, s.place, p.publishedAt AS date
        FROM (SELECT rowid, title, body, place FROM postSearch WHERE postSearch MATCH ? ORDER BY rowid LIMIT ?) s
        JOIN post p ON p.id = -s.rowid
        WHERE p.status = 'published' AND (p.validUntil IS NULL OR p.validUntil > ?)
        """

    package func results(_ refs: [SearchRef]) async throws -> [SearchResult] {
        guard !refs.isEmpty else { return [] }
        return try await database.read { db in
            let merchantIDs = refs.compactMap { if case .merchant(let id) = $0 { id } else { nil } }
            let postIDs = refs.compactMap { if case .post(let id) = $0 { id } else { nil } }
            var merchants: [Merchant.ID: Merchant] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT * FROM merchant WHERE id IN (\(databaseQuestionMarks(count: merchantIDs.count)))",
                arguments: StatementArguments(merchantIDs))
            {
                let merchant = try SQLiteMerchantStore.merchant(from: row, db)
                merchants[merchant.id] = merchant
            }
            var posts: [Post.ID: Post] = [:]
            for row in try Row.fetchAll(
                db, sql: SQLitePostStore.select + " WHERE post.id IN (\(databaseQuestionMarks(count: postIDs.count)))",
                arguments: StatementArguments(postIDs))
            {
                let post = try StoredRows.post(from: row)
                posts[post.id] = post
            }
            return SearchResult.ordered(refs, merchants: merchants, posts: posts)
        }
    }
}

import Community
import Foundation
import Storage

/// One step of a search as each engine writes it: FTS5 tables on SQLite (`merchantSearch`, `postSearch`, filled by
/// triggers of the v6 migration); on PostgreSQL `searchEntry`, kept in step by triggers, with its words in
/// GIN-indexed vectors (`strongWords` for names and titles, `allWords` for everything, `facetWords` for filters).
/// Only the start of a long body is read for ranking.
struct FullTextQuery {
    let filter: SearchFilter
    let engine: SQLEngine
    /// The filter's words, letters and digits only (what a tsquery may hold).
    private let words: [String]
    private let facets: String

    init(filter: SearchFilter, engine: SQLEngine) {
        self.filter = filter
        self.engine = engine
        words = filter.terms.map { $0.filter { $0.isLetter || $0.isNumber } }.filter { !$0.isEmpty }
        facets = SearchTerms.facets(filter).joined(separator: " & ")
    }

    /// Whether there is anything to look for (FTS5 reads the terms as they are).
    var hasWords: Bool { engine == .sqlite || !words.isEmpty }
    /// Whether there are words to match products on (their text is matched word by word).
    var hasProductWords: Bool { !words.isEmpty }

    /// Merchants whose name (`strong`) or any text matches, newest first.
    func merchants(strong: Bool, prefix: Bool) -> (String, [any SQLBindable]) {
        switch engine {
        case .sqlite:
            let match = SearchTerms.match(
                filter, columns: strong ? ["name"] : ["name", "body", "place"], prefix: prefix)
            return (
                """
                SELECT -s.rowid AS id, s.name AS title, substr(s.body, 1, 400) AS body, s.place,
                  coalesce(m.confirmedAt, m.updatedAt) AS date
                FROM (SELECT rowid, name, body, place FROM merchantSearch WHERE merchantSearch MATCH ?
                      ORDER BY rowid LIMIT ?) s
                JOIN merchant m ON m.id = -s.rowid
                WHERE m.hiddenAt IS NULL
                """, [match, filter.candidates]
            )
        case .postgres:
            return (
                """
                SELECT e.id, e.title, substr(e.body, 1, 400) AS body, e.place,
                  coalesce(m.confirmedAt, m.updatedAt) AS date
                FROM searchEntry e JOIN merchant m ON m.id = e.id
                WHERE e.kind = 'merchant' AND m.hiddenAt IS NULL AND \(vector(strong)) @@ to_tsquery('simple', ?) \(facetCondition)
                ORDER BY e.id DESC LIMIT ?
                """, [query(prefix: prefix)] + facetArguments + [filter.candidates]
            )
        }
    }

    /// Published, current posts whose title (`strong`) or any text matches, newest first.
    func posts(strong: Bool, prefix: Bool, now: Date) -> (String, [any SQLBindable]) {
        switch engine {
        case .sqlite:
            let match = SearchTerms.match(
                filter, columns: strong ? ["title"] : ["title", "body", "place"], prefix: prefix)
            return (
                """
                SELECT -s.rowid AS id, s.title, substr(s.body, 1, 400) AS body, s.place, p.publishedAt AS date
                FROM (SELECT rowid, title, body, place FROM postSearch WHERE postSearch MATCH ?
                      ORDER BY rowid LIMIT ?) s
                JOIN post p ON p.id = -s.rowid
                WHERE p.status = 'published' AND (p.validUntil IS NULL OR p.validUntil > ?)
                """, [match, filter.candidates, now]
            )
        case .postgres:
            return (
                """
                SELECT e.id, e.title, substr(e.body, 1, 400) AS body, e.place, p.publishedAt AS date
                FROM searchEntry e JOIN post p ON p.id = e.id
                WHERE e.kind = 'post' AND \(vector(strong)) @@ to_tsquery('simple', ?) \(facetCondition)
                  AND p.status = 'published' AND (p.validUntil IS NULL OR p.validUntil > ?)
                ORDER BY e.id DESC LIMIT ?
                """, [query(prefix: prefix)] + facetArguments + [now, filter.candidates]
            )
        }
    }

    /// Listed products of merchants that are not hidden whose name (`strong`), or any of their text, their merchant's
    /// name and commune, holds every word as a word or a word's beginning, newest first. Products have no full-text
    /// index: their text is folded as it is read (`folded`, the same folding as the indexes') and matched on word
    /// beginnings; ranking then weighs whole words and beginnings as it does for the rest.
    func products(strong: Bool, _ db: any SQLTransaction) -> (String, [any SQLBindable]) {
        let commune = "coalesce(\(db.jsonText("m.profile", "commune")), '')"
        let text =
            strong
            ? "p.name" : "p.name || ' ' || p.category || ' ' || p.description || ' ' || m.name || ' ' || \(commune)"
        let haystack = "' ' || \(db.folded(text)) || ' '"
        var conditions = words.map { _ in "\(haystack) LIKE ?" }
        var arguments: [any SQLBindable] = words.map { "% \($0.lowercased())%" }
        if let zone = filter.zoneID {
            conditions.append("p.merchantId IN (SELECT merchantId FROM merchantZone WHERE zoneId = ?)")
            arguments.append(zone)
        }
        if let key = filter.communeKey {
            conditions.append("m.communeKey = ?")
            arguments.append(key)
        }
        if let category = filter.category {
            conditions.append("p.merchantId IN (SELECT merchantId FROM merchantCategory WHERE category = ?)")
            arguments.append(category.rawValue)
        }
        return (
            """
            SELECT p.id, p.name AS title, substr(p.description, 1, 400) || ' ' || p.category AS body,
              m.name || ' ' || \(commune) AS place, p.createdAt AS date
            FROM product p JOIN merchant m ON m.id = p.merchantId
            WHERE p.removedAt IS NULL AND m.hiddenAt IS NULL AND \(conditions.joined(separator: " AND "))
            ORDER BY p.id DESC LIMIT ?
            """, arguments + [filter.candidates]
        )
    }

    private func vector(_ strong: Bool) -> String { strong ? "e.strongWords" : "e.allWords" }

    private func query(prefix: Bool) -> String {
        words.map { prefix ? "\($0):*" : $0 }.joined(separator: " & ")
    }

    private var facetCondition: String { facets.isEmpty ? "" : "AND e.facetWords @@ to_tsquery('simple', ?)" }

    private var facetArguments: [any SQLBindable] { facets.isEmpty ? [] : [facets] }
}

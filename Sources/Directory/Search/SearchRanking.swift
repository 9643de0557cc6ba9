import Community
import Foundation

/// Orders search candidates by relevance, then freshness: pure, so it is tested without a database.
///
/// FTS5's bm25() counts every row holding each term before it scores one, which at a million posts costs about a
/// second for a common word; ranking here only the few hundred newest matches keeps a search in milliseconds.
package enum SearchRanking {
    /// How much a term found in each field weighs.
    static let titleWeight = 5.0
    static let placeWeight = 2.0
    static let bodyWeight = 1.0
    /// A term that only begins a word counts for this much of a whole word.
    static let prefixFactor = 0.6

    /// The candidates best first; equal relevance goes to the most recent.
    /// Candidates missing a term (found through a shortened prefix) are left out.
    package static func rank(_ candidates: [SearchCandidate], terms: [String]) -> [SearchCandidate] {
        let scored = candidates.compactMap { candidate -> (SearchCandidate, Double)? in
            let fields = [candidate.title, candidate.place, candidate.body].map(words)
            guard terms.allSatisfy({ term in fields.contains { match(term, in: $0) > 0 } }) else { return nil }
            return (candidate, score(fields, terms: terms))
        }
        return scored.sorted { left, right in
            if left.1 != right.1 { return left.1 > right.1 }
            if left.0.date != right.0.date { return left.0.date > right.0.date }
            return order(left.0.ref) > order(right.0.ref)
        }.map(\.0)
    }

    /// The sum over terms of the best field each term appears in, whole words over word beginnings.
    package static func score(_ candidate: SearchCandidate, terms: [String]) -> Double {
        score([candidate.title, candidate.place, candidate.body].map(words), terms: terms)
    }

    /// The score from the words of the title, the place and the body.
    private static func score(_ fields: [[Substring]], terms: [String]) -> Double {
        let weighted = zip(fields, [titleWeight, placeWeight, bodyWeight])
        let total = terms.reduce(0.0) { total, term in
            total + weighted.map { words, weight in weight * match(term, in: words) }.max()!
        }
        // Rounded so that scores equal to the eye are equal, and freshness decides between them.
        return (total * 100).rounded() / 100
    }

    /// 1 for a whole word, `prefixFactor` for a word beginning, a little more for each repeat (at most three).
    static func match(_ term: String, in words: [Substring]) -> Double {
        let exact = words.count { $0 == term }
        let prefix = words.count { $0.hasPrefix(term) } - exact
        let best = exact > 0 ? 1.0 : (prefix > 0 ? prefixFactor : 0)
        let repeats = min(exact + prefix, 4) - 1
        return best == 0 ? 0 : best * (1 + 0.1 * Double(repeats))
    }

    private static func words(_ text: String) -> [Substring] { SearchWords.split(Substring(text)) }

    /// Posts after merchants of the same date, newer ids first: a stable order for exact ties.
    private static func order(_ ref: SearchRef) -> Int64 {
        switch ref {
        case .merchant(let id): id.rawValue
        case .post(let id): id.rawValue
        case .product(let id): id.rawValue
        }
    }
}

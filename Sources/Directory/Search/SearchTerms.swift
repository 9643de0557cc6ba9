import Storage

/// Turns what a resident typed into search terms and into FTS5 match expressions.
package enum SearchTerms {
    /// Words too common in French to narrow a search; dropped unless nothing else is left.
    static let stopWords: Set<String> = [
        "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ou", "pour", "sur", "un",
        "une",
    ]

    /// Folded words (accents and case removed, "œ" as "oe"), stop words left out, at most eight.
    package static func terms(_ text: String) -> [String] {
        let words = text.folded.split(separator: " ").map(String.init)
        let useful = words.filter { !stopWords.contains($0) && $0.count >= 2 }
        var seen: Set<String> = []
        return (useful.isEmpty ? words.filter { $0.count >= 2 } : useful).filter { seen.insert($0).inserted }
            .prefix(8).map { $0 }
    }

    /// Every term as a whole word, or as a prefix ("croissant" also finds "croissants"), in `columns`, with the
    /// filters as tokens of the `facets` column. Terms are folded to letters and digits, so quoting them is enough
    /// to keep FTS5 syntax out.
    /// A prefix longer than the index's (five letters) is cut to five: FTS5 would otherwise gather every entry of
    /// every word it begins before returning one; ranking then drops entries whose words do not begin with the term.
    package static func match(_ filter: SearchFilter, columns: [String], prefix: Bool = true) -> String {
        let words = filter.terms.map { prefix ? "\"\($0.prefix(5))\"*" : "\"\($0)\"" }.joined(separator: " ")
        var parts = ["{\(columns.joined(separator: " "))} : (\(words))"]
        parts += facets(filter).map { "facets : \"\($0)\"" }
        return parts.joined(separator: " AND ")
    }

    /// The filter tokens an entry must carry (see `merchantDocument` and `postDocument` in the schema).
    static func facets(_ filter: SearchFilter) -> [String] {
        var tokens: [String] = []
        if let kind = filter.kind, kind != .merchant, kind != .product { tokens.append("kd\(kind.rawValue)") }
        if let zone = filter.zoneID { tokens.append("zn\(zone.rawValue)") }
        if let category = filter.category { tokens.append("ct\(category.rawValue.filter { $0 != "-" })") }
        if let commune = filter.communeKey { tokens.append("cm\(commune.filter { $0 != " " })") }
        return tokens
    }
}

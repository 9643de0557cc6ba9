import Foundation

extension String {
    /// Lower-cased, accents removed, apostrophes and dashes as spaces, spaces collapsed: "Évry-Courcouronnes" and
    /// "evry courcouronnes" fold to the same key, so residents find places however they type them.
    package var folded: String {
        let stripped = folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr"))
            .replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae")
        let spaced = stripped.map { $0.isLetter || $0.isNumber ? $0 : " " }
        return String(spaced).split(separator: " ").joined(separator: " ")
    }

    /// A URL slug made of a-z, 0-9 and single hyphens.
    package var slugified: String {
        folded.split(separator: " ").joined(separator: "-").filter { $0.isASCII }
    }
}

extension Sequence {
    /// In French alphabetical order of `name`: by the folded name ("Île-de-France" among the I's, not after "Z" as
    /// the bytes of "Î" would put it), then as written; elements named alike keep their order.
    package func sortedByName(_ name: (Element) -> String) -> [Element] {
        map { (element: $0, folded: name($0).folded, name: name($0)) }
            .sorted { ($0.folded, $0.name) < ($1.folded, $1.name) }
            .map(\.element)
    }
}

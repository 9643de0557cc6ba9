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

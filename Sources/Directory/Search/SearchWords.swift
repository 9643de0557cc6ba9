import Storage

/// Splits text into folded words quickly: ranking folds a few hundred candidates per search, and Foundation's
/// folding costs far more than this table for the Latin letters French uses (other letters still go through it).
package enum SearchWords {
    /// The words of `text`, lower-cased, accents removed, "œ" as "oe": the same words as `String.folded` gives.
    package static func split(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        var word = ""
        func close() {
            if !word.isEmpty { words.append(Substring(word)) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                    word.unicodeScalars.append(scalar)
                } else if (0x41...0x5A).contains(value) {
                    word.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    close()
                }
            } else if let folded = latin[scalar] {
                word += folded
            } else if (0x300...0x36F).contains(value) {
                continue  // a combining accent of decomposed text
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word += String(scalar).folded.filter { $0 != " " }
            } else {
                close()
            }
        }
        close()
        return words
    }

    private static let latin: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"), ("œŒ", "oe"), ("æÆ", "ae"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, folded) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = folded }
        }
        return table
    }()
}

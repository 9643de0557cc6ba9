import Community

/// What a price is for: "12,50 € le kg", "3 € la pièce".
package enum ProductUnit: String, CaseIterable, Sendable {
    case piece
    case kilogram
    case hundredGrams = "hundred-grams"
    case litre, bottle, dozen, portion, jar, bunch, box

    /// As it follows a price in French: "le kg".
    package var french: String {
        switch self {
        case .piece: "la pièce"
        case .kilogram: "le kg"
        case .hundredGrams: "les 100 g"
        case .litre: "le litre"
        case .bottle: "la bouteille"
        case .dozen: "la douzaine"
        case .portion: "la part"
        case .jar: "le pot"
        case .bunch: "la botte"
        case .box: "la boîte"
        }
    }

    /// As it follows a price in English: "per kg".
    package var english: String {
        switch self {
        case .piece: "each"
        case .kilogram: "per kg"
        case .hundredGrams: "per 100 g"
        case .litre: "per litre"
        case .bottle: "per bottle"
        case .dozen: "per dozen"
        case .portion: "per portion"
        case .jar: "per jar"
        case .bunch: "per bunch"
        case .box: "per box"
        }
    }

    /// The French word alone, as a spreadsheet column holds it ("kg", "pièce").
    package var word: String {
        String(french.split(separator: " ", maxSplits: 1).last ?? "")
    }

    /// UN/CEFACT common code, as schema.org's `unitCode` expects.
    package var unitCode: String {
        switch self {
        case .kilogram: "KGM"
        case .hundredGrams: "HGM"
        case .litre: "LTR"
        case .dozen: "DZN"
        case .piece, .bottle, .portion, .jar, .bunch, .box: "H87"
        }
    }

    /// The unit `text` names: its code, its French words with or without article, or a usual short form.
    package static func parse(_ text: String) throws(CommunityError) -> ProductUnit {
        let folded = text.folded
        let aliases: [String: ProductUnit] = [
            "kilo": .kilogram, "kilogramme": .kilogram, "unite": .piece, "l": .litre, "100g": .hundredGrams,
            "100 g": .hundredGrams, "each": .piece, "kg": .kilogram,
        ]
        if let unit = aliases[folded] { return unit }
        if let unit = allCases.first(where: {
            $0.rawValue.folded == folded || $0.french.folded == folded || $0.word.folded == folded
                || $0.english.folded == folded
        }) {
            return unit
        }
        let allowed = allCases.map(\.word).joined(separator: ", ")
        throw CatalogueField.unit.invalid("unknown unit '\(text.prefix(40))' (one of: \(allowed))")
    }
}

import Foundation

/// Counts and months as people write them: "1 emplacement", "3 emplacements", "aucune place libre",
/// "décembre 2026".
enum Wording {
    /// `count` with its noun in the right number. French takes the singular for 0 and 1, English for 1 only;
    /// `none`, when given, replaces the count of zero ("aucune place libre", "no free places").
    static func count(
        _ count: Int, _ t: Language, fr: (one: String, many: String), en: (one: String, many: String),
        none: (fr: String, en: String)? = nil
    ) -> String {
        if count == 0, let none { return t(none.fr, none.en) }
        let singular = t == .fr ? count <= 1 : count == 1
        let noun = t == .fr ? (singular ? fr.one : fr.many) : (singular ? en.one : en.many)
        return "\(count) \(noun)"
    }

    static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
    ]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "décembre 2026" or "December 2026" for `2026-12`; a text that is not a month stays as written.
    static func month(_ text: String, _ t: Language) -> String {
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let number = Int(parts[1]),
            (1...12).contains(number)
        else { return text }
        return t("\(frenchMonths[number - 1]) \(year)", "\(englishMonths[number - 1]) \(year)")
    }
}

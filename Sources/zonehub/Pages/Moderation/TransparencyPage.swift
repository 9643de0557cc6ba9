import Community
import Foundation
import Moderation

/// Public: what moderation did in a zone, month by month, and why each post was refused or removed.
struct TransparencyPage {
    let zone: Zone
    let months: [TransparencyMonth]
    let statements: [StatementOfReasons]

    func title(_ t: Language) -> String { t("Transparence", "Transparency") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let items: [HTML] = months.map { month in
            """
            <li><h3>\(Self.capitalized(Wording.month(month.month, t)))</h3><ul>\
            <li>\(Wording.count(month.published, t, fr: ("publication publiée", "publications publiées"),
                en: ("post published", "posts published"), none: ("Aucune publication publiée", "No post published")))</li>\
            <li>\(Wording.count(month.held, t, fr: ("mise en attente de relecture", "mises en attente de relecture"),
                en: ("held for review", "held for review"), none: ("Aucune mise en attente", "None held for review")))</li>\
            <li>\(t("Refusées", "Rejected")) : \(Self.reasons(month.rejected, t))</li>\
            <li>\(t("Retirées", "Removed")) : \(Self.reasons(month.removed, t))</li></ul></li>
            """
        }
        let statementItems: [HTML] = statements.map { statement in
            let rules: String =
                statement.rules.isEmpty
                ? "" : " " + t("(retenue par : ", "(held because: ") + HoldReasonLabels.list(statement.rules, t) + ")"
            return """
                <li>\(Formats.date(statement.at, t)) — \(t("publication n°", "post no.")) \(statement.postID.rawValue) \
                — \(ModerationViews.action(statement.action, t)), \(t("motif :", "reason:")) \
                \(ModerationViews.reason(statement.reason, t))\(rules)</li>
                """
        }
        return """
            <h1>\(t("Transparence de la modération", "Moderation transparency")) — \(zone.name)</h1>
            <p>\(t("Ce que la modération a décidé chaque mois, et pourquoi chaque publication a été refusée ou retirée.",
                "What moderation decided each month, and why each post was refused or removed."))</p>
            <h2>\(t("Mois par mois", "Month by month"))</h2>
            \(items.isEmpty ? "<p class=\"empty\">\(t("Aucune décision pour l'instant.", "No decision yet."))</p>" as HTML
                : "<ul class=\"transparency\">\(items)</ul>")
            <h2>\(t("Exposé des motifs", "Statements of reasons"))</h2>
            \(statementItems.isEmpty
                ? "<p class=\"empty\">\(t("Aucune publication refusée ou retirée.", "No post rejected or removed."))</p>" as HTML
                : "<ul class=\"statements\">\(statementItems)</ul>")
            """
    }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// "Doublon : 1, Hors sujet : 2", or "aucune".
    static func reasons(_ counts: [ReasonCode: Int], _ t: Language) -> String {
        guard !counts.isEmpty else { return t("aucune", "none") }
        return ReasonCode.allCases.compactMap { code in
            counts[code].map { "\(ModerationViews.reason(code, t)) : \($0)" }
        }.joined(separator: ", ")
    }
}

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
        func reasons(_ counts: [ReasonCode: Int]) -> String {
            counts.isEmpty
                ? "0"
                : counts.sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\(ModerationViews.reason($0.key, t)) : \($0.value)" }.joined(separator: ", ")
        }
        let rows: [HTML] = months.map {
            "<tr><td>\($0.month)</td><td>\($0.published)</td><td>\($0.held)</td><td>\(reasons($0.rejected))</td><td>\(reasons($0.removed))</td></tr>"
        }
        let items: [HTML] = statements.map {
            """
            <li>\(Formats.date($0.at, t)) — \(ModerationViews.action($0.action, t)) — \(ModerationViews.reason($0.reason, t))\
            \($0.rules.isEmpty ? "" : " (" + $0.rules.joined(separator: ", ") + ")") — \(t("publication", "post")) n° \($0.postID.rawValue)</li>
            """
        }
        return """
            <h1>\(t("Transparence de la modération", "Moderation transparency")) — \(zone.name)</h1>
            <p>\(t("Ce que la modération a décidé chaque mois, et pourquoi chaque publication a été refusée ou retirée.",
                "What moderation decided each month, and why each post was refused or removed."))</p>
            <table class="transparency"><thead><tr><th>\(t("Mois", "Month"))</th><th>\(t("Publiées", "Published"))</th>\
            <th>\(t("Mises en attente", "Held"))</th><th>\(t("Refusées", "Rejected"))</th><th>\(t("Retirées", "Removed"))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>\(t("Exposé des motifs", "Statements of reasons"))</h2>
            <ul class="statements">\(items)</ul>
            """
    }
}

import Community
import Directory
import Foundation

/// What both market pages show: a market's last day, its phase, and a refused form's problem.
enum MarketViews {
    /// The last day a market (or its applications) covers: its end is the following midnight.
    static func lastDay(_ end: Date, _ t: Language) -> String { Formats.date(end.addingTimeInterval(-1), t) }

    static func phase(_ market: Market, at now: Date, _ t: Language) -> String {
        let draft = market.draft
        return switch market.phase(at: now) {
        case .announced:
            t("Inscriptions à partir du", "Applications open on") + " " + Formats.date(draft.applicationsOpenAt, t)
        case .applicationsOpen:
            t("Inscriptions ouvertes jusqu'au", "Applications open until") + " "
                + lastDay(draft.applicationsCloseAt, t)
        case .preparing: t("Le marché ouvre le", "The market opens on") + " " + Formats.date(draft.startsAt, t)
        case .running: t("Marché ouvert jusqu'au", "Market open until") + " " + lastDay(draft.endsAt, t)
        case .ended: t("Ce marché est terminé.", "This market has ended.")
        }
    }
}

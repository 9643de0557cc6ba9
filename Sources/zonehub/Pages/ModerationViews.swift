import Community
import Foundation
import Moderation

/// Pieces of the moderation pages.
enum ModerationViews {
    static func reason(_ code: ReasonCode, _ t: Language) -> String {
        switch code {
        case .offTopic: t("Hors sujet", "Off topic")
        case .notLocal: t("Pas local", "Not local")
        case .duplicate: t("Doublon", "Duplicate")
        case .misleading: t("Trompeur", "Misleading")
        case .prohibitedContent: t("Contenu interdit", "Prohibited content")
        case .other: t("Autre", "Other")
        }
    }

    static func reportReason(_ reason: ReportReason, _ t: Language) -> String {
        switch reason {
        case .illegal: t("Contenu illégal", "Illegal content")
        case .scam: t("Arnaque", "Scam")
        case .misleading: t("Trompeur", "Misleading")
        case .offensive: t("Choquant ou haineux", "Offensive or hateful")
        case .spam: t("Publicité abusive", "Spam")
        case .other: t("Autre", "Other")
        }
    }

    static func action(_ action: DecisionAction, _ t: Language) -> String {
        switch action {
        case .approve: t("Approuvée", "Approved")
        case .reject: t("Refusée", "Rejected")
        case .requestChanges: t("Modifications demandées", "Changes requested")
        case .remove: t("Retirée", "Removed")
        }
    }

    static func reasonOptions(_ t: Language) -> HTML {
        ReasonCode.allCases.map { "<option value=\"\($0.rawValue)\">\(reason($0, t))</option>" as HTML }.joined()
    }

    static func waiting(_ interval: TimeInterval, _ t: Language) -> String {
        let hours = Int(interval / 3600)
        return hours < 1
            ? t("moins d'une heure", "under an hour")
            : hours < 48 ? "\(hours) h" : Wording.count(hours / 24, t, fr: ("jour", "jours"), en: ("day", "days"))
    }
}

import Community
import Foundation

/// What moderation records in the audit log, with its French and English text.
package enum ModerationAuditAction: AuditAction, Equatable {
    /// An admin's decision on a post (`moderation.approve`, …).
    case decision(DecisionAction)
    case report
    case hiddenByReports
    case rulesUpdate
    /// An admin's trust choice about a merchant; nil goes back to the streak.
    case trust(TrustSetting?)

    package static let all: [Self] =
        DecisionAction.allCases.map(Self.decision) + [.report, .hiddenByReports, .rulesUpdate]
        + [.trust(.granted), .trust(.revoked), .trust(nil)]

    package var name: String {
        switch self {
        case .decision(let action): "moderation.\(action.rawValue)"
        case .report: "post.report"
        case .hiddenByReports: "post.hidden_by_reports"
        case .rulesUpdate: "rules.update"
        case .trust(let setting): "trust.\(setting?.rawValue ?? "reset")"
        }
    }

    package var french: String {
        switch self {
        case .decision(.approve): "Publication approuvée"
        case .decision(.reject): "Publication refusée"
        case .decision(.requestChanges): "Corrections demandées"
        case .decision(.remove): "Publication retirée par la modération"
        case .report: "Publication signalée"
        case .hiddenByReports: "Publication masquée après des signalements"
        case .rulesUpdate: "Règles de la zone modifiées"
        case .trust(.granted): "Confiance accordée au commerce"
        case .trust(.revoked): "Confiance retirée au commerce"
        case .trust(nil): "Confiance rendue à l'historique"
        }
    }

    package var english: String {
        switch self {
        case .decision(.approve): "Post approved"
        case .decision(.reject): "Post rejected"
        case .decision(.requestChanges): "Changes requested"
        case .decision(.remove): "Post removed by moderation"
        case .report: "Post reported"
        case .hiddenByReports: "Post hidden after reports"
        case .rulesUpdate: "Zone rules edited"
        case .trust(.granted): "Merchant trusted"
        case .trust(.revoked): "Merchant's trust revoked"
        case .trust(nil): "Merchant's trust back to its record"
        }
    }
}

import Community
import Foundation

/// What the directory and the markets record in the audit log, with its French and English text.
package enum DirectoryAuditAction: String, AuditAction, CaseIterable {
    case merchantConfirm = "merchant.confirm"
    case marketCreate = "market.create"
    case marketApply = "market.apply"
    case marketApprove = "market.approve"
    case marketReject = "market.reject"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .merchantConfirm: "Fiche du commerce confirmée à jour"
        case .marketCreate: "Marché créé"
        case .marketApply: "Candidature à un marché"
        case .marketApprove: "Candidature acceptée"
        case .marketReject: "Candidature refusée"
        }
    }

    package var english: String {
        switch self {
        case .merchantConfirm: "Listing confirmed up to date"
        case .marketCreate: "Market created"
        case .marketApply: "Market application"
        case .marketApprove: "Application accepted"
        case .marketReject: "Application refused"
        }
    }
}

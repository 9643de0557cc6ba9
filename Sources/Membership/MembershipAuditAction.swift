import Community

/// What joining writes to the audit log.
package enum MembershipAuditAction: String, AuditAction, CaseIterable {
    case signUp = "account.sign-up"
    case verify = "account.verify"
    case approve = "account.approve"
    case refuse = "account.refuse"
    case passwordReset = "account.password-reset"
    case emailChange = "account.email"
    case invite = "invitation.send"
    case revokeInvitation = "invitation.revoke"
    case acceptInvitation = "invitation.accept"
    case claimRequest = "listing.claim"
    case claimApprove = "listing.claim-approve"
    case claimRefuse = "listing.claim-refuse"
    case delete = "account.delete"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .signUp: "inscription d'un commerçant"
        case .verify: "adresse e-mail confirmée"
        case .approve: "inscription acceptée"
        case .refuse: "inscription refusée"
        case .passwordReset: "mot de passe réinitialisé par e-mail"
        case .emailChange: "adresse e-mail changée"
        case .invite: "invitation envoyée"
        case .revokeInvitation: "invitation révoquée"
        case .acceptInvitation: "invitation acceptée"
        case .claimRequest: "fiche revendiquée (demande)"
        case .claimApprove: "fiche confiée à son commerce"
        case .claimRefuse: "revendication de fiche refusée"
        case .delete: "compte supprimé par son titulaire"
        }
    }

    package var english: String {
        switch self {
        case .signUp: "merchant signed up"
        case .verify: "email address confirmed"
        case .approve: "sign-up approved"
        case .refuse: "sign-up refused"
        case .passwordReset: "password reset by email"
        case .emailChange: "email address changed"
        case .invite: "invitation sent"
        case .revokeInvitation: "invitation revoked"
        case .acceptInvitation: "invitation accepted"
        case .claimRequest: "listing claimed (request)"
        case .claimApprove: "listing handed to its shop"
        case .claimRefuse: "listing claim refused"
        case .delete: "account deleted by its holder"
        }
    }
}

import Community

/// What joining writes to the audit log.
package enum MembershipAuditAction: String, AuditAction, CaseIterable {
    case signUp = "account.sign-up"
    case verify = "account.verify"
    case approve = "account.approve"
    case refuse = "account.refuse"
    case passwordReset = "account.password-reset"
    case emailChange = "account.email"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .signUp: "inscription d'un commerçant"
        case .verify: "adresse e-mail confirmée"
        case .approve: "inscription acceptée"
        case .refuse: "inscription refusée"
        case .passwordReset: "mot de passe réinitialisé par e-mail"
        case .emailChange: "adresse e-mail changée"
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
        }
    }
}

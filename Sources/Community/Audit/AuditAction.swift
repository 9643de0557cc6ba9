import Foundation

/// What an audit entry records. Each target names its own actions in an enum, with their French and English text
/// beside them; the stored name (`post.submit`) is part of the log and never changes once written.
package protocol AuditAction: Sendable {
    /// The name stored in the log, e.g. `post.submit`.
    var name: String { get }
    /// What the entry says to a person reading the log.
    var french: String { get }
    var english: String { get }
}

/// The actions on what Community owns: zones, accounts, merchants' profiles and posts.
package enum CommunityAuditAction: String, AuditAction, CaseIterable {
    case zoneAdd = "zone.add"
    case zoneUpdate = "zone.update"
    case zoneRestore = "zone.restore"
    case zoneRetire = "zone.retire"
    case userCreate = "user.create"
    case userPassword = "user.password"
    case roleGrant = "role.grant"
    case roleRevoke = "role.revoke"
    case userDisable = "user.disable"
    case userEnable = "user.enable"
    case merchantCreate = "merchant.create"
    case merchantUpdate = "merchant.update"
    case postCreate = "post.create"
    case postEdit = "post.edit"
    case postSubmit = "post.submit"
    case postWithdraw = "post.withdraw"
    case postPublishScheduled = "post.publish_scheduled"
    case postExpire = "post.expire"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .zoneAdd: "Zone ajoutée"
        case .zoneUpdate: "Zone mise à jour"
        case .zoneRestore: "Zone rétablie"
        case .zoneRetire: "Zone retirée"
        case .userCreate: "Compte créé"
        case .userPassword: "Mot de passe changé"
        case .roleGrant: "Rôle donné"
        case .roleRevoke: "Rôle retiré"
        case .userDisable: "Compte désactivé"
        case .userEnable: "Compte réactivé"
        case .merchantCreate: "Commerce créé"
        case .merchantUpdate: "Fiche du commerce modifiée"
        case .postCreate: "Publication créée"
        case .postEdit: "Publication modifiée"
        case .postSubmit: "Publication soumise"
        case .postWithdraw: "Publication retirée par son auteur"
        case .postPublishScheduled: "Publication programmée mise en ligne"
        case .postExpire: "Publication arrivée à échéance"
        }
    }

    package var english: String {
        switch self {
        case .zoneAdd: "Zone added"
        case .zoneUpdate: "Zone updated"
        case .zoneRestore: "Zone restored"
        case .zoneRetire: "Zone retired"
        case .userCreate: "Account created"
        case .userPassword: "Password changed"
        case .roleGrant: "Role granted"
        case .roleRevoke: "Role revoked"
        case .userDisable: "Account disabled"
        case .userEnable: "Account enabled again"
        case .merchantCreate: "Merchant created"
        case .merchantUpdate: "Merchant profile edited"
        case .postCreate: "Post created"
        case .postEdit: "Post edited"
        case .postSubmit: "Post submitted"
        case .postWithdraw: "Post withdrawn by its author"
        case .postPublishScheduled: "Scheduled post published"
        case .postExpire: "Post expired"
        }
    }
}

import Community
import Foundation

/// The role an invitation offers, in one zone: what the invited person can do once they accept.
package enum InvitedRole: String, Sendable, CaseIterable, Equatable {
    /// Administers the zone (`user.role = 'zone-admin'` with the zone in `userZone`).
    case zoneAdmin = "zone-admin"
    /// Runs the zone's pop-up venues (a `popUpOrganiser` grant, on any account).
    case organiser
    /// Runs a shop of the zone, whose profile is created when the invitation is accepted.
    case merchant

    package var french: String {
        switch self {
        case .zoneAdmin: "administrateur de zone"
        case .organiser: "organisateur de pop-ups"
        case .merchant: "commerçant"
        }
    }

    package var english: String {
        switch self {
        case .zoneAdmin: "zone admin"
        case .organiser: "pop-up organiser"
        case .merchant: "merchant"
        }
    }

    /// The roles `actor` may invite people to in `zone`: operators invite zone admins and organisers; a zone's
    /// admins invite organisers and merchants of that zone; nobody else invites.
    package static func allowed(for actor: User, in zone: Zone.ID) -> [InvitedRole] {
        switch actor.role {
        case .hubOperator: [.zoneAdmin, .organiser]
        case .zoneAdmin where actor.zoneIDs.contains(zone): [.organiser, .merchant]
        default: []
        }
    }
}

/// Where an invitation is in its life, as its inviter's page shows it.
package enum InvitationState: String, Sendable, CaseIterable, Equatable {
    case pending, accepted, revoked, expired

    package var french: String {
        switch self {
        case .pending: "en attente"
        case .accepted: "acceptée"
        case .revoked: "révoquée"
        case .expired: "expirée"
        }
    }

    package var english: String {
        switch self {
        case .pending: "pending"
        case .accepted: "accepted"
        case .revoked: "revoked"
        case .expired: "expired"
        }
    }
}

/// An invitation as stored: to whom, for which role in which zone, from whom, and what became of it. Its link's
/// token is stored only as a digest.
package struct Invitation: Sendable, Equatable, Identifiable {
    package typealias ID = Identifier<Invitation>

    package let id: ID
    /// Lower-cased.
    package let email: String
    package let role: InvitedRole
    package let zoneID: Zone.ID
    package let invitedBy: User.ID
    package let createdAt: Date
    package let expiresAt: Date
    package let acceptedAt: Date?
    package let acceptedBy: User.ID?
    package let revokedAt: Date?
    package let revokedBy: User.ID?

    package init(
        id: ID, email: String, role: InvitedRole, zoneID: Zone.ID, invitedBy: User.ID, createdAt: Date,
        expiresAt: Date, acceptedAt: Date? = nil, acceptedBy: User.ID? = nil, revokedAt: Date? = nil,
        revokedBy: User.ID? = nil
    ) {
        self.id = id
        self.email = email
        self.role = role
        self.zoneID = zoneID
        self.invitedBy = invitedBy
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.acceptedAt = acceptedAt
        self.acceptedBy = acceptedBy
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    /// Its state at `now`: accepted and revoked stay so; a pending one expires.
    package func state(at now: Date) -> InvitationState {
        if acceptedAt != nil { return .accepted }
        if revokedAt != nil { return .revoked }
        return expiresAt > now ? .pending : .expired
    }
}

/// What the invited person types to accept: a password for a new account, and for a merchant the shop.
package struct InvitationAnswer: Sendable, Equatable {
    package var password: String
    /// The shop, for a merchant's invitation; ignored for the other roles.
    package var shopName: String
    package var category: String
    package var commune: String
    package var postcode: String

    package init(
        password: String, shopName: String = "", category: String = "", commune: String = "", postcode: String = ""
    ) {
        self.password = password
        self.shopName = shopName
        self.category = category
        self.commune = commune
        self.postcode = postcode
    }
}

/// A live invitation as its link shows it: the zone, the role, and whether the address already has an account
/// (then the person signs in and the role is added to it).
package struct InvitationPreview: Sendable, Equatable {
    package let invitation: Invitation
    package let zone: Zone
    package let existingAccount: Bool

    package init(invitation: Invitation, zone: Zone, existingAccount: Bool) {
        self.invitation = invitation
        self.zone = zone
        self.existingAccount = existingAccount
    }
}

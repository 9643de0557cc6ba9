import Community
import Foundation

extension InvitationService {
    /// The live invitation a link opens, with its zone and whether its address already has an account; fails with
    /// `invitation_invalid` when it was accepted, revoked, replaced or expired, or the link was altered.
    package func preview(token: String) async throws -> InvitationPreview {
        guard !token.isEmpty, token.count <= 200,
            let invitation = try await invitations.invitation(digest: hasher.digest(token: token)),
            invitation.state(at: clock.now()) == .pending,
            let zone = try await zones.zone(id: invitation.zoneID)
        else { throw MembershipProblem.invitationInvalid.error("this invitation is no longer valid") }
        let existing = try await accounts.credentials(email: invitation.email) != nil
        return InvitationPreview(invitation: invitation, zone: zone, existingAccount: existing)
    }

    /// Accepts with a new account: the password (and, for a merchant, the shop) in `answer`. The account is active
    /// at once, with the invited role in the zone; a merchant's shop profile is created there, with no approval
    /// since an admin of the zone invited them. Fails with `email_taken` when the address has an account meanwhile.
    package func accept(token: String, answer: InvitationAnswer) async throws -> User {
        let preview = try await preview(token: token)
        let invitation = preview.invitation
        guard !preview.existingAccount else {
            throw CommunityProblem.emailTaken.error("an account already uses this email address; sign in to accept")
        }
        try AccountService.checkPassword(answer.password, field: MembershipField.password)
        let merchant =
            invitation.role == .merchant
            ? try await newMerchant(answer, email: invitation.email, zone: preview.zone) : nil
        let role: Role =
            switch invitation.role {
            case .zoneAdmin: .zoneAdmin
            case .organiser: .resident
            case .merchant: .merchant
            }
        let account = NewAccount(
            email: invitation.email,
            displayName: merchant?.profile.name ?? String(invitation.email.prefix { $0 != "@" }), role: role,
            zoneIDs: [], passwordHash: await hasher.hashPassword(answer.password))
        return try await invitations.acceptWithNewAccount(
            hasher.digest(token: token), account: account, merchant: merchant, now: clock.now())
    }

    /// Accepts for the signed-in `user`, whose address is the invited one: the role is added to that account
    /// instead of a second account. A merchant's account cannot also administer a zone, nor an admin's hold a shop.
    package func accept(token: String, shop answer: InvitationAnswer, as user: User) async throws -> User {
        let preview = try await preview(token: token)
        let invitation = preview.invitation
        guard user.email.lowercased() == invitation.email else {
            throw MembershipProblem.invitationOtherAccount.error("this invitation is for another address")
        }
        let role: Role
        switch (invitation.role, user.role) {
        case (.zoneAdmin, .resident), (.zoneAdmin, .zoneAdmin): role = .zoneAdmin
        case (.organiser, _): role = user.role
        case (.merchant, .resident), (.merchant, .merchant): role = .merchant
        default:
            throw MembershipProblem.invitationRoleConflict.error(
                "a \(user.role.rawValue) account cannot become a \(invitation.role.english)")
        }
        let merchant =
            invitation.role == .merchant ? try await newMerchant(answer, email: user.email, zone: preview.zone) : nil
        return try await invitations.acceptWithAccount(
            hasher.digest(token: token), user: user.id, role: role, merchant: merchant, now: clock.now())
    }

    /// The shop an invited merchant typed, checked against the invitation's zone, with a free slug.
    private func newMerchant(_ answer: InvitationAnswer, email: String, zone: Zone) async throws -> NewMerchant {
        let name = answer.shopName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80, !name.contains(where: \.isNewline) else {
            throw MembershipField.shopName.invalid("1 to 80 characters on one line")
        }
        guard let category = Category(rawValue: answer.category) else {
            throw MembershipField.category.invalid("'\(answer.category.prefix(40))' is not a category")
        }
        guard !zone.isRetired, zone.definition.contains(commune: answer.commune, postcode: answer.postcode) else {
            throw MembershipField.commune.invalid("choose the shop's commune from the list")
        }
        let (profile, zoneIDs) = try await merchants.validated(
            MerchantProfile(
                name: name, categories: [category], commune: answer.commune, postcode: answer.postcode, email: email,
                zones: [zone.slug]))
        return NewMerchant(slug: try await merchants.freeSlug(for: profile), profile: profile, zoneIDs: zoneIDs)
    }
}

import Community
import Foundation

extension MembershipService {
    /// Signs a resident up and mails the link that confirms the address, answering the same way whether the
    /// address has an account or not, exactly as a merchant's sign-up does.
    package func signUpResident(_ form: ResidentSignUp, client: String) async throws {
        let email = try acceptedAddress(form.email)
        try AccountService.checkPassword(form.password, field: MembershipField.password)
        let name = form.displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 60, !name.contains(where: \.isNewline) else {
            throw MembershipField.displayName.invalid("1 to 60 characters on one line")
        }
        try await throttle("sign-up", email: email, client: client)
        let now = clock.now()
        let token = makeToken()
        if let existing = try await accounts.credentials(email: email)?.user {
            guard existing.status == .unverified else {
                return try await notifier.send(.alreadyRegistered(email: email))
            }
            try await membership.issueToken(
                hasher.digest(token: token), purpose: .verify, user: existing.id, expiresAt: now + Self.verifyLifetime,
                at: now)
            if let shop = try await membership.signUp(user: existing.id)?.shop {
                return try await notifier.send(.confirmAddress(email: email, token: token, shopName: shop.name))
            }
            return try await notifier.send(.confirmResident(email: email, token: token))
        }
        let account = NewAccount(
            email: email, displayName: name, role: .resident, zoneIDs: [],
            passwordHash: await hasher.hashPassword(form.password))
        do {
            _ = try await membership.createResident(
                account, token: hasher.digest(token: token), expiresAt: now + Self.verifyLifetime, at: now)
        } catch let error as CommunityError where error.code == CommunityProblem.emailTaken.code {
            return  // signed up by another request a moment ago: that one's mail is on its way
        }
        try await notifier.send(.confirmResident(email: email, token: token))
    }

    /// Deletes the account of the person signed in, once they typed their password again. Operators are refused:
    /// the hub must keep one, and another operator takes the role away first. The other features act first (the
    /// shops' coming bookings are cancelled), then the account is emptied in one transaction; a run that failed
    /// half-way is simply done again.
    package func deleteAccount(_ user: User, password: String) async throws -> AccountDeletion {
        guard user.role != .hubOperator else {
            throw MembershipProblem.operatorCannotLeave.error("an operator cannot delete their own account")
        }
        guard let found = try await accounts.credentials(email: user.email),
            await hasher.verify(password, hash: found.passwordHash)
        else { throw CommunityError.badCredentials }
        let shops = try await ownShops(of: user)
        for departure in departures { try await departure.leave(user, shops: shops) }
        let deletion = try await membership.deleteAccount(user.id, at: clock.now())
        await tell(.accountDeleted(email: user.email, deletion: deletion))
        return deletion
    }

    /// The shops a deletion hides: the person's own, shown ones (a listing an admin imported stays, to be claimed).
    package func ownShops(of user: User) async throws -> [Merchant] {
        try await merchants.owned(by: user).filter { $0.hiddenAt == nil && !$0.claimable }
    }
}

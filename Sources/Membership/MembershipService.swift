import Community
import Foundation
import Logging

/// People join on their own: merchants sign up and confirm their address, zone admins approve them where the zone
/// asks for it, and anyone who forgot their password sets a new one from a mailed link.
package struct MembershipService: Sendable {
    /// How long a verification link works.
    package static let verifyLifetime: TimeInterval = 48 * 3600
    /// How long a password reset link works.
    package static let resetLifetime: TimeInterval = 3600
    /// Requests per hour for one address, and for one client.
    package static let perAddress = 3
    package static let perClient = 10

    let accounts: any AccountStore
    let membership: any MembershipStore
    let merchants: MerchantService
    let zones: any ZoneStore
    let throttles: any ThrottleStore
    let hasher: any SecretHasher
    let notifier: any MembershipNotifier
    let clock: any HubClock
    /// Domains the hub takes no sign-ups from (disposable addresses, say), lower-cased.
    let refusedDomains: Set<String>
    /// Each zone's choice between approval and open sign-ups.
    let signUpPolicies: any SignUpPolicySource
    let makeToken: @Sendable () -> String
    /// What other features do when a person deletes their account, before it is emptied.
    let departures: [any AccountDeparture]
    let logger = Logger(label: "zonehub.membership")

    package init(
        accounts: any AccountStore, membership: any MembershipStore, merchants: MerchantService,
        zones: any ZoneStore, throttles: any ThrottleStore, hasher: any SecretHasher, notifier: any MembershipNotifier,
        clock: any HubClock, refusedDomains: Set<String> = [],
        signUpPolicies: any SignUpPolicySource = ZoneFileSignUpPolicy(), departures: [any AccountDeparture] = [],
        makeToken: @escaping @Sendable () -> String = AccountService.randomToken
    ) {
        self.accounts = accounts
        self.membership = membership
        self.merchants = merchants
        self.zones = zones
        self.throttles = throttles
        self.hasher = hasher
        self.notifier = notifier
        self.clock = clock
        self.refusedDomains = Set(refusedDomains.map { $0.lowercased() })
        self.signUpPolicies = signUpPolicies
        self.makeToken = makeToken
        self.departures = departures
    }

    /// Signs a merchant up and mails the link that confirms the address. The answer is the same whether the
    /// address already has an account or not (that person gets a mail saying so instead), so that the form tells
    /// nobody who is registered. A second sign-up of an unconfirmed address mails a new link; the first stops
    /// working.
    package func signUp(_ form: MerchantSignUp, client: String) async throws {
        let email = try acceptedAddress(form.email)
        try AccountService.checkPassword(form.password, field: MembershipField.password)
        let shop = try await shopRequest(form)
        try await throttle("sign-up", email: email, client: client)
        let now = clock.now()
        if let existing = try await accounts.credentials(email: email)?.user {
            if existing.status == .unverified {
                let token = makeToken()
                try await membership.issueToken(
                    hasher.digest(token: token), purpose: .verify, user: existing.id,
                    expiresAt: now + Self.verifyLifetime, at: now)
                let name = try await membership.signUp(user: existing.id)?.shop.name ?? shop.name
                try await notifier.send(.confirmAddress(email: email, token: token, shopName: name))
            } else {
                try await notifier.send(.alreadyRegistered(email: email))
            }
            return
        }
        let token = makeToken()
        let account = NewAccount(
            email: email, displayName: shop.name, role: .merchant, zoneIDs: [],
            passwordHash: await hasher.hashPassword(form.password))
        do {
            _ = try await membership.createSignUp(
                account, shop: shop, token: hasher.digest(token: token), expiresAt: now + Self.verifyLifetime, at: now)
        } catch let error as CommunityError where error.code == CommunityProblem.emailTaken.code {
            // Signed up by another request a moment ago: that one's mail is on its way.
            return
        }
        try await notifier.send(.confirmAddress(email: email, token: token, shopName: shop.name))
    }

    /// Uses a verification link: in a zone open to sign-ups the account becomes active with its shop's profile;
    /// elsewhere it waits for the zone's admins, who are told.
    package func confirm(token: String) async throws -> User {
        let digest = hasher.digest(token: token)
        let now = clock.now()
        guard token.count <= 200, let userID = try await membership.tokenOwner(digest, purpose: .verify, now: now)
        else { throw MembershipProblem.linkInvalid.error("this link is no longer valid") }
        guard let record = try await membership.signUp(user: userID) else {
            // No shop asked for: a resident's account, active once its address is confirmed.
            return try await membership.confirmResident(digest, user: userID, now: now)
        }
        guard let zone = try await zones.zone(id: record.shop.zoneID) else { throw CommunityNotFound.zone.notFound }
        if try await signUpPolicies.signUpPolicy(for: zone) == .open, !zone.isRetired {
            let merchant = try await newMerchant(record)
            let user = try await membership.confirm(digest, user: userID, merchant: merchant, now: now)
            await tell(.signUpApproved(email: user.email, shopName: record.shop.name, merchantSlug: merchant.slug))
            return user
        }
        let user = try await membership.confirm(digest, user: userID, merchant: nil, now: now)
        let admins = try await accounts.users(role: .zoneAdmin).filter { $0.administers(record.shop.zoneID) }
        if !admins.isEmpty {
            await tell(.signUpWaiting(admins: admins.map(\.email), record: record, zone: zone))
        }
        return user
    }

    /// Mails a link to set a new password, when an active account uses `email`. The answer is the same either way;
    /// the caller answers before this finishes, so that the time taken tells nothing either.
    package func requestPasswordReset(email input: String, client: String) async throws {
        let email = try AccountService.normalizedEmail(input, field: MembershipField.email)
        try await throttle("password-reset", email: email, client: client)
        guard let user = try await accounts.credentials(email: email)?.user, user.status == .active else { return }
        let token = makeToken()
        let now = clock.now()
        try await membership.issueToken(
            hasher.digest(token: token), purpose: .reset, user: user.id, expiresAt: now + Self.resetLifetime, at: now)
        try await notifier.send(.resetPassword(email: user.email, token: token))
    }

    /// How long a link to a new address works.
    package static let emailChangeLifetime: TimeInterval = 24 * 3600

    /// Mails a link to the new address that moves the account there once followed; the old address is told.
    package func requestEmailChange(for user: User, newEmail input: String, password: String, client: String)
        async throws
    {
        let newEmail = try AccountService.normalizedEmail(input, field: MembershipField.email)
        guard let found = try await accounts.credentials(email: user.email),
            await hasher.verify(password, hash: found.passwordHash)
        else { throw CommunityError.badCredentials }
        guard newEmail != user.email.lowercased() else {
            throw MembershipField.email.invalid("this is already the account's address")
        }
        if try await accounts.credentials(email: newEmail) != nil {
            throw CommunityProblem.emailTaken.error("an account already uses this email address")
        }
        try await throttle("email-change", email: user.email, client: client)
        let token = makeToken()
        let now = clock.now()
        try await membership.issueEmailChange(
            hasher.digest(token: token), user: user.id, newEmail: newEmail, expiresAt: now + Self.emailChangeLifetime,
            at: now)
        try await notifier.send(.confirmNewEmail(email: newEmail, token: token))
        await tell(.emailChanging(previous: user.email, newEmail: newEmail))
    }

    /// Uses a link to a new address: the account signs in with it from now on.
    package func confirmEmailChange(token: String) async throws -> User {
        guard token.count <= 200 else { throw MembershipProblem.linkInvalid.error("this link is no longer valid") }
        return try await membership.changeEmail(hasher.digest(token: token), now: clock.now()).user
    }

    /// Whether a reset link is live, to show its form (using it is `resetPassword`).
    package func resetLinkIsLive(_ token: String) async throws -> Bool {
        guard !token.isEmpty, token.count <= 200 else { return false }
        return try await membership.tokenOwner(hasher.digest(token: token), purpose: .reset, now: clock.now()) != nil
    }

    /// Uses a reset link: the new password replaces the old one, and every session ends.
    package func resetPassword(token: String, password: String) async throws -> User {
        try AccountService.checkPassword(password, field: MembershipField.password)
        guard token.count <= 200 else { throw MembershipProblem.linkInvalid.error("this link is no longer valid") }
        return try await membership.resetPassword(
            hasher.digest(token: token), hash: await hasher.hashPassword(password), now: clock.now())
    }

    /// The confirmed sign-ups waiting in `zone`, for one of its admins.
    package func pending(in zone: Zone, for admin: User) async throws -> [SignUpRecord] {
        guard admin.administers(zone.id) else { throw CommunityError.forbidden("you do not administer this zone") }
        return try await membership.pendingSignUps(zones: [zone.id])
    }

    /// Approves a waiting sign-up: the account becomes active and its shop's profile is created.
    package func approve(_ user: User.ID, by admin: User) async throws -> Merchant {
        let record = try await decidable(user, by: admin)
        let merchant = try await membership.approve(
            user: user, merchant: try await newMerchant(record), by: admin.id, at: clock.now())
        await tell(.signUpApproved(email: record.user.email, shopName: record.shop.name, merchantSlug: merchant.slug))
        return merchant
    }

    /// Refuses a waiting sign-up with a reason the person reads.
    package func refuse(_ user: User.ID, reason input: String, by admin: User) async throws {
        let reason = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw MembershipField.reason.invalid("1 to 500 characters") }
        let record = try await decidable(user, by: admin)
        try await membership.refuse(user: user, reason: reason, by: admin.id, at: clock.now())
        await tell(.signUpRefused(email: record.user.email, shopName: record.shop.name, reason: reason))
    }

    private func decidable(_ user: User.ID, by admin: User) async throws -> SignUpRecord {
        guard let record = try await membership.signUp(user: user) else { throw MembershipNotFound.signUp.notFound }
        guard admin.administers(record.shop.zoneID) else {
            throw CommunityError.forbidden("this sign-up is for a zone you do not administer")
        }
        return record
    }

    /// The shop's profile as the sign-up asked for it, checked as any profile is, with a free slug.
    private func newMerchant(_ record: SignUpRecord) async throws -> NewMerchant {
        guard let zone = try await zones.zone(id: record.shop.zoneID) else { throw CommunityNotFound.zone.notFound }
        let (profile, zoneIDs) = try await merchants.validated(
            MerchantProfile(
                name: record.shop.name, categories: [record.shop.category], commune: record.shop.commune,
                postcode: record.shop.postcode, email: record.user.email, zones: [zone.slug]))
        return NewMerchant(slug: try await merchants.freeSlug(for: profile), profile: profile, zoneIDs: zoneIDs)
    }

    /// Checks the shop's fields against its zone.
    private func shopRequest(_ form: MerchantSignUp) async throws -> ShopRequest {
        let name = form.shopName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80, !name.contains(where: \.isNewline) else {
            throw MembershipField.shopName.invalid("1 to 80 characters on one line")
        }
        guard let category = Category(rawValue: form.category) else {
            throw MembershipField.category.invalid("'\(form.category.prefix(40))' is not a category")
        }
        guard let zone = try await zones.zone(slug: form.zoneSlug), !zone.isRetired,
            zone.definition.contains(commune: form.commune, postcode: form.postcode)
        else { throw MembershipField.commune.invalid("choose the shop's commune from the list") }
        return ShopRequest(
            name: name, category: category, zoneID: zone.id, commune: form.commune, postcode: form.postcode)
    }

    /// An address checked for joining: well formed, and not of a domain the hub refuses.
    func acceptedAddress(_ input: String) throws -> String {
        let email = try AccountService.normalizedEmail(input, field: MembershipField.email)
        guard !refusedDomains.contains(String(email.split(separator: "@").last ?? "")) else {
            throw MembershipProblem.emailDomainRefused.error("this hub takes no sign-ups from this domain")
        }
        return email
    }

    /// Counts one request for the address and for the client; refuses past the hourly limits.
    func throttle(_ kind: String, email: String, client: String) async throws {
        try await throttles.limitPerHour(
            [
                ("\(kind).account:\(email.prefix(300))", Self.perAddress),
                ("\(kind).client:\(client.prefix(100))", Self.perClient),
            ],
            at: clock.now(), message: "too many requests; try again within the hour")
    }

    /// Sends a mail whose loss must not undo what was done (the decision stands and shows on the pages).
    func tell(_ notice: MembershipNotice) async {
        do {
            try await notifier.send(notice)
        } catch {
            logger.error("cannot queue a membership mail", metadata: ["error": "\(error)"])
        }
    }
}

import Community
import Foundation
import Logging

/// Shops take over the listings imported or created for them: by a link mailed to the listing's own address, or
/// by a request (with their SIRET) that one of the zone's admins decides. A listing has one owner at a time.
package struct ListingClaimService: Sendable {
    /// How long a claim link works.
    package static let linkLifetime: TimeInterval = 48 * 3600
    /// Claim requests per hour for one account or one listing's address, and for one client.
    package static let perAddress = 3
    package static let perClient = 10
    /// The longest message to the zone's team (the SIRET shares its column).
    package static let maxMessage = 900

    let claims: any ListingClaimStore
    let merchants: any MerchantStore
    let accounts: any AccountStore
    let zones: any ZoneStore
    let throttles: any ThrottleStore
    let hasher: any SecretHasher
    let notifier: any MembershipNotifier
    let clock: any HubClock
    let makeToken: @Sendable () -> String
    let logger = Logger(label: "zonehub.claims")

    package init(
        claims: any ListingClaimStore, merchants: any MerchantStore, accounts: any AccountStore, zones: any ZoneStore,
        throttles: any ThrottleStore, hasher: any SecretHasher, notifier: any MembershipNotifier, clock: any HubClock,
        makeToken: @escaping @Sendable () -> String = AccountService.randomToken
    ) {
        self.claims = claims
        self.merchants = merchants
        self.accounts = accounts
        self.zones = zones
        self.throttles = throttles
        self.hasher = hasher
        self.notifier = notifier
        self.clock = clock
        self.makeToken = makeToken
    }

    /// What the claim page shows `viewer` (nil when signed out) about the listing `slug`.
    package func situation(slug: String, viewer: User?) async throws -> ClaimSituation {
        let merchant = try await shown(slug)
        let open = try await viewer.asyncMap { try await claims.openClaim(merchant: merchant.id, user: $0.id) }
        return ClaimSituation(
            merchant: merchant, openClaim: open ?? nil, maskedEmail: merchant.profile.email.map(Self.masked))
    }

    /// Mails a single-use link to the listing's own address; following it while signed in as `user` hands the
    /// listing over. Returns the address as the page shows it, masked.
    package func requestLink(slug: String, by user: User, client: String) async throws -> String {
        let merchant = try await claimable(slug, by: user)
        guard let email = merchant.profile.email else {
            throw MembershipProblem.listingHasNoEmail.error("this listing has no email address to send a link to")
        }
        try await throttle(user: user, listing: merchant.id, client: client)
        let token = makeToken()
        let now = clock.now()
        _ = try await claims.open(
            merchant: merchant.id, user: user.id, method: .email, digest: hasher.digest(token: token),
            expiresAt: now + Self.linkLifetime, siret: nil, message: nil, at: now)
        try await notifier.send(.claimLink(email: email, token: token, listing: merchant.name, claimant: user.email))
        return Self.masked(email)
    }

    /// Asks the zone's team to hand the listing to `user`, with the shop's SIRET and an optional message; the
    /// zone's admins are told.
    package func requestReview(slug: String, siret input: String, message text: String, by user: User, client: String)
        async throws -> ListingClaim
    {
        let merchant = try await claimable(slug, by: user)
        guard let siret = try MerchantRules.siret(input) else {
            throw MembershipField.siret.invalid("the shop's SIRET is required")
        }
        let message = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard message.count <= Self.maxMessage else {
            throw MembershipField.message.invalid("at most \(Self.maxMessage) characters")
        }
        try await throttle(user: user, listing: nil, client: client)
        let claim = try await claims.open(
            merchant: merchant.id, user: user.id, method: .review, digest: nil, expiresAt: nil, siret: siret,
            message: message.isEmpty ? nil : message, at: clock.now())
        let admins = try await accounts.users(role: .zoneAdmin)
        for zoneID in merchant.zoneIDs {
            let emails = admins.filter { $0.administers(zoneID) && $0.status == .active }.map(\.email)
            guard !emails.isEmpty, let zone = try await zones.zone(id: zoneID) else { continue }
            await tell(.claimWaiting(admins: emails, listing: merchant.name, zone: zone, claim: claim.id))
        }
        return claim
    }

    /// Uses a mailed link while signed in as `user`: the listing becomes theirs at once.
    package func useLink(token: String, by user: User) async throws -> Merchant {
        try Self.requireMerchant(user)
        guard !token.isEmpty, token.count <= 200 else {
            throw MembershipProblem.linkInvalid.error("this link is no longer valid")
        }
        let transfer = try await claims.useLink(hasher.digest(token: token), user: user.id, now: clock.now())
        await tellClosed(transfer)
        return transfer.merchant
    }

    /// The requests waiting in `zone`, for one of its admins.
    package func pending(in zone: Zone, for admin: User) async throws -> [ClaimReview] {
        guard admin.administers(zone.id) else { throw CommunityError.forbidden("you do not administer this zone") }
        return try await claims.pendingReviews(zone: zone.id)
    }

    /// Approves a waiting request: the claimant owns the listing, the other claimants are told it is taken.
    package func approve(_ id: ListingClaim.ID, in zone: Zone, by admin: User) async throws -> Merchant {
        _ = try await decidable(id, in: zone, by: admin)
        let transfer = try await claims.approve(id, by: admin.id, at: clock.now())
        if let claimant = try await accounts.user(id: transfer.claim.userID) {
            await tell(
                .claimApproved(
                    email: claimant.email, listing: transfer.merchant.name, merchantSlug: transfer.merchant.slug))
        }
        await tellClosed(transfer)
        return transfer.merchant
    }

    /// Refuses a waiting request with a reason the claimant reads.
    package func refuse(_ id: ListingClaim.ID, in zone: Zone, reason input: String, by admin: User) async throws {
        let reason = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty, reason.count <= 500 else { throw MembershipField.reason.invalid("1 to 500 characters") }
        let merchant = try await decidable(id, in: zone, by: admin)
        let claim = try await claims.refuse(id, reason: reason, by: admin.id, at: clock.now())
        if let claimant = try await accounts.user(id: claim.userID) {
            await tell(.claimRefused(email: claimant.email, listing: merchant.name, reason: reason))
        }
    }

    /// `c•••@boulangerie.fr`: enough for the shop to know which address, not enough to copy it.
    package static func masked(_ email: String) -> String {
        guard let at = email.lastIndex(of: "@"), at > email.startIndex else { return "•••" }
        return String(email[email.startIndex]) + "•••" + email[at...]
    }

    static func requireMerchant(_ user: User) throws {
        guard user.role == .merchant, user.status == .active else {
            throw MembershipProblem.claimNeedsMerchant.error("only an active merchant account can claim a listing")
        }
    }

    private func shown(_ slug: String) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(slug: slug), merchant.hiddenAt == nil else {
            throw CommunityNotFound.merchant.notFound
        }
        return merchant
    }

    private func claimable(_ slug: String, by user: User) async throws -> Merchant {
        try Self.requireMerchant(user)
        let merchant = try await shown(slug)
        guard merchant.claimable, merchant.ownerID != user.id else {
            throw MembershipProblem.listingNotClaimable.error("this listing already has its owner")
        }
        return merchant
    }

    private func decidable(_ id: ListingClaim.ID, in zone: Zone, by admin: User) async throws -> Merchant {
        guard admin.administers(zone.id) else { throw CommunityError.forbidden("you do not administer this zone") }
        guard let claim = try await claims.claim(id: id), claim.method == .review,
            let merchant = try await merchants.merchant(id: claim.merchantID), merchant.zoneIDs.contains(zone.id)
        else { throw MembershipNotFound.claim.notFound }
        return merchant
    }

    /// Counts one request for the account, for the listing's address (a link goes there) and for the client.
    private func throttle(user: User, listing: Merchant.ID?, client: String) async throws {
        var limits = [
            ("claim.account:\(user.email.lowercased().prefix(300))", Self.perAddress),
            ("claim.client:\(client.prefix(100))", Self.perClient),
        ]
        if let listing { limits.append(("claim.listing:\(listing)", Self.perAddress)) }
        try await throttles.limitPerHour(
            limits, at: clock.now(), message: "too many requests; try again within the hour")
    }

    /// The other claimants of a listing that found its owner, who asked the team, learn that it is taken.
    private func tellClosed(_ transfer: ClaimTransfer) async {
        for claim in transfer.closed where claim.method == .review {
            guard let claimant = try? await accounts.user(id: claim.userID) else { continue }
            await tell(
                .claimRefused(
                    email: claimant.email, listing: transfer.merchant.name,
                    reason: claim.reason ?? SQLListingClaimStore.otherClaimWon))
        }
    }

    /// Sends a mail whose loss must not undo what was done (the decision stands and shows on the pages).
    private func tell(_ notice: MembershipNotice) async {
        do {
            try await notifier.send(notice)
        } catch {
            logger.error("cannot queue a claim mail", metadata: ["error": "\(error)"])
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

import Community
import Foundation

/// Residents' digest subscriptions: double opt-in, preferences and unsubscription through signed links.
package struct SubscriptionService: Sendable {
    let subscriptions: any SubscriptionStore
    let zones: any ZoneStore
    let tokens: LinkTokens
    let clock: any HubClock

    /// The consent text shown beside the subscription form, stored with every request as proof of consent.
    package static let consentWording =
        "J'accepte de recevoir par courriel le résumé des nouvelles annonces des zones et catégories choisies. "
        + "Je peux changer d'avis ou me désabonner à tout moment grâce au lien présent dans chaque courriel."
    /// A second request for one address within this time sends no second mail.
    package static let quietPeriod: TimeInterval = 10 * 60

    package init(subscriptions: any SubscriptionStore, zones: any ZoneStore, tokens: LinkTokens, clock: any HubClock) {
        self.subscriptions = subscriptions
        self.zones = zones
        self.tokens = tokens
        self.clock = clock
    }

    /// Records a request and queues its confirmation mail. The caller answers the same whatever the outcome, so
    /// nobody learns whether an address is already subscribed.
    @discardableResult
    package func request(
        email: String, zoneSlugs: [String], categories: [String], frequency: String, source: String
    ) async throws -> SubscriptionRequestOutcome {
        let address = try Self.validated(email: email)
        let preferences = try await preferences(zoneSlugs: zoneSlugs, categories: categories, frequency: frequency)
        return try await subscriptions.request(
            email: address, preferences: preferences,
            consent: ConsentRecord(action: .requested, wording: Self.consentWording, source: source),
            quietPeriod: Self.quietPeriod, at: clock.now())
    }

    /// Confirms the subscription a confirmation link names.
    package func confirm(token: String, source: String) async throws -> Subscription {
        let id = try tokens.verify(token, for: .confirm, now: clock.now())
        return try await subscriptions.confirm(
            id, consent: ConsentRecord(action: .confirmed, wording: Self.consentWording, source: source),
            at: clock.now())
    }

    /// A signed-in person's digest subscription and the token of its management page, for their own space.
    package func subscription(of user: User) async throws -> (subscription: Subscription, manageToken: String)? {
        guard let found = try await subscriptions.subscription(user: user.id, email: user.email) else { return nil }
        return (found, tokens.token(.manage, for: found.id))
    }

    /// The subscription a management link names.
    package func subscription(manageToken token: String) async throws -> Subscription {
        let id = try tokens.verify(token, for: .manage, now: clock.now())
        guard let subscription = try await subscriptions.subscription(id: id) else {
            throw FeedsProblem.invalidLink.error("this link is not valid")
        }
        return subscription
    }

    package func update(
        manageToken token: String, zoneSlugs: [String], categories: [String], frequency: String, source: String
    ) async throws -> Subscription {
        let subscription = try await subscription(manageToken: token)
        let preferences = try await preferences(zoneSlugs: zoneSlugs, categories: categories, frequency: frequency)
        let wording =
            "zones \(zoneSlugs.joined(separator: ",")); catégories "
            + (categories.isEmpty ? "toutes" : categories.joined(separator: ",")) + "; \(frequency)"
        return try await subscriptions.update(
            subscription.id, preferences: preferences,
            consent: ConsentRecord(action: .changed, wording: wording, source: source), at: clock.now())
    }

    /// Ends the subscription a management link names; repeating it is harmless.
    @discardableResult
    package func unsubscribe(manageToken token: String, source: String) async throws -> Subscription {
        let subscription = try await subscription(manageToken: token)
        return try await subscriptions.unsubscribe(
            subscription.id, consent: ConsentRecord(action: .unsubscribed, wording: "désabonnement", source: source),
            at: clock.now())
    }

    private func preferences(
        zoneSlugs: [String], categories: [String], frequency: String
    ) async throws -> SubscriptionPreferences {
        var zoneIDs: [Zone.ID] = []
        for slug in zoneSlugs where !slug.isEmpty {
            guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
                throw FeedsField.zones.invalid("unknown zone '\(slug.prefix(40))'")
            }
            if !zoneIDs.contains(zone.id) { zoneIDs.append(zone.id) }
        }
        guard !zoneIDs.isEmpty else { throw FeedsField.zones.invalid("choose at least one zone") }
        var chosen: [Category] = []
        for category in categories where !category.isEmpty {
            let parsed = try Category.parse(category)
            if !chosen.contains(parsed) { chosen.append(parsed) }
        }
        return SubscriptionPreferences(
            zoneIDs: zoneIDs, categories: chosen, frequency: try DigestFrequency.parse(frequency))
    }

    /// A plausible address (one @, a dotted domain, no spaces or angle brackets), trimmed.
    package static func validated(email: String) throws(CommunityError) -> String {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters)
            .union(CharacterSet(charactersIn: "<>()[]\\,;:\""))
        guard address.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            address.rangeOfCharacter(from: forbidden) == nil
        else { throw FeedsField.email.invalid("'\(address.prefix(60))' is not an email address") }
        return address
    }
}

import Community
import Foundation
import Storage

/// Seasonal markets: zone admins create them and approve applications; merchants apply with their offers.
package struct MarketService: Sendable {
    let markets: any MarketStore
    let zones: any ZoneStore
    let merchantStore: any MerchantStore
    let posts: any PostStore
    let clock: any HubClock

    package init(
        markets: any MarketStore, zones: any ZoneStore, merchants: any MerchantStore, posts: any PostStore,
        clock: any HubClock
    ) {
        self.markets = markets
        self.zones = zones
        merchantStore = merchants
        self.posts = posts
        self.clock = clock
    }

    /// Creates a market in `zoneSlug`; only the zone's admins (and operators) may.
    package func create(_ input: MarketDraft, zoneSlug: String, by actor: User) async throws -> Market {
        let zone = try await zone(zoneSlug)
        guard actor.administers(zone.id) else {
            throw CommunityError.forbidden("only the zone's admins create markets")
        }
        var draft = input
        draft.title = try MerchantRules.text(input.title, field: DirectoryField.title, max: 120, required: true)
        draft.description = try MerchantRules.text(input.description, field: DirectoryField.description, max: 4000)
        guard draft.startsAt < draft.endsAt else { throw DirectoryField.endsAt.invalid("must come after startsAt") }
        guard draft.applicationsOpenAt < draft.applicationsCloseAt else {
            throw DirectoryField.applicationsCloseAt.invalid("must come after applicationsOpenAt")
        }
        guard draft.applicationsCloseAt <= draft.endsAt else {
            throw DirectoryField.applicationsCloseAt.invalid("must not come after the market ends")
        }
        guard draft.endsAt > clock.now() else { throw DirectoryField.endsAt.invalid("is already past") }
        // The zone's slug first: every zone may hold its own "Marché de Noël 2026".
        let slug = "\(zone.slug)-\(draft.title.slugified.prefix(60))"
        return try await markets.create(zoneID: zone.id, slug: slug, draft: draft, by: actor.id, at: clock.now())
    }

    /// Applies with a selection of the merchant's live offers in the market's zone, while applications are open.
    package func apply(_ marketSlug: String, merchantSlug: String, postIDs: [Post.ID], by actor: User) async throws
        -> MarketApplication
    {
        let market = try await market(marketSlug)
        guard market.acceptsApplications(at: clock.now()) else {
            throw DirectoryProblem.applicationsClosed.error("this market does not take applications now")
        }
        guard let merchant = try await merchantStore.merchant(slug: merchantSlug) else {
            throw CommunityNotFound.merchant.notFound
        }
        guard merchant.ownerID == actor.id else {
            throw CommunityError.forbidden("this merchant belongs to someone else")
        }
        guard merchant.zoneIDs.contains(market.zoneID) else {
            throw DirectoryField.merchant.invalid("the merchant is not in the market's zone")
        }
        let chosen = Array(Set(postIDs)).sorted()
        guard (1...20).contains(chosen.count) else { throw DirectoryField.posts.invalid("choose one to 20 offers") }
        let found = try await posts.posts(ids: chosen)
        let now = clock.now()
        for id in chosen {
            guard let post = found.first(where: { $0.id == id }), post.merchantID == merchant.id,
                post.zoneID == market.zoneID, post.content.kind == .offer, post.status == .published,
                post.content.validUntil.map({ $0 > now }) ?? true
            else { throw DirectoryField.posts.invalid("post \(id) is not one of this merchant's live offers here") }
        }
        return try await markets.apply(market.id, merchant: merchant.id, posts: chosen, by: actor.id, at: now)
    }

    /// Approves or rejects a pending application; only the zone's admins may. A refusal says why (up to 500
    /// characters), and the merchant is told.
    package func decide(
        _ marketSlug: String, application: MarketApplication.ID, approve: Bool, reason: String? = nil, by actor: User
    ) async throws -> MarketApplication {
        let market = try await market(marketSlug)
        guard actor.administers(market.zoneID) else {
            throw CommunityError.forbidden("only the zone's admins decide on applications")
        }
        let said = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !approve {
            guard !said.isEmpty else { throw DirectoryField.reason.invalid("say why the application is refused") }
            guard said.count <= 500 else { throw DirectoryField.reason.invalid("500 characters at most") }
        }
        return try await markets.decide(
            application, in: market.id, status: approve ? .approved : .rejected, reason: approve ? nil : said,
            by: actor.id, at: clock.now())
    }

    package func market(_ slug: String) async throws -> Market {
        guard let market = try await markets.market(slug: slug) else { throw DirectoryNotFound.market.notFound }
        return market
    }

    /// The market with its approved merchants and the live offers they bring; nothing is on show once it ended.
    package func showcase(_ slug: String) async throws -> (Market, [MarketApplication], [Post]) {
        let market = try await market(slug)
        let approved = try await markets.applications(market.id).filter { $0.status == .approved }
        let ended = market.phase(at: clock.now()) == .ended
        return (market, approved, ended ? [] : try await markets.offers(market.id, at: clock.now()))
    }

    package func applications(_ market: Market, by actor: User) async throws -> [MarketApplication] {
        guard actor.administers(market.zoneID) else {
            throw CommunityError.forbidden("only the zone's admins see applications")
        }
        return try await markets.applications(market.id)
    }

    /// The actor's merchants in the market's zone, each with the live offers it could bring, and the application
    /// each has already made (nil when none).
    package func choices(_ market: Market, for actor: User) async throws
        -> [(merchant: Merchant, offers: [Post], application: MarketApplication?)]
    {
        let mine = try await merchantStore.merchants(ownedBy: actor.id).filter { $0.zoneIDs.contains(market.zoneID) }
        guard !mine.isEmpty else { return [] }
        let applications = try await markets.applications(market.id)
        var choices: [(merchant: Merchant, offers: [Post], application: MarketApplication?)] = []
        for merchant in mine {
            var query = PostQuery.live(at: clock.now(), limit: 50)
            query.zoneID = market.zoneID
            query.merchantID = merchant.id
            query.kind = .offer
            let offers = try await posts.posts(query)
            choices.append((merchant, offers, applications.first { $0.merchantID == merchant.id }))
        }
        return choices
    }

    /// Markets of the zone that have not ended.
    package func current(zone: Zone) async throws -> [Market] {
        try await markets.markets(zoneID: zone.id, endingAfter: clock.now())
    }

    private func zone(_ slug: String) async throws -> Zone {
        guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
            throw CommunityNotFound.zone.error("no zone '\(slug.prefix(60))'")
        }
        return zone
    }
}

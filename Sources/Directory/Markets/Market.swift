import Community
import Foundation

/// A seasonal virtual market of a zone ("Marché de Noël 2026"): merchants apply with offers, admins approve.
package struct Market: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<Market>

    package let id: ID
    package let zoneID: Zone.ID
    package let slug: String
    package let draft: MarketDraft
    package let createdAt: Date

    /// Where the market stands at `now`; it ends by itself when `endsAt` passes.
    package func phase(at now: Date) -> MarketPhase {
        if now >= draft.endsAt { return .ended }
        if now >= draft.startsAt { return .running }
        if now >= draft.applicationsOpenAt && now < draft.applicationsCloseAt { return .applicationsOpen }
        return now < draft.applicationsOpenAt ? .announced : .preparing
    }

    package func acceptsApplications(at now: Date) -> Bool {
        now >= draft.applicationsOpenAt && now < draft.applicationsCloseAt && now < draft.endsAt
    }
}

/// The stages of a market's life.
package enum MarketPhase: String, Sendable {
    case announced, applicationsOpen, preparing, running, ended
}

/// What a zone admin writes to create a market.
package struct MarketDraft: Codable, Equatable, Sendable {
    package var title: String
    package var description: String
    package var startsAt: Date
    package var endsAt: Date
    package var applicationsOpenAt: Date
    package var applicationsCloseAt: Date

    package init(
        title: String, description: String, startsAt: Date, endsAt: Date, applicationsOpenAt: Date,
        applicationsCloseAt: Date
    ) {
        self.title = title
        self.description = description
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.applicationsOpenAt = applicationsOpenAt
        self.applicationsCloseAt = applicationsCloseAt
    }
}

/// A merchant's application to a market, with the offers it brings.
package struct MarketApplication: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<MarketApplication>

    package enum Status: String, Codable, Sendable {
        case pending, approved, rejected
    }

    package let id: ID
    package let marketID: Market.ID
    package let merchantID: Merchant.ID
    package let merchantSlug: String
    package let merchantName: String
    package let status: Status
    package let postIDs: [Post.ID]
    package let createdAt: Date
    /// Why it was refused, as told to the merchant.
    package let reason: String?
}

/// Storage of markets and their applications; each write is one transaction with its audit entry.
package protocol MarketStore: Sendable {
    /// Fails with `market_slug_taken` when the slug is used.
    func create(zoneID: Zone.ID, slug: String, draft: MarketDraft, by actor: User.ID, at date: Date) async throws
        -> Market
    func market(slug: String) async throws -> Market?
    /// Markets of a zone not yet ended at `now`, soonest first.
    func markets(zoneID: Zone.ID, endingAfter now: Date) async throws -> [Market]
    /// Fails with `already_applied` when the merchant has applied to this market.
    func apply(_ market: Market.ID, merchant: Merchant.ID, posts: [Post.ID], by actor: User.ID, at date: Date)
        async throws -> MarketApplication
    func applications(_ market: Market.ID) async throws -> [MarketApplication]
    /// Approves or rejects a pending application (with the reason for a refusal); fails with `application_decided`
    /// when it is no longer pending.
    func decide(
        _ application: MarketApplication.ID, in market: Market.ID, status: MarketApplication.Status,
        reason: String?, by actor: User.ID, at date: Date
    ) async throws -> MarketApplication
    /// The live posts approved applications brought, newest first.
    func offers(_ market: Market.ID, at now: Date) async throws -> [Post]
}

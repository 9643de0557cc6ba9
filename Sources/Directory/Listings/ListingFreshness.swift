import Community
import Foundation

/// When a listing asks its merchant to confirm it, and when it shows as stale: pure rules on dates.
package struct ListingFreshness: Equatable, Sendable {
    /// After this long without a confirmation, the merchant is reminded.
    package let confirmAfter: TimeInterval
    /// A reminded listing left unconfirmed this much longer is marked stale.
    package static let grace: TimeInterval = 30 * 86_400

    package init(confirmAfterDays: Int) {
        confirmAfter = TimeInterval(confirmAfterDays) * 86_400
    }

    /// When the merchant last confirmed the listing (its creation when never).
    package func confirmedAt(_ merchant: Merchant) -> Date { merchant.confirmedAt ?? merchant.createdAt }

    package func needsReminder(_ merchant: Merchant, at now: Date) -> Bool {
        now.timeIntervalSince(confirmedAt(merchant)) >= confirmAfter
    }

    package func isStale(_ merchant: Merchant, at now: Date) -> Bool {
        now.timeIntervalSince(confirmedAt(merchant)) >= confirmAfter + Self.grace
    }

    /// Listings confirmed before this moment are due a reminder at `now`.
    package func reminderCutoff(at now: Date) -> Date { now.addingTimeInterval(-confirmAfter) }
}

/// Keeping listings current: merchants confirm them, and are reminded when they have not for a while.
package struct ListingService: Sendable {
    let directory: any DirectoryStore
    let merchants: any MerchantStore
    package let freshness: ListingFreshness
    let clock: any HubClock

    package init(
        directory: any DirectoryStore, merchants: any MerchantStore, freshness: ListingFreshness, clock: any HubClock
    ) {
        self.directory = directory
        self.merchants = merchants
        self.freshness = freshness
        self.clock = clock
    }

    /// Records that the merchant checked the listing and it is current; only the listing's owner may.
    package func confirm(_ slug: String, by actor: User) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(slug: slug) else { throw CommunityNotFound.merchant.notFound }
        guard merchant.ownerID == actor.id else {
            throw CommunityError.forbidden("only the merchant who keeps this listing can confirm it")
        }
        return try await directory.confirm(merchant.id, by: actor.id, at: clock.now())
    }

    /// Listings due a reminder and not yet reminded since their last confirmation, oldest first.
    package func dueReminders(limit: Int = 500) async throws -> [Merchant] {
        try await directory.dueForReminder(confirmedBefore: freshness.reminderCutoff(at: clock.now()), limit: limit)
    }

    /// Notes that the merchant was reminded (so the next round skips it until it confirms again).
    package func reminded(_ merchant: Merchant) async throws {
        try await directory.markReminded(merchant.id, at: clock.now())
    }

    package func isStale(_ merchant: Merchant) -> Bool { freshness.isStale(merchant, at: clock.now()) }
}

import Foundation

/// Every store of the hub, on one engine: what the composition root and the tests build services from.
package struct HubStores: Sendable {
    package let zones: any ZoneStore
    package let accounts: any AccountStore
    package let merchants: any MerchantStore
    package let posts: any PostStore
    package let audit: any AuditStore
    package let moderation: any ModerationStore
    package let subscriptions: any SubscriptionStore
    package let outbox: any OutboxStore
    package let popUps: any PopUpStore
    package let bookings: any PopUpBookingStore
    package let directory: any DirectoryStore
    package let search: any SearchStore
    package let sitemap: any SitemapStore
    package let markets: any MarketStore
    package let statistics: any StatisticsStore
    package let throttles: any ThrottleStore

    /// The stores on the embedded SQLite database.
    package static func sqlite(_ database: AppDatabase) -> HubStores {
        HubStores(
            zones: SQLiteZoneStore(database: database), accounts: SQLiteAccountStore(database: database),
            merchants: SQLiteMerchantStore(database: database), posts: SQLitePostStore(database: database),
            audit: SQLiteAuditStore(database: database), moderation: SQLiteModerationStore(database: database),
            subscriptions: SQLiteSubscriptionStore(database: database), outbox: SQLiteOutboxStore(database: database),
            popUps: SQLitePopUpStore(database: database), bookings: SQLitePopUpBookingStore(database: database),
            directory: SQLiteDirectoryStore(database: database), search: SQLiteSearchStore(database: database),
            sitemap: SQLiteSitemapStore(database: database), markets: SQLiteMarketStore(database: database),
            statistics: SQLiteStatisticsStore(database: database), throttles: SQLiteThrottleStore(database: database))
    }

    /// The stores on a PostgreSQL database.
    package static func postgres(_ database: PostgresHub) -> HubStores {
        HubStores(
            zones: PostgresZoneStore(database: database), accounts: PostgresAccountStore(database: database),
            merchants: PostgresMerchantStore(database: database), posts: PostgresPostStore(database: database),
            audit: PostgresAuditStore(database: database), moderation: PostgresModerationStore(database: database),
            subscriptions: PostgresSubscriptionStore(database: database),
            outbox: PostgresOutboxStore(database: database), popUps: PostgresPopUpStore(database: database),
            bookings: PostgresPopUpBookingStore(database: database),
            directory: PostgresDirectoryStore(database: database), search: PostgresSearchStore(database: database),
            sitemap: PostgresSitemapStore(database: database), markets: PostgresMarketStore(database: database),
            statistics: PostgresStatisticsStore(database: database),
            throttles: PostgresThrottleStore(database: database))
    }
}

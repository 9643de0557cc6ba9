import Foundation
import Storage

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

    /// Every store on `database`, whichever its engine: each store is written once.
    package init(database: any SQLDatabase) {
        zones = SQLZoneStore(database: database)
        accounts = SQLAccountStore(database: database)
        merchants = SQLMerchantStore(database: database)
        posts = SQLPostStore(database: database)
        audit = SQLAuditStore(database: database)
        moderation = SQLModerationStore(database: database)
        subscriptions = SQLSubscriptionStore(database: database)
        outbox = SQLOutboxStore(database: database)
        popUps = SQLPopUpStore(database: database)
        bookings = SQLPopUpBookingStore(database: database)
        directory = SQLDirectoryStore(database: database)
        search = SQLSearchStore(database: database)
        sitemap = SQLSitemapStore(database: database)
        markets = SQLMarketStore(database: database)
        statistics = SQLStatisticsStore(database: database)
        throttles = SQLThrottleStore(database: database)
    }

}

extension HubDatabase {
    /// Every store, on this engine.
    package var stores: HubStores { HubStores(database: sql) }
}

import Community
import Feeds
import Foundation
import PopUps

/// The pop-up shop services, built on the pop-up stores, the people they mail and the post service that announces
/// bookings.
struct PopUpServices: Sendable {
    /// What the services are built on, besides the post service.
    struct Stores: Sendable {
        let popUps: any PopUpStore
        let bookings: any PopUpBookingStore
        let zones: any ZoneStore
        let merchants: any MerchantStore
        let accounts: any AccountStore
        let outbox: any OutboxStore
    }

    let venues: PopUpService
    let bookings: BookingService
    /// Signs the addresses of merchants' private calendars.
    let tokens: LinkTokens
    private let stores: Stores
    private let settings: Settings
    private let clock: any HubClock

    init(stores: Stores, linkKey: Data, posts: PostService, settings: Settings, clock: any HubClock) {
        self.init(stores: stores, tokens: LinkTokens(key: linkKey), posts: posts, settings: settings, clock: clock)
    }

    private init(stores: Stores, tokens: LinkTokens, posts: PostService, settings: Settings, clock: any HubClock) {
        let notifier = OutboxPopUpNotifier(
            outbox: stores.outbox, merchants: stores.merchants, accounts: stores.accounts,
            baseURL: settings.publicURL, clock: clock)
        venues = PopUpService(
            store: stores.popUps, zones: stores.zones, accounts: stores.accounts, notifier: notifier, clock: clock)
        bookings = BookingService(
            bookings: stores.bookings, popUps: venues, merchants: stores.merchants,
            announcer: PopUpAnnouncer(
                posts: posts, bookings: stores.bookings, store: stores.popUps, merchants: stores.merchants,
                accounts: stores.accounts, zones: stores.zones),
            notifier: notifier, clock: clock)
        self.tokens = tokens
        self.stores = stores
        self.settings = settings
        self.clock = clock
    }

    /// The same services, announcing bookings through `posts` (the demo's, whose screener publishes them).
    func announcing(through posts: PostService) -> PopUpServices {
        PopUpServices(stores: stores, tokens: tokens, posts: posts, settings: settings, clock: clock)
    }
}

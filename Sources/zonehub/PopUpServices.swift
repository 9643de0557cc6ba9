import Community
import Feeds
import Foundation

/// The pop-up shop services, built on the hub's stores and post service.
struct PopUpServices: Sendable {
    let venues: PopUpService
    let bookings: BookingService
    /// Signs the addresses of merchants' private calendars.
    let tokens: LinkTokens

    init(stores: HubStores, linkKey: Data, posts: PostService, settings: Settings, clock: any HubClock) {
        let store = stores.popUps
        let bookingStore = stores.bookings
        let zones = stores.zones
        let merchants = stores.merchants
        let accounts = stores.accounts
        let notifier = OutboxPopUpNotifier(
            outbox: stores.outbox, merchants: merchants, accounts: accounts,
            baseURL: settings.publicURL, clock: clock)
        venues = PopUpService(store: store, zones: zones, accounts: accounts, notifier: notifier, clock: clock)
        bookings = BookingService(
            bookings: bookingStore, popUps: venues, merchants: merchants,
            announcer: PopUpAnnouncer(
                posts: posts, bookings: bookingStore, store: store, merchants: merchants, accounts: accounts,
                zones: zones),
            notifier: notifier, clock: clock)
        tokens = LinkTokens(key: linkKey)
    }
}

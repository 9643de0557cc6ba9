import Community
import Feeds
import Foundation

/// The pop-up shop services, built on the hub's database and post service.
struct PopUpServices: Sendable {
    let venues: PopUpService
    let bookings: BookingService
    /// Signs the addresses of merchants' private calendars.
    let tokens: LinkTokens

    init(database: AppDatabase, posts: PostService, settings: Settings, clock: any HubClock) throws {
        let store = SQLitePopUpStore(database: database)
        let bookingStore = SQLitePopUpBookingStore(database: database)
        let zones = SQLiteZoneStore(database: database)
        let merchants = SQLiteMerchantStore(database: database)
        let accounts = SQLiteAccountStore(database: database)
        let notifier = OutboxPopUpNotifier(
            outbox: SQLiteOutboxStore(database: database), merchants: merchants, accounts: accounts,
            baseURL: settings.publicURL, clock: clock)
        venues = PopUpService(store: store, zones: zones, accounts: accounts, notifier: notifier, clock: clock)
        bookings = BookingService(
            bookings: bookingStore, popUps: venues, merchants: merchants,
            announcer: PopUpAnnouncer(
                posts: posts, bookings: bookingStore, store: store, merchants: merchants, accounts: accounts,
                zones: zones),
            notifier: notifier, clock: clock)
        tokens = LinkTokens(key: try database.secret(named: "links"))
    }
}

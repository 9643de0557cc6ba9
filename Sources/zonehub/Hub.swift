import Catalogue
import Community
import Directory
import Feeds
import Foundation
import Imaging
import Logging
import Membership
import Moderation
import Notices
import Orders
import Photos
import PopUps
import Storage

/// The composition root: one database, its stores, and the services built on them.
struct Hub: Sendable {
    let database: HubDatabase
    let settings: Settings
    let clock: any HubClock
    let zones: ZoneService
    let accounts: AccountService
    let membership: MembershipService
    /// Shops taking over the listings imported or created for them.
    let claims: ListingClaimService
    /// Invitations of zone admins, organisers and merchants by mail.
    let invitations: InvitationService
    let administration: AccountAdministration
    let personalData: PersonalDataExport
    let merchants: MerchantService
    let posts: PostService
    let moderation: ModerationQueue
    let audit: any AuditStore
    let subscriptions: SubscriptionService
    let digests: DigestService
    let subscriptionStore: any SubscriptionStore
    let outbox: any OutboxStore
    let mailRenderer: HubMailRenderer
    let linkTokens: LinkTokens
    /// The database's key for signing links (subscription pages, calendars).
    let linkKey: Data
    let feedCache = FeedCache()
    /// Failed sign-ins per account and client, shared by the pages and the API.
    let signInThrottle: SignInThrottle
    /// Twenty abuse reports per account an hour: enough for a resident, not for a campaign hiding posts.
    let reportLimiter: RateLimiter
    /// Five subscription requests per client address every ten minutes.
    let subscriptionLimiter: RateLimiter
    /// Empties the feed cache whenever posts, merchants, zones or markets change, and pings the WebSub hub.
    let feedInvalidation: ChangeObservation
    let webSub: WebSubPublisher?
    let popUps: PopUpServices
    let search: SearchService
    let directory: DirectoryService
    let listings: ListingService
    let zoneStore: any ZoneStore
    let accountStore: any AccountStore
    let merchantStore: any MerchantStore
    let postStore: any PostStore
    let merchantImporter: MerchantImporter
    let sitemaps: SitemapService
    let markets: MarketService
    /// Notices for people who act: preferences and the sweep that mails them.
    let notices: NoticeService
    /// The outbox, review queue and bookings figures of `/metrics`.
    let statistics: any StatisticsStore
    /// Merchants' reach counted by this process and not yet stored, and the stored reach.
    let reachCounter: ReachCounter
    let reach: ReachService
    /// Merchants' logos and shop photos and posts' photos, processed with libvips and stored in the database.
    let photos: PhotoService
    /// The one photo of each pop-up venue and seasonal market.
    let placePhotos: PlacePhotoService
    /// Merchants' products, their pages and CSV files.
    let catalogue: CatalogueService
    /// Products' photos, processed as merchants' are.
    let productPhotos: ProductPhotoService
    /// Order requests and collection windows; `orders.expireOverdue()` is meant to run periodically.
    let orders: OrderService
    /// Holiday pre-order campaigns.
    let campaigns: CampaignService

    /// A hub on an embedded SQLite database.
    init(
        database: SQLiteDatabase, settings: Settings, clock: any HubClock = SystemClock(),
        hasher: any SecretHasher = BcryptHasher()
    ) throws {
        self.init(
            database: .sqlite(database), linkKey: try database.secret(named: "links"), settings: settings, clock: clock,
            hasher: hasher)
    }

    /// A hub on either engine; `linkKey` is the database's key for signing links.
    init(
        database: HubDatabase, linkKey: Data, settings: Settings, clock: any HubClock = SystemClock(),
        hasher: any SecretHasher = BcryptHasher()
    ) {
        self.database = database
        self.settings = settings
        self.clock = clock
        // Each store once, on the hub's engine: every store is written once for both.
        let sql = database.sql
        let zoneStore = SQLZoneStore(database: sql)
        let accountStore = SQLAccountStore(database: sql)
        let merchantStore = SQLMerchantStore(database: sql)
        let postStore = SQLPostStore(database: sql)
        let moderationStore = SQLModerationStore(database: sql)
        let outboxStore = SQLOutboxStore(database: sql)
        let throttles = SQLThrottleStore(database: sql)
        let directoryStore = SQLDirectoryStore(database: sql)
        self.zoneStore = zoneStore
        self.accountStore = accountStore
        self.merchantStore = merchantStore
        self.postStore = postStore
        outbox = outboxStore
        statistics = SQLStatisticsStore(database: sql)
        signInThrottle = SignInThrottle(store: throttles)
        reportLimiter = RateLimiter(name: "report", limit: 20, window: 3600, store: throttles)
        subscriptionLimiter = RateLimiter(name: "subscribe", limit: 5, window: 600, store: throttles)
        zones = ZoneService(zones: zoneStore, clock: clock)
        accounts = AccountService(accounts: accountStore, zones: zoneStore, hasher: hasher, clock: clock)
        merchants = MerchantService(merchants: merchantStore, zones: zoneStore, clock: clock)
        administration = AccountAdministration(
            accounts: accountStore, zones: zoneStore, merchants: merchantStore, clock: clock)
        invitations = InvitationService(
            accounts: accountStore, invitations: SQLInvitationStore(database: sql), merchants: merchants,
            zones: zoneStore, throttles: throttles, hasher: hasher,
            notifier: OutboxMembershipNotifier(outbox: outboxStore, baseURL: settings.publicURL, clock: clock),
            clock: clock)
        claims = ListingClaimService(
            claims: SQLListingClaimStore(database: sql), merchants: merchantStore, accounts: accountStore,
            zones: zoneStore, throttles: throttles, hasher: hasher,
            notifier: OutboxMembershipNotifier(outbox: outboxStore, baseURL: settings.publicURL, clock: clock),
            clock: clock)
        posts = PostService(
            posts: postStore, merchants: merchantStore, zones: zoneStore,
            screener: RuleScreener(store: moderationStore, clock: clock), clock: clock)
        moderation = ModerationQueue(
            store: moderationStore, posts: postStore, zones: zoneStore, merchants: merchantStore,
            notifier: MailNotifier(
                outbox: outboxStore, merchants: merchantStore, accounts: accountStore, settings: settings, clock: clock),
            clock: clock)
        audit = SQLAuditStore(database: sql)
        personalData = PersonalDataExport(
            zones: zoneStore, merchants: merchantStore, posts: postStore, moderation: moderationStore,
            subscriptions: SQLSubscriptionStore(database: sql), bookings: SQLPopUpBookingStore(database: sql),
            audit: audit, clock: clock)
        popUps = PopUpServices(
            stores: .init(
                popUps: SQLPopUpStore(database: sql), bookings: SQLPopUpBookingStore(database: sql), zones: zoneStore,
                merchants: merchantStore, accounts: accountStore, outbox: outboxStore),
            linkKey: linkKey, posts: posts, settings: settings, clock: clock)
        let notices = NoticeService(
            store: SQLNoticeStore(database: sql), zones: zoneStore, outbox: outboxStore,
            links: NoticeLinks(key: linkKey), baseURL: settings.publicURL, clock: clock)
        self.notices = notices
        membership = MembershipService(
            accounts: accountStore, membership: SQLMembershipStore(database: sql), merchants: merchants,
            zones: zoneStore, throttles: throttles, hasher: hasher,
            notifier: NoticeAwareMembershipNotifier(
                mail: OutboxMembershipNotifier(outbox: outboxStore, baseURL: settings.publicURL, clock: clock),
                notices: notices),
            clock: clock, refusedDomains: settings.refusedEmailDomains,
            signUpPolicies: RulesBook(store: moderationStore),
            departures: [PopUpDeparture(bookings: popUps.bookings)])
        search = SearchService(search: SQLSearchStore(database: sql), zones: zoneStore, clock: clock)
        directory = DirectoryService(directory: directoryStore, zones: zoneStore, clock: clock)
        merchantImporter = MerchantImporter(service: merchants, directory: directoryStore)
        sitemaps = SitemapService(store: SQLSitemapStore(database: sql), clock: clock)
        markets = MarketService(
            markets: SQLMarketStore(database: sql), zones: zoneStore, merchants: merchantStore, posts: postStore,
            clock: clock)
        listings = ListingService(
            directory: directoryStore, merchants: merchantStore,
            freshness: ListingFreshness(confirmAfterDays: settings.confirmAfterDays), clock: clock)
        let subscriptionStore = SQLSubscriptionStore(database: sql)
        self.subscriptionStore = subscriptionStore
        let tokens = LinkTokens(key: linkKey)
        linkTokens = tokens
        self.linkKey = linkKey
        subscriptions = SubscriptionService(
            subscriptions: subscriptionStore, zones: zoneStore, tokens: tokens, clock: clock)
        reachCounter = ReachCounter(clock: clock)
        let reach = ReachService(store: SQLReachStore(database: sql), clock: clock)
        self.reach = reach
        photos = PhotoService(store: SQLPhotoStore(database: sql), processor: VipsPhotoProcessor(), clock: clock)
        productPhotos = ProductPhotoService(
            store: SQLProductPhotoStore(database: sql), processor: VipsPhotoProcessor(), clock: clock)
        placePhotos = PlacePhotoService(
            store: SQLPlacePhotoStore(database: sql), processor: VipsPhotoProcessor(),
            editors: PlacePhotoEditors(popUps: popUps.venues), clock: clock)
        let productStore = SQLCatalogueStore(database: sql)
        catalogue = CatalogueService(products: productStore, merchants: merchantStore, clock: clock)
        let orderService = OrderService(
            orders: SQLOrderStore(database: sql), products: productStore, merchants: merchantStore, clock: clock)
        orders = orderService
        campaigns = CampaignService(orders: orderService, products: productStore, clock: clock)
        var digests = DigestService(subscriptions: subscriptionStore, posts: postStore, clock: clock)
        digests.queued = { try await reach.digestsQueued($0) }
        self.digests = digests
        mailRenderer = HubMailRenderer(
            subscriptions: subscriptionStore, zones: zoneStore, posts: postStore, tokens: tokens, settings: settings,
            clock: clock)
        let publisher = settings.webSubHub.map {
            WebSubPublisher(hubURL: $0, logger: Logger(label: "zonehub.websub"))
        }
        webSub = publisher
        // Products are in the zones' feeds; their writes notify on PostgreSQL themselves (`noticeChange`).
        feedInvalidation = database.observeChanges(to: [
            "post", "merchant", "zone", "market", "marketApplication", "marketOffer", "product", "productPhoto",
        ]) {
            [feedCache, zones, base = settings.publicURL] in
            let read = feedCache.invalidate()
            guard let publisher else { return }
            // The feeds being read, the hub's, and every zone's change with any post; the hub fetches them again.
            Task {
                let slugs = (try? await zones.active().map(\.slug)) ?? []
                let listings = ["/feed"] + slugs.map { "/zones/\($0)/feed" }
                let paths = listings.flatMap { path in FeedFormat.allCases.map { "\(path).\($0.rawValue)" } }
                publisher.feedsChanged(Set(read + paths).map { base + $0 })
            }
        }
    }

    /// Counts one report by `user`; fails with `rate_limited` past the limit.
    func allowReport(by user: User) async throws {
        try await reportLimiter.allowReport(by: user, now: clock.now())
    }

    /// Opens (creating and migrating) the database named by `settings`: PostgreSQL when an address is set, else
    /// the SQLite file.
    static func open(_ settings: Settings, clock: any HubClock = SystemClock()) async throws -> Hub {
        let database = try await HubDatabase.opened(settings)
        return Hub(
            database: database, linkKey: try await database.secret(named: "links"), settings: settings, clock: clock)
    }

    /// Where mail goes: the SMTP server when one is configured, else `.eml` files in the mail directory.
    var mailTransport: any MailTransport {
        if let smtp = settings.smtp { return SMTPTransport(settings: smtp) }
        return DirectoryTransport(directory: URL(fileURLWithPath: settings.mailDirectory))
    }

    /// A sender for the outbox's due messages, identified as this process.
    func outboxSender(logger: Logger) -> OutboxSender {
        OutboxSender(
            outbox: outbox, renderer: mailRenderer, transport: mailTransport, envelopeSender: settings.mailFrom,
            senderID: SenderIdentity.current, connections: settings.smtpConnections, clock: clock, logger: logger,
            returnPath: settings.returnPath(tokens: linkTokens))
    }

    /// The digests' and the outbox's round while the server runs.
    func mailScheduler(logger: Logger) -> MailScheduler {
        MailScheduler(
            zones: zones, digests: digests, subscriptionStore: subscriptionStore, outbox: outbox,
            sender: outboxSender(logger: logger), notices: notices, clock: clock, logger: logger)
    }

    /// The monthly reach reports ("Votre visibilité ce mois-ci").
    var reachReports: ReachReports {
        ReachReports(reach: reach, store: reach.store, outbox: outbox, publicURL: settings.publicURL, clock: clock)
    }

    /// Stores the reach counted while the server runs, and queues the monthly reports.
    func reachFlusher(logger: Logger) -> ReachFlusher {
        ReachFlusher(counter: reachCounter, store: reach.store, reports: reachReports, clock: clock, logger: logger)
    }

    /// Reminders to merchants whose listing was not confirmed for a while.
    var listingReminders: ListingReminders {
        ListingReminders(
            listings: listings, accountStore: accountStore, outbox: outbox, publicURL: settings.publicURL, clock: clock)
    }

    /// Loads and validates the zone files, then reconciles the database with them.
    func syncZones(from directory: String) async throws -> ZoneSyncReport {
        let catalog: ZoneCatalog
        do {
            catalog = try ZoneCatalog.load(directory: URL(fileURLWithPath: directory))
        } catch {
            throw CLIError(error.description)
        }
        return try await zones.sync(catalog)
    }
}

/// A failure to report on the command line as `error: <message>`.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

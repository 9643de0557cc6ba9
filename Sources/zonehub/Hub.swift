import Community
import Feeds
import Foundation
import Logging
import Moderation

/// The composition root: one database, its stores, and the services built on them.
struct Hub: Sendable {
    let database: AppDatabase
    let settings: Settings
    let clock: any HubClock
    let zones: ZoneService
    let accounts: AccountService
    let merchants: MerchantService
    let posts: PostService
    let moderation: ModerationQueue
    let audit: any AuditStore
    let feedCache = FeedCache()
    /// Empties the feed cache whenever posts, merchants or zones change, and pings the WebSub hub.
    let feedInvalidation: ChangeObservation
    let webSub: WebSubPublisher?

    init(
        database: AppDatabase, settings: Settings, clock: any HubClock = SystemClock(),
        hasher: any SecretHasher = BcryptHasher()
    ) {
        self.database = database
        self.settings = settings
        self.clock = clock
        let zoneStore = SQLiteZoneStore(database: database)
        let merchantStore = SQLiteMerchantStore(database: database)
        zones = ZoneService(zones: zoneStore, clock: clock)
        accounts = AccountService(
            accounts: SQLiteAccountStore(database: database), zones: zoneStore, hasher: hasher, clock: clock)
        merchants = MerchantService(merchants: merchantStore, zones: zoneStore, clock: clock)
        let postStore = SQLitePostStore(database: database)
        let moderationStore = SQLiteModerationStore(database: database)
        posts = PostService(
            posts: postStore, merchants: merchantStore, zones: zoneStore,
            screener: RuleScreener(store: moderationStore, clock: clock), clock: clock)
        moderation = ModerationQueue(
            store: moderationStore, posts: postStore, zones: zoneStore, merchants: merchantStore,
            notifier: LoggingNotifier(), clock: clock)
        audit = SQLiteAuditStore(database: database)
        let publisher = settings.webSubHub.map {
            WebSubPublisher(hubURL: $0, logger: Logger(label: "zonehub.websub"))
        }
        webSub = publisher
        feedInvalidation = database.observeChanges(to: ["post", "merchant", "zone"]) {
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

    /// Opens (creating and migrating) the database named by `settings`.
    static func open(_ settings: Settings, clock: any HubClock = SystemClock()) throws -> Hub {
        let database: AppDatabase
        do {
            database = try AppDatabase(path: settings.databasePath)
        } catch {
            throw CLIError("cannot open the database at \(settings.databasePath): \(error)")
        }
        return Hub(database: database, settings: settings, clock: clock)
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

/// Logs moderation notices until mail delivery exists.
struct LoggingNotifier: ModerationNotifier {
    let logger = Logger(label: "zonehub.moderation")

    func decided(_ decision: Decision, about post: Post) async {
        logger.info(
            "merchant to be told of a decision",
            metadata: [
                "post": "\(post.id)", "action": "\(decision.action.rawValue)", "merchant": "\(post.merchantSlug)",
            ])
    }
}

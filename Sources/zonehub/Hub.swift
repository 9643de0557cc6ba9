import Community
import Foundation
import Logging

/// The composition root: one database, its stores, and the services built on them.
struct Hub: Sendable {
    let database: AppDatabase
    let settings: Settings
    let clock: any HubClock
    let zones: ZoneService
    let accounts: AccountService
    let merchants: MerchantService
    let posts: PostService
    let audit: any AuditStore

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
        posts = PostService(
            posts: SQLitePostStore(database: database), merchants: merchantStore, zones: zoneStore,
            screener: ZonePolicyScreener(), clock: clock)
        audit = SQLiteAuditStore(database: database)
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

import Community
import Feeds
import Foundation
import Moderation
import Storage

/// Real stores on a real, migrated database (SQLite, or PostgreSQL for the contract suites when
/// `ZONEHUB_TEST_POSTGRES_URL` is set), with services on a fixed clock.
package struct TestHub {
    /// The hub's database, as the executable holds it: its case is the engine the stores run on.
    package let hubDatabase: HubDatabase
    package let clock = FixedClock()
    /// The file, for on-disk hubs.
    package let path: String?
    /// The PostgreSQL address with the hub's schema, for a second hub on the same data.
    private var postgresAddress: String?

    /// Each store on the hub's engine, built when asked for (a store is a value over the database).
    package var zoneStore: any ZoneStore { SQLZoneStore(database: hubDatabase.sql) }
    package var accountStore: any AccountStore { SQLAccountStore(database: hubDatabase.sql) }
    package var merchantStore: any MerchantStore { SQLMerchantStore(database: hubDatabase.sql) }
    package var postStore: any PostStore { SQLPostStore(database: hubDatabase.sql) }
    package var audit: any AuditStore { SQLAuditStore(database: hubDatabase.sql) }
    package var throttleStore: any ThrottleStore { SQLThrottleStore(database: hubDatabase.sql) }
    package var moderationStore: any ModerationStore { SQLModerationStore(database: hubDatabase.sql) }
    package var subscriptionStore: any SubscriptionStore { SQLSubscriptionStore(database: hubDatabase.sql) }
    package var outboxStore: any OutboxStore { SQLOutboxStore(database: hubDatabase.sql) }

    package init(database: SQLiteDatabase, path: String? = nil) {
        hubDatabase = .sqlite(database)
        self.path = path
    }

    private init(postgres: PostgresDatabase, address: String) {
        hubDatabase = .postgres(postgres)
        postgresAddress = address
        path = nil
    }

    /// The SQLite database, for the tests that are about SQLite itself.
    package var database: SQLiteDatabase {
        guard case .sqlite(let database) = hubDatabase else { preconditionFailure("this test runs on SQLite only") }
        return database
    }

    /// Runs one SQL statement on whichever engine the hub is on, in a transaction of its own: for tests of what
    /// the schema itself refuses.
    package func execute(_ sql: String) async throws {
        try await hubDatabase.sql.write { db in try await db.execute(sql) }
    }

    /// The single number `sql` selects (a count), on SQLite, or `postgres` on PostgreSQL when the tables differ.
    package func number(_ sql: String, postgres: String? = nil) async throws -> Int {
        let database = hubDatabase.sql
        let query = database.engine == .postgres ? postgres ?? sql : sql
        return try await database.read { db in try await db.value(query) ?? -1 }
    }

    /// The first column of every row `sql` selects, as text, on either engine.
    package func texts(_ sql: String) async throws -> [String] {
        try await hubDatabase.sql.read { db in try await db.values(sql) }
    }

    /// The address of the PostgreSQL server the contract suites run against, when one is given.
    package static var postgresAddress: String? {
        ProcessInfo.processInfo.environment["ZONEHUB_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A hub for the store contract suites: on PostgreSQL (a new schema of its own) when
    /// `ZONEHUB_TEST_POSTGRES_URL` is set, on SQLite otherwise, so one suite holds both engines to one contract.
    package static func contract(onDisk: Bool = false) async throws -> TestHub {
        guard let address = postgresAddress else { return try make(onDisk: onDisk) }
        let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let separator = address.contains("?") ? "&" : "?"
        let hubAddress = address + separator + "schema=" + schema
        return TestHub(postgres: try await PostgresDatabase(address: hubAddress, maximumConnections: 4), address: hubAddress)
    }

    /// A second hub on the same database, with stores of its own, as another `zonehub serve` process opens it
    /// (an on-disk SQLite file, or the same PostgreSQL schema).
    package func sibling() async throws -> TestHub {
        if let postgresAddress {
            return TestHub(
                postgres: try await PostgresDatabase(address: postgresAddress, maximumConnections: 4),
                address: postgresAddress)
        }
        guard let path else { preconditionFailure("an in-memory SQLite hub has no sibling: use onDisk") }
        return TestHub(database: try SQLiteDatabase(path: path), path: path)
    }

    /// An in-memory database, or a temporary file when WAL and several connections matter.
    package static func make(onDisk: Bool = false) throws -> TestHub {
        if onDisk {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("zonehub-test-\(UUID().uuidString)/hub.sqlite").path
            return TestHub(database: try SQLiteDatabase(path: path), path: path)
        }
        return TestHub(database: try SQLiteDatabase.inMemory())
    }

    package var zones: ZoneService { ZoneService(zones: zoneStore, clock: clock) }
    package var merchants: MerchantService { MerchantService(merchants: merchantStore, zones: zoneStore, clock: clock) }

    package func posts(screener: any PostScreener = ZonePolicyScreener()) -> PostService {
        PostService(posts: postStore, merchants: merchantStore, zones: zoneStore, screener: screener, clock: clock)
    }

    /// Two zones: `alpha` publishes directly, `beta` holds every post for review.
    @discardableResult
    package func seedZones() async throws -> ZoneSyncReport {
        try await zones.sync(ZoneCatalog(definitions: ["alpha": Samples.alpha, "beta": Samples.beta]))
    }

    /// An account stored directly (password hashing is the executable's concern, tested there).
    package func user(_ email: String, role: Role, zones slugs: [String] = []) async throws -> User {
        var ids: Set<Zone.ID> = []
        for slug in slugs { ids.insert(try await zoneStore.zone(slug: slug)!.id) }
        return try await accountStore.create(
            NewAccount(email: email, displayName: email, role: role, zoneIDs: ids, passwordHash: "not-a-real-hash"),
            at: clock.now(), actor: nil)
    }

    package func merchant(_ name: String, owner: User, zone: String = "alpha") async throws -> Merchant {
        let commune = zone == "alpha" ? ("Corbeil-Essonnes", "91100") : ("Beauvais", "60000")
        return try await merchants.create(
            MerchantProfile(
                name: name, categories: [.alimentation], commune: commune.0, postcode: commune.1, zones: [zone]),
            owner: owner)
    }
}

/// Fixed inputs shared by the tests.
package enum Samples {
    package static let alpha = ZoneDefinition(
        name: "Alpha", description: "Zone de test qui publie.", departements: ["91"],
        communes: [
            .init(name: "Corbeil-Essonnes", postcodes: ["91100"]),
            .init(name: "Évry-Courcouronnes", postcodes: ["91000", "91080"]),
            .init(name: "Saint-Germain-lès-Corbeil", postcodes: ["91250"]),
        ],
        moderation: .init(policy: .publish))

    package static let beta = ZoneDefinition(
        name: "Beta", description: "Zone de test qui modère.", departements: ["60"],
        communes: [.init(name: "Beauvais", postcodes: ["60000"])], moderation: .init(policy: .review))

    package static func offer(_ title: String = "Panier de légumes", validUntil: Date? = nil, publishAt: Date? = nil)
        -> PostContent
    {
        PostContent(
            kind: .offer, title: title, body: "Chaque vendredi.", category: .alimentation, priceCents: 1500,
            validUntil: validUntil, publishAt: publishAt)
    }

    /// A valid zone file's text.
    package static let zoneFile = """
        {
          "name": "Test",
          "description": "Une zone.",
          "departements": ["91"],
          "timeZone": "Europe/Paris",
          "locale": "fr",
          "communes": [{ "name": "Corbeil-Essonnes", "postcodes": ["91100"] }],
          "moderation": { "policy": "review", "queueWarnHours": 12, "queueEscalateHours": 48 },
          "digest": { "sendTime": "07:30", "weeklyDay": "saturday" }
        }
        """
}

import ArgumentParser
import Community
import Hummingbird
import Logging

/// `zonehub serve`: migrates the database, syncs `zones/`, and serves the pages and the API.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")

    @Option(help: "Address to listen on (ZONEHUB_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (ZONEHUB_PORT; default 8080).") var port: Int?
    @Option(help: "Directory of zone files (ZONEHUB_ZONES_DIR; default ./zones).") var zones: String?
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        try await run {
            let settings = try Settings(database: database, host: host, port: port, zones: zones)
            settings.logFormat.bootstrap(level: settings.logLevel)
            var logger = Logger(label: "zonehub")
            logger.logLevel = settings.logLevel
            for warning in settings.legalWarnings { logger.warning("\(warning)") }
            let hub = try await Hub.open(settings, clock: try settings.clock())
            let report = try await hub.syncZones(from: settings.zonesDirectory)
            logger.info(
                "zones synced",
                metadata: [
                    "added": "\(report.added.count)", "updated": "\(report.updated.count)",
                    "retired": "\(report.retired.count)",
                ])
            try await buildApplication(hub: hub, logger: logger).runService()
            await sendQueuedPings(of: hub, logger: logger)
        }
    }

    /// How long, once the server has stopped, the WebSub pings of its last changes may hold up the exit.
    static let pingsAtExit: Duration = .seconds(10)

    /// Sends the WebSub pings that the last requests queued: without them, subscribers would learn of those changes
    /// only at their next poll. A hub that does not answer holds the exit up to `pingsAtExit`.
    private func sendQueuedPings(of hub: Hub, logger: Logger) async {
        guard let webSub = hub.webSub else { return }
        if await webSub.settled(within: Self.pingsAtExit) {
            logger.info("WebSub pings all sent before exit")
        } else {
            logger.warning(
                "WebSub pings still queued at exit; subscribers will see those changes at their next poll",
                metadata: ["waited": "\(Self.pingsAtExit)"])
        }
    }
}

/// `zonehub migrate`: creates or upgrades the database schema, then reports the migrations applied.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Create or upgrade the database.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        try await run {
            let hub = try await Hub.open(try Settings(database: database))
            let applied = try await hub.database.appliedMigrations()
            print(
                "database \(hub.settings.databaseName) is at "
                    + "\(applied.last ?? "no migration") (\(applied.count) applied)"
            )
        }
    }
}

import Foundation
import Logging
import PostgresNIO

/// The hub's PostgreSQL database: a pool of connections, migrations applied on open, one transaction per
/// store method. Several `zonehub serve` processes may share it.
package final class PostgresDatabase: SQLDatabase {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    /// The schema the hub's tables live in (`public` unless the address names another one).
    let schema: String
    let logger: Logger

    package var engine: SQLEngine { .postgres }

    /// Connects to `address` (`postgres://user:password@host:port/database`, or `postgres:///database?host=/run/dir`
    /// for a local socket; `?schema=name` keeps the hub's tables in a schema of their own) and migrates. A server
    /// that does not answer within `connectWithin` (wrong host, port, database or password) fails the opening.
    package init(
        address: String, maximumConnections: Int = 8, migrate: Bool = true, connectWithin: Duration = .seconds(10),
        logger: Logger = Logger(label: "zonehub.postgres")
    ) async throws {
        let endpoint = try PostgresAddress(address)
        var configuration = endpoint.configuration
        configuration.options.maximumConnections = maximumConnections
        // The pool logs each failed connection attempt; the failure that matters reaches the caller.
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .warning)
        let client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        self.client = client
        // Started at once, so that run() is under way before the first connection is asked for.
        if #available(macOS 26, *) {
            self.runner = Task.immediate { await client.run() }
        } else {
            self.runner = Task { await client.run() }
        }
        self.schema = endpoint.schema
        self.logger = logger
        do {
            try await firstContact(within: connectWithin)
            if migrate { try await PostgresMigrations.migrate(self) }
        } catch {
            runner.cancel()
            throw error
        }
    }

    /// One query, bounded in time: the pool would otherwise keep trying to connect for a minute before failing.
    private func firstContact(within limit: Duration) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    _ = try await self.read { db in try await db.execute("SELECT 1") }
                } catch {
                    throw PostgresUnreachable(reason: serverMessage(error) ?? "\(error)")
                }
            }
            group.addTask {
                try await Task.sleep(for: limit)
                throw PostgresUnreachable(reason: "no answer within \(limit.components.seconds) s")
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// What `zonehub check` reports: the server's version and the migrations applied, known and not; changes
    /// nothing (no migration is applied).
    package static func inspect(address: String) async throws -> (
        serverVersion: String, applied: [String], pending: [String], unknown: [String]
    ) {
        let database = try await PostgresDatabase(address: address, maximumConnections: 1, migrate: false)
        let facts: (String, [String]) = try await database.read { db in
            let version: String = try await db.value("SHOW server_version") ?? "?"
            let exists: Bool = try await db.value("SELECT to_regclass('hubMigration') IS NOT NULL") ?? false
            return (version, exists ? try await db.values("SELECT name FROM hubMigration ORDER BY name") : [])
        }
        let known = PostgresMigrations.all.map(\.name)
        return (
            facts.0, facts.1, known.filter { !facts.1.contains($0) }, facts.1.filter { !known.contains($0) }
        )
    }

    deinit { runner.cancel() }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    @discardableResult
    package func write<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> T)
        async throws -> T
    {
        try await transaction("BEGIN", body)
    }

    /// `write`, with the transaction's PostgreSQL-only abilities (scripts, for migrations).
    @discardableResult
    func writePostgres<T: Sendable>(_ body: @escaping @Sendable (PostgresTransaction) async throws -> T)
        async throws -> T
    {
        try await transaction("BEGIN", body)
    }

    /// Runs a read-only block in one transaction, so it sees one consistent state.
    package func read<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> T)
        async throws -> T
    {
        try await transaction("BEGIN READ ONLY", body)
    }

    private func transaction<T: Sendable>(
        _ begin: String, _ body: @escaping @Sendable (PostgresTransaction) async throws -> T
    ) async throws -> T {
        let logger = self.logger
        let schema = self.schema
        return try await client.withConnection { connection in
            let transaction = PostgresTransaction(connection: connection, logger: logger)
            try await transaction.execute(begin)
            do {
                if schema != "public" { try await transaction.execute("SET LOCAL search_path TO \"\(schema)\"") }
                let value = try await body(transaction)
                try await transaction.execute("COMMIT")
                return value
            } catch {
                _ = try? await transaction.execute("ROLLBACK")
                throw error
            }
        }
    }

    /// A random key created with the database (for signing links), the same for every process that opens it.
    package func secret(named name: String) async throws -> Data {
        try await read { db in
            guard let value: Data = try await db.value("SELECT value FROM hubSecret WHERE name = ?", [name]) else {
                throw StorageError.secretMissing(name)
            }
            return value
        }
    }

    /// Calls `action` after each committed change to one of `tables` by any process on this database (LISTEN on
    /// the channel the tables' triggers notify), until the observation is cancelled. A lost connection is opened
    /// again, and `action` called then too, since changes may have gone unheard meanwhile.
    package func observeChanges(to tables: [String], _ action: @escaping @Sendable () -> Void) -> ChangeObservation {
        let wanted = Set(tables.map { "\(schema).\($0.lowercased())" })
        let client = self.client
        let logger = self.logger
        let listener = Task {
            var first = true
            while !Task.isCancelled {
                do {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.changeChannel) { notices in
                            if !first { action() }
                            first = false
                            for try await notice in notices where wanted.contains(notice.payload) { action() }
                        }
                    }
                } catch {
                    if Task.isCancelled { return }
                    logger.warning(
                        "listening for database changes failed; listening again", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
        return ChangeObservation { listener.cancel() }
    }

    /// The channel the change triggers notify, with `schema.table` as the payload.
    static let changeChannel = "zonehub_changes"

    /// The names of the migrations applied, in order.
    package func appliedMigrations() async throws -> [String] {
        try await read { db in try await db.values("SELECT name FROM hubMigration ORDER BY name") }
    }
}

/// A PostgreSQL server that could not be reached, with the reason, for the operator who named it.
struct PostgresUnreachable: Error, CustomStringConvertible {
    let reason: String

    var description: String {
        "the PostgreSQL server did not answer (\(reason)); check the address's host, port, database and password"
    }
}

/// A `postgres://` address taken apart; a malformed one is refused with a message that names the part.
struct PostgresAddress {
    let configuration: PostgresClient.Configuration
    let schema: String

    init(_ address: String) throws {
        guard let components = URLComponents(string: address),
            components.scheme == "postgres" || components.scheme == "postgresql"
        else {
            throw StorageError.invalidAddress("the database address must start with postgres://")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw StorageError.invalidAddress(
                "the database address must name a database: postgres://host/NAME")
        }
        let user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let password = components.password
        let port = components.port ?? 5432
        schema = query["schema"] ?? "public"
        guard schema.range(of: "^[a-z_][a-z0-9_]*$", options: .regularExpression) != nil else {
            throw StorageError.invalidAddress("the schema must be lower-case letters, digits and _")
        }
        if let socketDirectory = query["host"], socketDirectory.hasPrefix("/") {
            configuration = .init(
                unixSocketPath: "\(socketDirectory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        } else {
            guard let host = components.host, !host.isEmpty else {
                throw StorageError.invalidAddress("the database address must name a host")
            }
            let tls: PostgresClient.Configuration.TLS
            switch query["sslmode"] ?? "prefer" {
            case "disable": tls = .disable
            case "require", "verify-full": tls = .require(.makeClientConfiguration())
            case "prefer", "allow": tls = .prefer(.makeClientConfiguration())
            default:
                throw StorageError.invalidAddress("sslmode must be disable, prefer or require")
            }
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
    }
}

import Foundation

/// The hub's database on one engine: embedded SQLite (the default) or a PostgreSQL server that several
/// `zonehub serve` processes may share.
package enum HubDatabase: Sendable {
    case sqlite(SQLiteDatabase)
    case postgres(PostgresDatabase)

    /// Opens `address` (a `postgres://` address) or the SQLite file at `path`, creating and migrating it.
    package static func open(address: String?, path: String) async throws -> HubDatabase {
        if let address { return .postgres(try await PostgresDatabase(address: address)) }
        return .sqlite(try SQLiteDatabase(path: path))
    }

    /// The database behind the interface the stores are written against.
    package var sql: any SQLDatabase {
        switch self {
        case .sqlite(let database): database
        case .postgres(let database): database
        }
    }

    /// The engine's name, for reports.
    package var engineName: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// A random key created with the database, the same for every process that opens it.
    package func secret(named name: String) async throws -> Data {
        switch self {
        case .sqlite(let database): try database.secret(named: name)
        case .postgres(let database): try await database.secret(named: name)
        }
    }

    package func appliedMigrations() async throws -> [String] {
        switch self {
        case .sqlite(let database): try await database.appliedMigrations()
        case .postgres(let database): try await database.appliedMigrations()
        }
    }

    /// Calls `action` after every committed change to one of `tables`, made by this process or, on PostgreSQL,
    /// by any process sharing the database, until the observation is cancelled.
    package func observeChanges(to tables: [String], _ action: @escaping @Sendable () -> Void) -> ChangeObservation {
        switch self {
        case .sqlite(let database): database.observeChanges(to: tables, action)
        case .postgres(let database): database.observeChanges(to: tables, action)
        }
    }
}

import GRDB

/// The migrations this build knows, per engine, without opening a database: `zonehub --version` names them.
package enum KnownMigrations {
    /// The SQLite migrations, oldest first.
    package static var sqlite: [String] { SQLiteDatabase.migrator.migrations }

    /// The PostgreSQL migrations, oldest first.
    package static var postgres: [String] { PostgresMigrations.all.map(\.name) }
}

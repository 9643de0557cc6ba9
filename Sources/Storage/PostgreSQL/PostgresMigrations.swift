import Foundation

/// The PostgreSQL schema as frozen history: a landed migration is never edited. It follows the SQLite schema
/// table for table and column for column (so a hub can move between the engines), in PostgreSQL's terms.
enum PostgresMigrations {
    static let all: [(name: String, sql: String)] = [
        ("v1-foundation", foundation),
        ("v2-moderation", moderation),
        ("v3-reports", reports),
        ("v4-mail", mail),
        ("v5-directory-listing", directoryListing),
        ("v6-pop-ups", popUps),
        ("v7-directory", directory),
        ("v8-change-notices", changeNotices),
        ("v9-name-order", nameOrder),
        ("v10-throttles", throttles),
        ("v11-membership", membership),
        ("v12-joining", joining),
        ("v13-notices", notices),
        ("v14-bounces", bounces),
        ("v15-reach", reach),
        ("v16-decisions", decisions),
        ("v17-photos", photos),
        ("v18-catalogue", catalogue),
        ("v19-orders", orders),
        ("v20-place-photos", placePhotos),
    ]

    /// Applies the migrations not yet applied, all in one transaction (a failed one leaves the schema as it was),
    /// under an advisory lock so that several processes starting together migrate once.
    static func migrate(_ database: PostgresDatabase) async throws {
        let schema = database.schema
        try await database.writePostgres { db in
            try await db.execute("SELECT pg_advisory_xact_lock(hashtext('zonehub.migrate.' || ?))", [schema])
            if schema != "public" { try await db.execute("CREATE SCHEMA IF NOT EXISTS \"\(schema)\"") }
            try await db.execute(
                "CREATE TABLE IF NOT EXISTS hubMigration (name text PRIMARY KEY, appliedAt timestamptz NOT NULL)")
            let applied: Set<String> = Set(try await db.values("SELECT name FROM hubMigration"))
            for migration in all where !applied.contains(migration.name) {
                do {
                    try await db.executeScript(migration.sql)
                } catch {
                    throw MigrationFailure(migration: migration.name, reason: serverMessage(error) ?? "\(error)")
                }
                try await db.execute(
                    "INSERT INTO hubMigration (name, appliedAt) VALUES (?, ?)", [migration.name, Date()])
                if migration.name == "v4-mail" {
                    var key = SystemRandomNumberGenerator()
                    let bytes = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &key) })
                    try await db.execute("INSERT INTO hubSecret (name, value) VALUES ('links', ?)", [bytes])
                }
            }
        }
    }
}

/// A migration the server refused, named with the server's reason, for the operator who runs it.
struct MigrationFailure: Error, CustomStringConvertible {
    let migration: String
    let reason: String

    var description: String { "the PostgreSQL migration \(migration) failed: \(reason)" }
}

import Storage

/// The release of zonehub: the one place its number is written. The Debian package reads it back from
/// `zonehub --version`, so a release changes this line and nothing else.
enum Version {
    static let number = "0.9.0"

    /// `zonehub 0.9.0 (schema: 15 migrations, latest v15-photos; PostgreSQL 17, latest v17-photos)`: the release and
    /// the schema it migrates to on each engine.
    static var line: String {
        let sqlite = KnownMigrations.sqlite
        let postgres = KnownMigrations.postgres
        return "zonehub \(number) (schema: \(sqlite.count) migrations, latest \(sqlite.last ?? "none"); "
            + "PostgreSQL \(postgres.count), latest \(postgres.last ?? "none"))"
    }
}

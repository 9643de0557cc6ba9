import Foundation

/// What kind of failure an error is, independent of how it reaches the user (HTTP status, CLI exit).
package enum ErrorCategory: String, Sendable {
    case notFound, invalidInput, unauthenticated, forbidden, conflict, rateLimited
}

/// An error meant for the person who caused it: every target's error type conforms, so that one middleware and one
/// CLI wrapper turn them into statuses and messages.
package protocol CategorizedError: Error, Sendable {
    var category: ErrorCategory { get }
    /// Stable snake_case code, part of the API contract.
    var code: String { get }
    /// The message in English, for the API, the CLI and the logs.
    var message: String { get }
    /// What the person is told in French, on the pages.
    var frenchMessage: String { get }
}

/// What the storage layer refuses: a database address, an export file or a target database that cannot be used.
package enum StorageError: CategorizedError, Equatable, CustomStringConvertible {
    /// A `postgres://` address that cannot be used, with what is wrong in it.
    case invalidAddress(String)
    /// An export file that is not a whole, unaltered export of this version.
    case invalidExport(String)
    /// A database holding what this version cannot read or move.
    case unreadableDatabase(String)
    /// An import into a database that already holds data (the tables named).
    case databaseNotEmpty([String])
    /// An import whose tables do not read back as the file describes them.
    case importMismatch(table: String, rows: Int, expected: Int)
    /// A key the database was created with is missing.
    case secretMissing(String)
    /// An insert that stored no row.
    case notInserted

    package var category: ErrorCategory {
        switch self {
        case .invalidAddress, .invalidExport, .unreadableDatabase: .invalidInput
        case .databaseNotEmpty, .importMismatch, .notInserted: .conflict
        case .secretMissing: .notFound
        }
    }

    package var code: String {
        switch self {
        case .invalidAddress: "invalid_database_address"
        case .invalidExport: "invalid_export"
        case .unreadableDatabase: "invalid_database"
        case .databaseNotEmpty: "database_not_empty"
        case .importMismatch: "import_mismatch"
        case .secretMissing: "secret_not_found"
        case .notInserted: "not_inserted"
        }
    }

    package var message: String {
        switch self {
        case .invalidAddress(let problem): "database_address: \(problem)"
        case .invalidExport(let problem): "export: \(problem)"
        case .unreadableDatabase(let problem): "database: \(problem)"
        case .databaseNotEmpty(let tables):
            "the target already holds data (\(tables.prefix(5).joined(separator: ", "))): import into a new hub"
        case .importMismatch(let table, let rows, let expected):
            "\(table) reads back \(rows) rows where the file has \(expected), or different values: nothing was imported"
        case .secretMissing(let name): "the database has no \(name) key"
        case .notInserted: "the row was not stored"
        }
    }

    package var frenchMessage: String {
        switch self {
        case .invalidAddress(let problem): "adresse de la base de données : \(problem)"
        case .invalidExport(let problem): "export : \(problem)"
        case .unreadableDatabase(let problem): "base de données : \(problem)"
        case .databaseNotEmpty(let tables):
            "la base cible contient déjà des données (\(tables.prefix(5).joined(separator: ", "))) : "
                + "importez dans un nouveau hub"
        case .importMismatch(let table, let rows, let expected):
            "\(table) se relit avec \(rows) lignes au lieu de \(expected), ou d’autres valeurs : rien n’a été importé"
        case .secretMissing(let name): "la clé \(name) manque dans la base"
        case .notInserted: "la ligne n’a pas été enregistrée"
        }
    }

    package var description: String { message }
}

/// A store and its schema disagree: a column missing from a result, or holding a value of another type. A defect,
/// answered as an unexpected error (a 500 with a logged cause), never a crash.
package enum SchemaMismatch: Error, CustomStringConvertible {
    case missingColumn(String)
    case unexpectedValue(column: String, value: String, expected: String)

    package var description: String {
        switch self {
        case .missingColumn(let column): "no column \(column) in the result"
        case .unexpectedValue(let column, let value, let expected): "column \(column) holds \(value), not \(expected)"
        }
    }
}

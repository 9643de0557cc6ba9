import Foundation

/// Which engine a statement runs on, for the few places where SQL really differs (named hooks below).
package enum SQLEngine: Sendable {
    case sqlite, postgres
}

/// One transaction on either engine; the stores' SQL uses `?` placeholders, `RETURNING` and `ON CONFLICT`, which
/// both engines accept, so each store is written once.
package protocol SQLTransaction: Sendable {
    var engine: SQLEngine { get }

    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int

    /// Runs a statement and returns every row of its result.
    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) async throws -> [SQLRow]
}

/// A database on either engine: every store method is one `read` or one `write`.
package protocol SQLDatabase: Sendable {
    var engine: SQLEngine { get }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> T) async throws -> T

    /// Runs a read-only block, which sees one consistent state.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> T) async throws -> T
}

extension SQLTransaction {
    @discardableResult
    package func execute(_ sql: String) async throws -> Int { try await execute(sql, []) }

    package func fetchAll(_ sql: String) async throws -> [SQLRow] { try await fetchAll(sql, []) }

    package func fetchOne(_ sql: String, _ arguments: [any SQLBindable] = []) async throws -> SQLRow? {
        try await fetchAll(sql, arguments).first
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    package func value<T: SQLReadable>(_ sql: String, _ arguments: [any SQLBindable] = []) async throws -> T? {
        try await fetchAll(sql, arguments).first?.first()
    }

    /// The first column of every row.
    package func values<T: SQLReadable>(_ sql: String, _ arguments: [any SQLBindable] = []) async throws -> [T] {
        try await fetchAll(sql, arguments).compactMap { try $0.first() }
    }

    /// Runs an INSERT and returns the new row's `id` (`RETURNING id`, which both engines accept).
    package func insert(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int64 {
        guard let id: Int64 = try await value(sql + " RETURNING id", arguments) else {
            throw StorageError.notInserted
        }
        return id
    }

    /// Runs `body` so that, when it fails, only its own statements are undone and the transaction goes on (a
    /// failed statement otherwise aborts a whole PostgreSQL transaction; SQLite keeps the same meaning).
    @discardableResult
    package func savepoint<T>(_ body: () async throws -> T) async throws -> T {
        try await execute("SAVEPOINT attempt")
        do {
            let value = try await body()
            try await execute("RELEASE SAVEPOINT attempt")
            return value
        } catch {
            try await execute("ROLLBACK TO SAVEPOINT attempt")
            try await execute("RELEASE SAVEPOINT attempt")
            throw error
        }
    }

    /// Locks `table` against other writers until the transaction ends: PostgreSQL's table lock; SQLite has one
    /// writer at a time already.
    package func lockForWriting(_ table: String) async throws {
        guard engine == .postgres else { return }
        try await execute("LOCK TABLE \(table) IN SHARE ROW EXCLUSIVE MODE")
    }

    /// Makes transactions that name the same `key` take turns until this one ends: a PostgreSQL advisory lock,
    /// for rows that do not exist yet; SQLite has one writer at a time already.
    package func takeTurns(on key: String) async throws {
        guard engine == .postgres else { return }
        try await execute("SELECT pg_advisory_xact_lock(hashtext(?))", [key])
    }

    /// ` FOR UPDATE SKIP LOCKED` on PostgreSQL, where several processes claim rows; nothing on SQLite, whose one
    /// writer claims them alone.
    package var skipLocked: String { engine == .postgres ? " FOR UPDATE SKIP LOCKED" : "" }

    /// A collation that orders text byte by byte, as SQLite does by default (` COLLATE "C"` on PostgreSQL, whose
    /// default follows the locale).
    package var bytewise: String { engine == .postgres ? " COLLATE \"C\"" : "" }

    /// An aggregate of `column`'s values as text joined by commas ('' for none), in no set order.
    package func joined(_ column: String) -> String {
        switch engine {
        case .postgres: "coalesce(string_agg(\(column)::text, ','), '')"
        case .sqlite: "coalesce(group_concat(\(column), ','), '')"
        }
    }

    /// The text at `key` of the JSON object in the text column `column`.
    package func jsonText(_ column: String, _ key: String) -> String {
        switch engine {
        case .postgres: "(\(column)::jsonb ->> '\(key)')"
        case .sqlite: "json_extract(\(column), '$.\(key)')"
        }
    }

    /// The month (`YYYY-MM`, UTC) of the date column `column`.
    package func utcMonth(_ column: String) -> String {
        switch engine {
        case .postgres: "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM')"
        // Dates are stored as UTC text, "YYYY-MM-DD HH:MM:SS.SSS".
        case .sqlite: "substr(\(column), 1, 7)"
        }
    }

    /// The JSON array in the text column `column` with the string `literal` appended.
    package func jsonAppending(_ column: String, _ literal: String) -> String {
        switch engine {
        case .postgres: "(\(column)::jsonb || '[\"\(literal)\"]'::jsonb)::text"
        case .sqlite: "json_insert(\(column), '$[#]', '\(literal)')"
        }
    }

    /// ` IN (…)` over a list of texts bound as one argument, so that a list of any length is one statement.
    package func isIn(_ values: some Collection<String>) throws -> (sql: String, argument: any SQLBindable) {
        switch engine {
        case .postgres: (" = ANY (string_to_array(?, chr(31)))", values.joined(separator: "\u{1F}"))
        case .sqlite:
            (
                " IN (SELECT value FROM json_each(?))",
                String(decoding: try JSONSerialization.data(withJSONObject: Array(values)), as: UTF8.self)
            )
        }
    }

    /// ` FOR UPDATE OF table` on PostgreSQL (locking one table's rows of a join); nothing on SQLite.
    package func forUpdate(of table: String) -> String { engine == .postgres ? " FOR UPDATE OF \(table)" : "" }

    /// ` FOR UPDATE` on PostgreSQL; nothing on SQLite, whose write transaction already excludes other writers.
    package var forUpdate: String { engine == .postgres ? " FOR UPDATE" : "" }

    /// The text `expression` folded as `String.folded` folds it (case, accents, œ and æ; every character that is not a
    /// letter or a digit as a space), for matching words that no full-text index holds: the schema's `zonehub_fold`
    /// on PostgreSQL, and on SQLite the function of that name each connection registers (`String.folded` itself).
    package func folded(_ expression: String) -> String {
        switch engine {
        case .postgres: "regexp_replace(zonehub_fold(\(expression)), '[^[:alnum:]]+', ' ', 'g')"
        case .sqlite: "zonehub_fold(\(expression))"
        }
    }

    /// Tells every process listening for changes (`observeChanges`) that `table` changed, for tables no trigger
    /// reports: a notice sent when the transaction commits on PostgreSQL; SQLite's observation sees every write.
    package func noticeChange(_ table: String) async throws {
        guard engine == .postgres else { return }
        try await execute("SELECT pg_notify('zonehub_changes', current_schema() || '.' || lower(?))", [table])
    }
}

/// What an engine refused, in the terms the stores act on.
package enum SQLRefusal: Sendable, Equatable {
    /// A row broke a unique constraint.
    case uniqueViolation
    /// A trigger refused the change with this message (`RAISE(ABORT, …)` on SQLite, `RAISE EXCEPTION` on
    /// PostgreSQL).
    case raised(String)
}

/// The refusal an engine's error stands for, if it is one the stores act on.
package protocol SQLRefusalConvertible: Error {
    var refusal: SQLRefusal? { get }
}

/// Whether `error` is an engine refusing a row that breaks a unique constraint.
package func isUniqueViolation(_ error: any Error) -> Bool {
    (error as? any SQLRefusalConvertible)?.refusal == .uniqueViolation
}

/// The message of the exception a trigger raised, if `error` is one.
package func raisedMessage(_ error: any Error) -> String? {
    guard case .raised(let message) = (error as? any SQLRefusalConvertible)?.refusal else { return nil }
    return message
}

/// Pieces of SQL the stores build.
package enum SQL {
    /// `count` placeholders separated by commas, for `IN (…)`.
    package static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

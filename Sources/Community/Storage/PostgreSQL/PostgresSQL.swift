import Foundation
import PostgresNIO

/// A value bound to a `?` of a PostgreSQL statement. Each type names its PostgreSQL type, so that a NULL is
/// sent typed (`$1::bigint`) and `? IS NULL` works as it does on SQLite.
package protocol PostgresBindable: Sendable {
    static var postgresType: String { get }
    /// The type this value is sent as; the type's own unless the value says otherwise (a typed NULL).
    var postgresTypeName: String { get }
    func bind(into bindings: inout PostgresBindings) throws
}

extension PostgresBindable {
    package var postgresTypeName: String { Self.postgresType }
}

/// A NULL of a type known only at run time (a column's, when copying rows between databases).
package struct PostgresNull: PostgresBindable {
    package static var postgresType: String { "text" }
    package let postgresTypeName: String

    package init(type: String) { postgresTypeName = type }

    package func bind(into bindings: inout PostgresBindings) throws { bindings.appendNull() }
}

extension String: PostgresBindable {
    package static var postgresType: String { "text" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(self) }
}

extension Int: PostgresBindable {
    package static var postgresType: String { "bigint" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(Int64(self)) }
}

extension Int64: PostgresBindable {
    package static var postgresType: String { "bigint" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(self) }
}

extension Bool: PostgresBindable {
    package static var postgresType: String { "boolean" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(self) }
}

extension Double: PostgresBindable {
    package static var postgresType: String { "double precision" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(self) }
}

extension Date: PostgresBindable {
    package static var postgresType: String { "timestamptz" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(self) }
}

extension Data: PostgresBindable {
    package static var postgresType: String { "bytea" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(ByteBuffer(bytes: self)) }
}

extension Identifier: PostgresBindable {
    package static var postgresType: String { "bigint" }
    package func bind(into bindings: inout PostgresBindings) throws { try bindings.append(rawValue) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    package static var postgresType: String { Wrapped.postgresType }
    package func bind(into bindings: inout PostgresBindings) throws {
        switch self {
        case .none: bindings.appendNull()
        case .some(let value): try value.bind(into: &bindings)
        }
    }
}

/// A value read from a PostgreSQL row, converted to the type the store asks for.
package enum PostgresValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case date(Date)
    case boolean(Bool)
    case bytes(Data)
}

/// A type a store reads from a column.
package protocol PostgresReadable {
    static func read(_ value: PostgresValue) -> Self?
}

extension String: PostgresReadable {
    package static func read(_ value: PostgresValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Int64: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Int64? {
        if case .integer(let number) = value { return number }
        return nil
    }
}

extension Int: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Int? { Int64.read(value).map(Int.init) }
}

extension Double: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}

extension Bool: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Bool? {
        if case .boolean(let flag) = value { return flag }
        return nil
    }
}

extension Date: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Date? {
        if case .date(let date) = value { return date }
        return nil
    }
}

extension Data: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Data? {
        if case .bytes(let data) = value { return data }
        return nil
    }
}

extension Identifier: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Identifier? { Int64.read(value).map(Identifier.init) }
}

extension Optional: PostgresReadable where Wrapped: PostgresReadable {
    package static func read(_ value: PostgresValue) -> Wrapped?? {
        if value == .null { return .some(nil) }
        return Wrapped.read(value).map { .some($0) }
    }
}

/// One row of a result, read by column name as with GRDB's `Row` (names are case-insensitive, as unquoted
/// identifiers are in PostgreSQL).
package struct PostgresRowValues: Sendable {
    private let values: [String: PostgresValue]
    /// The first column's name, for single-value queries.
    let firstColumn: String?

    init(_ row: PostgresRow) throws {
        var values: [String: PostgresValue] = [:]
        var first: String?
        for cell in row {
            let name = cell.columnName.lowercased()
            first = first ?? name
            values[name] = try Self.value(of: cell)
        }
        self.values = values
        firstColumn = first
    }

    /// The column's value; a column missing or of another type is a mismatch between the store and its schema,
    /// which the contract tests catch.
    package subscript<T: PostgresReadable>(_ column: String) -> T {
        guard let value = values[column.lowercased()] else {
            preconditionFailure("no column \(column) in the result")
        }
        guard let result = T.read(value) else { preconditionFailure("column \(column) holds \(value), not \(T.self)") }
        return result
    }

    /// The column's value as read, whatever its type (NULL when there is no such column).
    package func raw(_ column: String) -> PostgresValue { values[column.lowercased()] ?? .null }

    /// The column's value, nil when it is NULL.
    func nullable<T: PostgresReadable>(_ column: String) -> T? {
        guard let value = values[column.lowercased()], value != .null else { return nil }
        guard let result = T.read(value) else { preconditionFailure("column \(column) holds \(value), not \(T.self)") }
        return result
    }

    private static func value(of cell: PostgresCell) throws -> PostgresValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8, .numeric: return .real(try cell.decode(Double.self))
        case .bool: return .boolean(try cell.decode(Bool.self))
        case .timestamptz, .timestamp, .date: return .date(try cell.decode(Date.self))
        case .bytea: return .bytes(Data(try cell.decode(ByteBuffer.self).readableBytesView))
        default: return .text(try cell.decode(String.self))
        }
    }
}

/// A connection inside one transaction; the stores' SQL uses `?` placeholders, as on SQLite.
package struct PostgresTransaction: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    package func execute(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> Int {
        try await run(sql, arguments).metadata.rows ?? 0
    }

    /// Runs several statements without parameters (a migration), one after the other.
    package func executeScript(_ sql: String) async throws {
        for statement in Self.statements(sql) { try await execute(statement) }
    }

    /// `sql` cut at each `;` that is outside quotes and `$$` bodies.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var inBody = false
        var previous: Character?
        for character in sql {
            current.append(character)
            if inBody {
                if character == "$" && previous == "$" { inBody = false }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "$" && previous == "$" {
                inBody = true
            } else if character == ";" {
                current.removeLast()
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            }
            // A `$$` that opens or closes a body must not count its second `$` as the start of the next pair.
            previous = (character == "$" && previous == "$") ? nil : character
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }

    package func fetchAll(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> [PostgresRowValues] {
        try await run(sql, arguments).rows.map(PostgresRowValues.init)
    }

    package func fetchOne(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> PostgresRowValues? {
        try await fetchAll(sql, arguments).first
    }

    /// The first column of the first row; nil when there is no row or the value is NULL.
    package func value<T: PostgresReadable>(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws -> T?
    {
        guard let row = try await fetchAll(sql, arguments).first, let column = row.firstColumn else { return nil }
        return row.nullable(column)
    }

    /// The first column of every row.
    package func values<T: PostgresReadable>(_ sql: String, _ arguments: [any PostgresBindable] = []) async throws
        -> [T]
    {
        try await fetchAll(sql, arguments).compactMap { row in row.firstColumn.map { row[$0] } }
    }

    /// Runs an INSERT and returns the new row's `id`.
    package func insert(_ sql: String, _ arguments: [any PostgresBindable]) async throws -> Int64 {
        guard let id: Int64 = try await value(sql + " RETURNING id", arguments) else {
            throw CommunityError.conflict("not_inserted", "the row was not stored")
        }
        return id
    }

    private func run(_ sql: String, _ arguments: [any PostgresBindable]) async throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { try argument.bind(into: &bindings) }
        let query = PostgresQuery(
            unsafeSQL: Self.numbered(sql, types: arguments.map(\.postgresTypeName)), binds: bindings)
        return try await connection.query(query, logger: logger).get()
    }

    /// Rewrites `?` placeholders (outside quotes) as `$1::type`, `$2::type`, … so every parameter is typed.
    static func numbered(_ sql: String, types: [String]) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + types.count * 12)
        var index = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                let type = index < types.count ? types[index] : "text"
                index += 1
                result += "$\(index)::\(type)"
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// Whether `error` is PostgreSQL refusing a row that breaks a unique constraint.
package func isUniqueViolation(_ error: any Error) -> Bool {
    (error as? PSQLError)?.serverInfo?[.sqlState] == "23505"
}

extension PostgresTransaction {
    /// Appends an audit entry; called inside the write transaction whose change it records.
    func appendAudit(
        action: String, subject: String, actor: User.ID?, zone: Zone.ID?, at date: Date, details: [String: String] = [:]
    ) async throws {
        let data = try JSONSerialization.data(withJSONObject: details, options: [.sortedKeys])
        try await execute(
            "INSERT INTO auditEntry (at, actorId, zoneId, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)",
            [date, actor, zone, action, subject, String(decoding: data, as: UTF8.self)])
    }

    /// `count` placeholders separated by commas, for `IN (…)`.
    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

extension PostgresTransaction {
    /// Runs `body` so that, when it fails, only its own statements are undone and the transaction goes on (a
    /// failed statement otherwise aborts the whole PostgreSQL transaction).
    @discardableResult
    func savepoint<T>(_ body: () async throws -> T) async throws -> T {
        try await execute("SAVEPOINT attempt")
        do {
            let value = try await body()
            try await execute("RELEASE SAVEPOINT attempt")
            return value
        } catch {
            try await execute("ROLLBACK TO SAVEPOINT attempt")
            throw error
        }
    }
}

/// The server's own message for a statement it refused, if `error` is one (postgres-nio keeps it out of the error's
/// description).
func serverMessage(_ error: any Error) -> String? {
    guard let error = error as? PSQLError, let message = error.serverInfo?[.message] else { return nil }
    return [message, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: ": ")
}

/// The message of the exception a PostgreSQL trigger raised, if `error` is one.
func raisedMessage(_ error: any Error) -> String? {
    guard let error = error as? PSQLError, error.serverInfo?[.sqlState] == "P0001" else { return nil }
    return error.serverInfo?[.message]
}

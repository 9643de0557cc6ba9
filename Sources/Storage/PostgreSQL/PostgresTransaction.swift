import Foundation
import PostgresNIO

/// The PostgreSQL engine behind `SQLTransaction`: values bound and read in PostgreSQL's own types.
enum PostgresValues {
    /// A row of a result, with each cell in the form `SQLReadable` types accept.
    static func row(_ row: PostgresRow) throws -> SQLRow {
        var columns: [String] = []
        var values: [SQLValue] = []
        for cell in row {
            columns.append(cell.columnName.lowercased())
            values.append(try value(of: cell))
        }
        return SQLRow(columns: columns, values: values)
    }

    private static func value(of cell: PostgresCell) throws -> SQLValue {
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

    static func bind(_ value: SQLValue, into bindings: inout PostgresBindings) {
        switch value {
        case .null: bindings.appendNull()
        case .integer(let number): bindings.append(number)
        case .real(let number): bindings.append(number)
        case .text(let text): bindings.append(text)
        case .date(let date): bindings.append(date)
        case .boolean(let flag): bindings.append(flag)
        case .bytes(let data): bindings.append(ByteBuffer(bytes: data))
        }
    }
}

/// A connection inside one transaction; the stores' SQL uses `?` placeholders, as on SQLite.
package struct PostgresTransaction: SQLTransaction, @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger

    package var engine: SQLEngine { .postgres }

    /// Runs a statement; returns the number of rows it changed.
    @discardableResult
    package func execute(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int {
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

    package func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) async throws -> [SQLRow] {
        try await run(sql, arguments).rows.map(PostgresValues.row)
    }

    private func run(_ sql: String, _ arguments: [any SQLBindable]) async throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { PostgresValues.bind(argument.sqlValue, into: &bindings) }
        let query = PostgresQuery(
            unsafeSQL: Self.numbered(sql, types: arguments.map(\.boundType.rawValue)), binds: bindings)
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

extension PSQLError: SQLRefusalConvertible {
    package var refusal: SQLRefusal? {
        switch serverInfo?[.sqlState] {
        case "23505": .uniqueViolation
        case "P0001": .raised(serverInfo?[.message] ?? "")
        default: nil
        }
    }
}

/// The server's own message for a statement it refused, if `error` is one (postgres-nio keeps it out of the error's
/// description).
func serverMessage(_ error: any Error) -> String? {
    guard let error = error as? PSQLError, let message = error.serverInfo?[.message] else { return nil }
    return [message, error.serverInfo?[.detail]].compactMap { $0 }.joined(separator: ": ")
}

import Foundation

/// One row of a result, read by column name on either engine (names are case-insensitive, as unquoted identifiers
/// are in PostgreSQL).
package struct SQLRow: Sendable {
    /// The columns' names, lower-cased, in the order of the result.
    package let columns: [String]
    package let values: [SQLValue]

    /// A row of `values` under `columns`, which the driver lower-cases once for the whole result.
    package init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The column's value as the store expects it; a missing column or a value of another type is a mismatch
    /// between the store and its schema, reported as an error rather than a crash.
    package subscript<T: SQLReadable>(_ column: String) -> T {
        get throws {
            guard let value = value(column) else { throw SchemaMismatch.missingColumn(column) }
            guard let result = T.read(value) else {
                throw SchemaMismatch.unexpectedValue(column: column, value: "\(value)", expected: "\(T.self)")
            }
            return result
        }
    }

    /// The column's value as read, whatever its type (NULL when there is no such column).
    package func raw(_ column: String) -> SQLValue { value(column) ?? .null }

    /// The first column's value, nil when the row has no column or the value is NULL.
    func first<T: SQLReadable>() throws -> T? {
        guard let name = columns.first else { return nil }
        return try self[name] as T?
    }

    private func value(_ column: String) -> SQLValue? {
        let wanted = column.lowercased()
        guard let index = columns.firstIndex(of: wanted) else { return nil }
        return values[index]
    }
}

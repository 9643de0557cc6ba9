import Foundation
import GRDB

/// A value as it crosses between a store and either engine: bound to a `?` of a statement, or read from a column.
package enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case date(Date)
    case boolean(Bool)
    case bytes(Data)
}

/// The type a bound value is sent as. PostgreSQL needs it for a NULL (`$1::bigint IS NULL`); SQLite ignores it.
package enum SQLType: String, Sendable {
    case integer = "bigint"
    case real = "double precision"
    case text
    case date = "timestamptz"
    case boolean
    case bytes = "bytea"
}

/// A value a store binds to a `?` placeholder, on either engine.
package protocol SQLBindable: Sendable {
    static var sqlType: SQLType { get }
    /// The type this value is sent as; the type's own unless the value says otherwise (a typed NULL).
    var boundType: SQLType { get }
    var sqlValue: SQLValue { get }
}

extension SQLBindable {
    package var boundType: SQLType { Self.sqlType }
}

/// A NULL of a type known only at run time (a column's, when copying rows between databases).
package struct SQLNull: SQLBindable {
    package static var sqlType: SQLType { .text }
    package let boundType: SQLType
    package var sqlValue: SQLValue { .null }

    package init(type: SQLType) { boundType = type }
}

extension String: SQLBindable {
    package static var sqlType: SQLType { .text }
    package var sqlValue: SQLValue { .text(self) }
}

extension Int: SQLBindable {
    package static var sqlType: SQLType { .integer }
    package var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    package static var sqlType: SQLType { .integer }
    package var sqlValue: SQLValue { .integer(self) }
}

extension Bool: SQLBindable {
    package static var sqlType: SQLType { .boolean }
    package var sqlValue: SQLValue { .boolean(self) }
}

extension Double: SQLBindable {
    package static var sqlType: SQLType { .real }
    package var sqlValue: SQLValue { .real(self) }
}

extension Date: SQLBindable {
    package static var sqlType: SQLType { .date }
    package var sqlValue: SQLValue { .date(self) }
}

extension Data: SQLBindable {
    package static var sqlType: SQLType { .bytes }
    package var sqlValue: SQLValue { .bytes(self) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    package static var sqlType: SQLType { Wrapped.sqlType }
    package var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A type a store reads from a column. Each engine hands over its own storage (SQLite keeps dates as text and
/// flags as integers, PostgreSQL has types for both), and each type accepts the forms it may arrive in.
package protocol SQLReadable {
    static func read(_ value: SQLValue) -> Self?
}

extension String: SQLReadable {
    package static func read(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Int64: SQLReadable {
    package static func read(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): number
        case .boolean(let flag): flag ? 1 : 0
        default: nil
        }
    }
}

extension Int: SQLReadable {
    package static func read(_ value: SQLValue) -> Int? { Int64.read(value).map(Int.init) }
}

extension Double: SQLReadable {
    package static func read(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }
}

extension Bool: SQLReadable {
    package static func read(_ value: SQLValue) -> Bool? {
        switch value {
        case .boolean(let flag): flag
        case .integer(let number): number != 0
        default: nil
        }
    }
}

extension Date: SQLReadable {
    package static func read(_ value: SQLValue) -> Date? {
        switch value {
        case .date(let date): date
        // SQLite: the text GRDB writes ("yyyy-MM-dd HH:mm:ss.SSS", UTC), or seconds since 1970.
        case .text(let text): Date.fromDatabaseValue(text.databaseValue)
        case .integer(let seconds): Date(timeIntervalSince1970: Double(seconds))
        case .real(let seconds): Date(timeIntervalSince1970: seconds)
        default: nil
        }
    }
}

extension Data: SQLReadable {
    package static func read(_ value: SQLValue) -> Data? {
        switch value {
        case .bytes(let data): data
        case .text(let text): Data(text.utf8)
        default: nil
        }
    }
}

extension Optional: SQLReadable where Wrapped: SQLReadable {
    package static func read(_ value: SQLValue) -> Wrapped?? {
        if value == .null { return .some(nil) }
        return Wrapped.read(value).map { .some($0) }
    }
}

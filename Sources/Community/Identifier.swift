import Foundation
import GRDB

/// A typed database identifier: `Identifier<Zone>` and `Identifier<Post>` cannot be swapped by mistake.
package struct Identifier<Owner>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    DatabaseValueConvertible
{
    package let rawValue: Int64

    package init(_ rawValue: Int64) { self.rawValue = rawValue }

    package init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    package var description: String { String(rawValue) }
    package var databaseValue: DatabaseValue { rawValue.databaseValue }

    package static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Identifier? {
        Int64.fromDatabaseValue(dbValue).map(Identifier.init)
    }

    package static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

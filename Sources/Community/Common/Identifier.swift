import Foundation
import Storage

/// A typed database identifier: `Identifier<Zone>` and `Identifier<Post>` cannot be swapped by mistake.
package struct Identifier<Owner>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
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
    package static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: SQLBindable {
    package static var sqlType: SQLType { .integer }
    package var sqlValue: SQLValue { .integer(rawValue) }
}

extension Identifier: SQLReadable {
    package static func read(_ value: SQLValue) -> Identifier? { Int64.read(value).map(Identifier.init) }
}

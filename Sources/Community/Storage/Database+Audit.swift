import Foundation
import GRDB

extension Database {
    /// Appends an audit entry; called inside the write transaction whose change it records.
    func appendAudit(
        action: String, subject: String, actor: User.ID?, zone: Zone.ID?, at date: Date, details: [String: String] = [:]
    ) throws {
        let data = try JSONSerialization.data(withJSONObject: details, options: [.sortedKeys])
        try cachedStatement(
            sql: "INSERT INTO auditEntry (at, actorId, zoneId, action, subject, details) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [date, actor, zone, action, subject, String(decoding: data, as: UTF8.self)])
    }
}

/// JSON columns are written and read with one configuration, so stored documents compare byte for byte.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }
}

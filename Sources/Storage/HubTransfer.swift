import Foundation
import GRDB

/// Moves a hub between databases of either engine: `export` writes every table's rows to a file of JSON lines,
/// `import` loads such a file into a new, empty hub in one transaction and checks, before it commits, that every
/// table holds the same rows as the file (counts and an order-independent checksum of each row's values).
package enum HubTransfer {
    /// The hub's tables in an order that keeps foreign keys satisfied. Search indexes are left out: the target's
    /// triggers build them again from the rows.
    static let tables = [
        "zone", "commune", "user", "userZone", "session", "merchant", "merchantZone", "merchantCategory", "post",
        "auditEntry", "zoneRules", "merchantTrust", "decision", "report", "hubSecret", "subscription",
        "subscriptionZone", "consentEvent", "suppression", "outboxMessage", "digestRun", "popUpOrganiser",
        "popUpVenue", "popUpSeries", "popUpSlot", "popUpBooking", "market", "marketApplication", "marketOffer",
        "accountToken", "signUp", "invitation", "listingClaim", "noticePreference",
        "postReach", "listingReach", "bounce", "photo", "photoVariant", "merchantPhoto", "postPhoto",
        "popUpVenuePhoto", "marketPhoto",
        "product", "productPhoto", "collectionWindow", "preOrderCampaign", "campaignProduct", "orderRequest",
        "orderLine",
    ]
    /// Tables each engine keeps for itself (migration records, search indexes) or that a move leaves behind (rate
    /// limit counts, which expire within the hour).
    static let engineTables: Set<String> = [
        "grdb_migrations", "hubmigration", "searchentry", "merchantsearch", "postsearch", "throttlecount",
    ]
    static let format = "zonehub-export"

    /// One table's share of a file: its columns (as the source names them, with their kinds) and its rows.
    package struct TableSummary: Codable, Equatable, Sendable {
        package let name: String
        package let columns: [Column]
        package var rows: Int
        package var checksum: String
    }

    package struct Column: Codable, Equatable, Sendable {
        package let name: String
        package let kind: Kind
    }

    /// What a column holds, the same on both engines: SQLite's INTEGER 0/1 and PostgreSQL's boolean are both
    /// `integer`; dates are milliseconds since 1970, the precision SQLite keeps.
    package enum Kind: String, Codable, Sendable {
        case integer, real, text, date, bytes
    }

    /// A value as written to the file and compared after the import.
    enum Value: Equatable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case date(Int64)
        case bytes(Data)

        var json: Any {
            switch self {
            case .null: NSNull()
            case .integer(let number), .date(let number): NSNumber(value: number)
            case .real(let number): NSNumber(value: number)
            case .text(let text): text
            case .bytes(let data): data.base64EncodedString()
            }
        }

        static func from(json: Any, kind: Kind) throws -> Value {
            if json is NSNull { return .null }
            switch kind {
            case .integer, .date:
                guard let number = json as? NSNumber else {
                    throw StorageError.invalidExport("an integer column holds \(json)")
                }
                return kind == .date ? .date(number.int64Value) : .integer(number.int64Value)
            case .real:
                guard let number = json as? NSNumber else { throw StorageError.invalidExport("bad number") }
                return .real(number.doubleValue)
            case .text:
                guard let text = json as? String else { throw StorageError.invalidExport("bad text \(json)") }
                return .text(text)
            case .bytes:
                guard let text = json as? String, let data = Data(base64Encoded: text) else {
                    throw StorageError.invalidExport("bad bytes")
                }
                return .bytes(data)
            }
        }

        /// Bytes that stand for the value in a row's checksum, unambiguous across kinds.
        var digestText: String {
            switch self {
            case .null: "n;"
            case .integer(let number): "i\(number);"
            case .real(let number): "r\(number.bitPattern);"
            case .text(let text): "t\(text.utf8.count):\(text);"
            case .date(let milliseconds): "d\(milliseconds);"
            case .bytes(let data): "b\(data.base64EncodedString());"
            }
        }
    }

    /// An order-independent checksum of rows: the wrapping sums of two 64-bit FNV-1a hashes of each row.
    struct Checksum {
        private var first: UInt64 = 0
        private var second: UInt64 = 0

        mutating func add(_ row: [Value]) {
            var one: UInt64 = 0xcbf2_9ce4_8422_2325
            var two: UInt64 = 0x6c62_272e_07bb_0142
            for byte in row.map(\.digestText).joined().utf8 {
                one = (one ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                two = (two ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
            }
            first = first &+ one
            second = second &+ two
        }

        var text: String { String(format: "%016llx%016llx", first, second) }
    }

    /// A summary of a whole transfer, for the command's report.
    package struct Report: Sendable {
        package let engine: String
        package let tables: [TableSummary]
        package var rows: Int { tables.reduce(0) { $0 + $1.rows } }
    }

    // MARK: - Export

    /// Writes every table of `database` to `file` (JSON lines: one per row, then a last line with each table's
    /// columns, count and checksum). Reads in one transaction, so the file is one consistent state of the hub.
    package static func export(_ database: HubDatabase, to file: URL) async throws -> Report {
        let tables = try await read(database)
        var lines: [String] = []
        for (summary, rows) in tables {
            for row in rows {
                lines.append(try line(["table": summary.name, "values": row.map(\.json)]))
            }
        }
        let summaries = tables.map(\.0)
        lines.append(
            try line([
                "format": format, "version": 1, "engine": database.engineName,
                "tables": try JSONSerialization.jsonObject(with: JSONEncoder().encode(summaries)),
            ]))
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: temporary)
        _ = try? FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: temporary, to: file)
        return Report(engine: database.engineName, tables: summaries)
    }

    private static func line(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Every table's summary and rows, read in one transaction.
    static func read(_ database: HubDatabase) async throws -> [(TableSummary, [[Value]])] {
        switch database {
        case .sqlite(let database):
            return try await database.readGRDB { db in
                try checkTables(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                return try tables.map { try rows(of: $0, columns: nil, sqlite: db) }
            }
        case .postgres(let database):
            return try await database.read { db in
                try checkTables(try await postgresTables(db))
                var result: [(TableSummary, [[Value]])] = []
                for table in tables { result.append(try await rows(of: table, columns: nil, postgres: db)) }
                return result
            }
        }
    }

    /// A table's rows, with the values of `columns` in that order (the file's, when checking an import; else
    /// the table's own); fails when the table's columns are not those.
    static func rows(of table: String, columns wanted: [Column]?, sqlite db: Database) throws
        -> (TableSummary, [[Value]])
    {
        let columns = try matching(wanted, try sqliteColumns(table, db), table: table)
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { row in
            try columns.map { try value(row[$0.name] as DatabaseValue, kind: $0.kind) }
        }
        return (summary(table, columns, rows), rows)
    }

    static func sqliteColumns(_ table: String, _ db: Database) throws -> [Column] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row in
            Column(name: row["name"], kind: kind(sqlite: row["type"]))
        }
    }

    static func rows(of table: String, columns wanted: [Column]?, postgres db: any SQLTransaction) async throws
        -> (TableSummary, [[Value]])
    {
        let own = try await postgresColumns(table, db).map { Column(name: $0.name, kind: $0.kind) }
        let columns = try matching(wanted, own, table: table)
        let rows = try await db.fetchAll("SELECT * FROM \(quoted(table))").map { row in
            try columns.map { try value(row.raw($0.name), kind: $0.kind) }
        }
        return (summary(table, columns, rows), rows)
    }

    /// `wanted` when the table has exactly those columns (names compared without case), else the table's own.
    static func matching(_ wanted: [Column]?, _ own: [Column], table: String) throws -> [Column] {
        guard let wanted else { return own }
        let ownKinds = Dictionary(own.map { ($0.name.lowercased(), $0.kind) }, uniquingKeysWith: { first, _ in first })
        guard Set(wanted.map { $0.name.lowercased() }) == Set(ownKinds.keys),
            wanted.allSatisfy({ ownKinds[$0.name.lowercased()] == $0.kind })
        else {
            throw StorageError.invalidExport("the columns of \(table) in the export are not this hub's")
        }
        return wanted
    }

    static func postgresTables(_ db: any SQLTransaction) async throws -> [String] {
        try await db.values(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE'")
    }

    /// Refuses a database with tables this version does not know how to move (a newer schema), rather than leave
    /// them behind.
    static func checkTables(_ names: [String]) throws {
        let known = Set(tables.map { $0.lowercased() }).union(engineTables)
        let unknown = names.map { $0.lowercased() }.filter { name in
            // FTS5 keeps each index in shadow tables named after it (merchantSearch_data, …).
            !known.contains(name) && !name.hasPrefix("sqlite_")
                && !engineTables.contains { name.hasPrefix($0 + "_") }
        }
        guard unknown.isEmpty else {
            throw StorageError.unreadableDatabase(
                "tables this zonehub cannot move: \(unknown.sorted().joined(separator: ", "))")
        }
    }

    static func summary(_ table: String, _ columns: [Column], _ rows: [[Value]]) -> TableSummary {
        var checksum = Checksum()
        for row in rows { checksum.add(row) }
        return TableSummary(name: table, columns: columns, rows: rows.count, checksum: checksum.text)
    }

    static func kind(sqlite declared: String) -> Kind {
        switch declared.uppercased() {
        case "INTEGER": .integer
        case "REAL": .real
        case "DATETIME": .date
        case "BLOB": .bytes
        default: .text
        }
    }

    /// The type a value of the column is bound as (a NULL included), from the column's type as `information_schema`
    /// names it.
    static func sqlType(postgres type: String) -> SQLType {
        switch type {
        case "bigint", "integer", "smallint": .integer
        case "double precision", "real", "numeric": .real
        case "boolean": .boolean
        case "timestamp with time zone", "timestamp without time zone": .date
        case "bytea": .bytes
        default: .text
        }
    }

    /// The kind an export records for the column: flags are exported as integers, as SQLite stores them.
    static func kind(postgres type: String) -> Kind {
        switch sqlType(postgres: type) {
        case .integer, .boolean: .integer
        case .real: .real
        case .date: .date
        case .bytes: .bytes
        case .text: .text
        }
    }

    static func value(_ stored: DatabaseValue, kind: Kind) throws -> Value {
        switch stored.storage {
        case .null: return .null
        case .int64(let number): return kind == .date ? .date(number * 1000) : .integer(number)
        case .double(let number): return kind == .integer ? .integer(Int64(number)) : .real(number)
        case .blob(let data): return .bytes(data)
        case .string(let text):
            guard kind == .date else { return .text(text) }
            guard let date = Date.fromDatabaseValue(stored) else {
                throw StorageError.unreadableDatabase("unreadable date '\(text.prefix(40))'")
            }
            return .date(milliseconds(date))
        }
    }

    static func value(_ stored: SQLValue, kind: Kind) throws -> Value {
        switch stored {
        case .null: return .null
        case .integer(let number): return .integer(number)
        case .boolean(let flag): return .integer(flag ? 1 : 0)
        case .real(let number): return .real(number)
        case .text(let text): return .text(text)
        case .bytes(let data): return .bytes(data)
        case .date(let date): return .date(milliseconds(date))
        }
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func quoted(_ table: String) -> String { table == "user" ? "\"user\"" : table }

    static func postgresColumns(_ table: String, _ db: any SQLTransaction) async throws
        -> [(name: String, kind: Kind, type: String)]
    {
        try await db.fetchAll(
            """
            SELECT column_name::text AS name, data_type::text AS type FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER'
            ORDER BY ordinal_position
            """, [table.lowercased()]
        ).map { (name: try $0["name"], kind: kind(postgres: try $0["type"]), type: try $0["type"]) }
    }
}

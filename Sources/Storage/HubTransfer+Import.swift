import Foundation
import GRDB

/// Moves a hub between databases of either engine: `export` writes every table's rows to a file of JSON lines,
/// `import` loads such a file into a new, empty hub in one transaction and checks, before it commits, that every
/// table holds the same rows as the file (counts and an order-independent checksum of each row's values).
extension HubTransfer {

    /// Loads `file` into `database`, which must be a new hub (migrated, with no zone, account or row of its own
    /// beyond its link key, which the file's replaces), in one transaction that commits only when every table reads
    /// back as the file describes it. A file that is cut short or altered is refused before anything is written.
    package static func importing(_ file: URL, into database: HubDatabase) async throws -> Report {
        let (summaries, rows) = try parse(file)
        switch database {
        case .sqlite(let database):
            try await database.writeGRDB { db in
                try checkTables(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                try refuseUnlessEmpty { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
                try db.execute(sql: "DELETE FROM hubSecret")
                for summary in summaries {
                    _ = try matching(summary.columns, try sqliteColumns(summary.name, db), table: summary.name)
                    let names = summary.columns.map(\.name)
                    let statement = try db.makeStatement(
                        sql: "INSERT INTO \(summary.name) (\(names.joined(separator: ", "))) VALUES "
                            + "(\(databaseQuestionMarks(count: names.count)))")
                    for row in rows[summary.name] ?? [] {
                        try statement.execute(arguments: StatementArguments(row.map(sqliteArgument)))
                    }
                }
                try verify(
                    summaries,
                    against: try summaries.map { try Self.rows(of: $0.name, columns: $0.columns, sqlite: db).0 })
            }
        case .postgres(let database):
            try await database.write { db in
                try checkTables(try await postgresTables(db))
                var counts: [String: Int] = [:]
                for table in tables {
                    counts[table] = try await db.value("SELECT count(*) FROM \(quoted(table))") ?? 0
                }
                try refuseUnlessEmpty { counts[$0] ?? 0 }
                try await db.execute("DELETE FROM hubSecret")
                for summary in summaries {
                    let columns = try await postgresColumns(summary.name, db)
                    _ = try matching(
                        summary.columns, columns.map { Column(name: $0.name, kind: $0.kind) }, table: summary.name)
                    let target = Dictionary(
                        columns.map { ($0.name.lowercased(), $0.type) }, uniquingKeysWith: { first, _ in first })
                    let types = summary.columns.map { target[$0.name.lowercased()] ?? "text" }
                    let columnList = summary.columns.map { $0.name.lowercased() }.joined(separator: ", ")
                    let tableRows = rows[summary.name] ?? []
                    // Many rows a statement, within PostgreSQL's limit on parameters.
                    let perStatement = max(1, 20_000 / max(1, types.count))
                    var start = 0
                    while start < tableRows.count {
                        let batch = tableRows[start..<min(start + perStatement, tableRows.count)]
                        let marks = "(" + SQL.marks(types.count) + ")"
                        try await db.execute(
                            "INSERT INTO \(quoted(summary.name)) (\(columnList)) OVERRIDING SYSTEM VALUE VALUES "
                                + Array(repeating: marks, count: batch.count).joined(separator: ", "),
                            batch.flatMap { row in zip(row, types).map { postgresArgument($0, type: $1) } })
                        start += batch.count
                    }
                    if target["id"] == "bigint" {
                        try await db.execute(
                            "SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, false) FROM "
                                + quoted(summary.name), [quoted(summary.name)])
                    }
                }
                var found: [TableSummary] = []
                for summary in summaries {
                    found.append(try await Self.rows(of: summary.name, columns: summary.columns, postgres: db).0)
                }
                try verify(summaries, against: found)
            }
        }
        return Report(engine: database.engineName, tables: summaries)
    }

    /// The file's tables and rows, checked against its last line before anything is written.
    static func parse(_ file: URL) throws -> ([TableSummary], [String: [[Value]]]) {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw StorageError.invalidExport("cannot read \(file.path) as text")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let last = lines.last,
            let trailer = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any],
            trailer["format"] as? String == format, let tableList = trailer["tables"]
        else { throw StorageError.invalidExport("\(file.lastPathComponent) is not a whole zonehub export") }
        guard trailer["version"] as? Int == 1 else {
            throw StorageError.invalidExport("this export's version is not one this zonehub reads")
        }
        let summaries = try JSONDecoder().decode(
            [TableSummary].self, from: JSONSerialization.data(withJSONObject: tableList))
        guard summaries.map(\.name) == tables else {
            throw StorageError.invalidExport("the export's tables are not this zonehub's")
        }
        let kinds = Dictionary(uniqueKeysWithValues: summaries.map { ($0.name, $0.columns.map(\.kind)) })
        var rows: [String: [[Value]]] = [:]
        for (number, line) in lines.dropLast().enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let table = object["table"] as? String, let values = object["values"] as? [Any],
                let columns = kinds[table], columns.count == values.count
            else { throw StorageError.invalidExport("line \(number + 1) is not a row of a known table") }
            rows[table, default: []].append(try zip(values, columns).map { try Value.from(json: $0, kind: $1) })
        }
        for summary in summaries {
            let found = rows[summary.name] ?? []
            var checksum = Checksum()
            for row in found { checksum.add(row) }
            guard found.count == summary.rows, checksum.text == summary.checksum else {
                throw StorageError.invalidExport(
                    "\(summary.name) holds \(found.count) rows that do not match the file's record of it")
            }
        }
        return (summaries, rows)
    }

    private static func refuseUnlessEmpty(_ count: (String) throws -> Int) throws {
        var used: [String] = []
        for table in tables where table != "hubSecret" {
            if try count(table) > 0 { used.append(table) }
        }
        guard used.isEmpty else {
            throw StorageError.databaseNotEmpty(used)
        }
    }

    private static func verify(_ expected: [TableSummary], against found: [TableSummary]) throws {
        for (want, have) in zip(expected, found) where (want.rows, want.checksum) != (have.rows, have.checksum) {
            throw StorageError.importMismatch(table: want.name, rows: have.rows, expected: want.rows)
        }
    }

    private static func sqliteArgument(_ value: Value) -> DatabaseValue {
        switch value {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .bytes(let data): data.databaseValue
        case .date(let milliseconds): Date(timeIntervalSince1970: Double(milliseconds) / 1000).databaseValue
        }
    }

    private static func postgresArgument(_ value: Value, type: String) -> any SQLBindable {
        switch value {
        case .null: return SQLNull(type: sqlType(postgres: type))
        case .integer(let number): return type == "boolean" ? number != 0 : number
        case .real(let number): return number
        case .text(let text): return text
        case .bytes(let data): return data
        case .date(let milliseconds): return Date(timeIntervalSince1970: Double(milliseconds) / 1000)
        }
    }
}

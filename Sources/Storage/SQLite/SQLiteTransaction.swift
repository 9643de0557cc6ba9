import Foundation
import GRDB

/// The SQLite engine behind `SQLDatabase`: GRDB's writer for transactions that write, its pool of readers for
/// those that read.
///
/// A store's transaction is async (so that one implementation serves PostgreSQL too) while GRDB runs a transaction
/// inside one synchronous closure on its connection's own queue. The closure serves the store's body and its
/// statements through a `StatementChannel` until the body ends, then commits or rolls back. That queue is GRDB's,
/// never a cooperative thread, and only one writing transaction holds the writer at a time, as before.
extension SQLiteDatabase: SQLDatabase {
    package var engine: SQLEngine { .sqlite }

    package func write<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> T)
        async throws -> T
    {
        let channel = StatementChannel()
        let finished = Outcome()
        writer.asyncWrite(
            { db in
                guard channel.serve(db) else { throw RolledBack() }
            },
            completion: { _, result in
                // Statements sent after the end (or when the transaction could not begin) fail instead of waiting.
                channel.refuse(result.failure ?? StatementChannel.Ended())
                finished.complete(result)
            })
        return try await run(body, on: channel, finished: finished)
    }

    package func read<T: Sendable>(_ body: @escaping @Sendable (any SQLTransaction) async throws -> T)
        async throws -> T
    {
        try await readGate.run {
            let channel = StatementChannel()
            let finished = Outcome()
            writer.asyncRead { result in
                switch result {
                case .success(let db):
                    _ = channel.serve(db)
                    channel.refuse(StatementChannel.Ended())
                    finished.complete(.success(()))
                case .failure(let error):
                    channel.refuse(error)
                    finished.complete(.failure(error))
                }
            }
            return try await run(body, on: channel, finished: finished)
        }
    }

    /// Runs `body` on the connection's thread (the channel is its executor), then ends the transaction: committed
    /// when the body returned, rolled back when it threw. The channel is closed before the task leaves the
    /// connection's thread, so the commit never waits for a cooperative thread to be free; the task awaits the end
    /// of the transaction before it leaves the channel's preference, so that it is resumed on a cooperative thread
    /// once, when the transaction has ended, instead of once when the body returns and again when it commits.
    private func run<T: Sendable>(
        _ body: @Sendable (any SQLTransaction) async throws -> T, on channel: StatementChannel, finished: Outcome
    ) async throws -> T {
        let outcome: Result<T, any Error> = await withTaskExecutorPreference(channel) {
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await body(SQLiteTransaction(channel: channel)))
            } catch {
                outcome = .failure(error)
            }
            channel.close(commit: outcome.failure == nil)
            do {
                try await finished.value()
                return outcome
            } catch {
                // A body that threw keeps its own error; one that returned fails with the commit's.
                return outcome.failure == nil ? .failure(error) : outcome
            }
        }
        return try outcome.get()
    }

    /// Thrown inside GRDB's transaction closure so that GRDB rolls the transaction back.
    private struct RolledBack: Error {}
}

/// A transaction on SQLite: each statement runs on the connection that holds the transaction.
struct SQLiteTransaction: SQLTransaction {
    let channel: StatementChannel

    var engine: SQLEngine { .sqlite }

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLBindable]) async throws -> Int {
        let bound = Self.arguments(arguments)
        return try await channel.run { db in
            if bound.isEmpty {
                // Possibly several statements (a script); nothing to bind.
                try db.execute(sql: sql)
            } else {
                try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(bound))
            }
            return db.changesCount
        }
    }

    func fetchAll(_ sql: String, _ arguments: [any SQLBindable]) async throws -> [SQLRow] {
        let bound = Self.arguments(arguments)
        return try await channel.run { db in
            let statement = try db.cachedStatement(sql: sql)
            let columns = statement.columnNames.map { $0.lowercased() }
            var rows: [SQLRow] = []
            let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(bound))
            while let row = try cursor.next() {
                rows.append(SQLRow(columns: columns, values: row.databaseValues.map(Self.value)))
            }
            return rows
        }
    }

    private static func arguments(_ arguments: [any SQLBindable]) -> [DatabaseValue] {
        arguments.map { argument in
            switch argument.sqlValue {
            case .null: .null
            case .integer(let number): number.databaseValue
            case .real(let number): number.databaseValue
            case .text(let text): text.databaseValue
            // The text GRDB writes for a date, so that rows written before and after compare and sort alike.
            case .date(let date): date.databaseValue
            case .boolean(let flag): flag.databaseValue
            case .bytes(let data): data.databaseValue
            }
        }
    }

    private static func value(_ stored: DatabaseValue) -> SQLValue {
        switch stored.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob(let data): .bytes(data)
        }
    }
}

extension DatabaseError: SQLRefusalConvertible {
    package var refusal: SQLRefusal? {
        switch extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: .uniqueViolation
        case .SQLITE_CONSTRAINT_TRIGGER: .raised(message ?? "")
        default: nil
        }
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

import Dispatch
import Foundation
import Testing

@testable import Storage

/// The SQLite driver runs a store's async transaction inside GRDB's own: on the connection's queue, committed or
/// rolled back as a whole, and never waiting on a cooperative thread while it holds the connection.
@Suite struct SQLiteTransactionTests {
    private static func database() throws -> SQLiteDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-\(UUID().uuidString)")
        return try SQLiteDatabase(path: folder.appendingPathComponent("hub.sqlite").path)
    }

    /// The threads a body ran on before, between and after its statements, and the thread its statements ran on.
    private static func threads(_ db: any SQLTransaction) async throws -> [pthread_t] {
        let connection = try #require(db as? SQLiteTransaction).channel
        let before = pthread_self()
        let statement = try await connection.run { _ in pthread_self() }
        try await db.execute("SELECT 1")
        let between = pthread_self()
        _ = try await db.fetchAll("SELECT 2")
        return [before, between, pthread_self(), statement]
    }

    @Test func aStoreBodyRunsOnTheThreadOfItsConnectionFromFirstStatementToLast() async throws {
        let database = try Self.database()
        let written = try await database.write { db in try await Self.threads(db) }
        #expect(Set(written).count == 1, "the body and its statements ran on one thread: \(written)")
        let read = try await database.read { db in try await Self.threads(db) }
        #expect(Set(read).count == 1, "the body and its statements ran on one thread: \(read)")
        let outside = pthread_self()
        #expect(!written.contains(outside) || !read.contains(outside))
    }

    @Test func aBodyThatThrowsLeavesNothingBehind() async throws {
        let database = try Self.database()
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await database.write { db in
                try await db.execute("INSERT INTO hubSecret (name, value) VALUES ('probe', ?)", [Data(repeating: 1, count: 32)])
                throw Refused()
            }
        }
        let left: Int? = try await database.read { db in
            try await db.value("SELECT count(*) FROM hubSecret WHERE name = 'probe'")
        }
        #expect(left == 0)
    }

    @Test func aFailedStatementReachesTheBodyAndTheTransactionGoesOn() async throws {
        let database = try Self.database()
        let outcome = try await database.write { db in
            let refused: Bool
            do {
                try await db.execute("INSERT INTO nowhere (x) VALUES (1)")
                refused = false
            } catch {
                refused = true
            }
            try await db.execute("INSERT INTO hubSecret (name, value) VALUES ('after', ?)", [Data(repeating: 2, count: 32)])
            return refused
        }
        #expect(outcome)
        let kept: Int? = try await database.read { db in
            try await db.value("SELECT count(*) FROM hubSecret WHERE name = 'after'")
        }
        #expect(kept == 1)
    }

    @Test func manyTransactionsAtOnceAllCommitInTurn() async throws {
        let database = try Self.database()
        try await database.write { db in try await db.execute("CREATE TABLE tally (n INTEGER)") }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<200 {
                group.addTask {
                    try await database.write { db in
                        let last: Int = try await db.value("SELECT coalesce(max(n), -1) FROM tally") ?? -1
                        try await db.execute("INSERT INTO tally (n) VALUES (?)", [last + 1])
                    }
                    if n.isMultiple(of: 3) {
                        _ = try await database.read { db in try await db.values("SELECT n FROM tally") as [Int] }
                    }
                }
            }
            try await group.waitForAll()
        }
        let values: [Int] = try await database.read { db in try await db.values("SELECT n FROM tally ORDER BY n") }
        // Each transaction read the last value and wrote the next: no two saw the same state.
        #expect(values == Array(0..<200))
    }
}

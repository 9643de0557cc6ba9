import Foundation
import HubTestSupport
import Testing

@testable import Community
@testable import Storage

/// The PostgreSQL engine's own parts: addresses, placeholders, migrations and what the schema guards.
@Suite struct PostgresDatabaseTests {
    @Test(arguments: [
        ("mysql://host/db", "must start with postgres://"),
        ("postgres://host", "must name a database"),
        ("postgres:///db", "must name a host"),
        ("postgres://host/db?sslmode=sometimes", "sslmode must be"),
        ("postgres://host/db?schema=Bad-Name", "the schema must be"),
    ])
    func aMalformedAddressIsRefusedNamingWhatIsWrong(address: String, message: String) async throws {
        let error = try #require(throws: StorageError.self) { try PostgresAddress(address) }
        #expect(error.code == "invalid_database_address")
        #expect(error.message.contains(message))
    }

    @Test func aSocketFolderInTheAddressIsUsedForTheConnection() throws {
        let address = try PostgresAddress("postgres://hub@localhost/zonehub?host=/run/postgresql&schema=region_sud")
        #expect(address.schema == "region_sud")
        #expect(address.configuration.unixSocketPath == "/run/postgresql/.s.PGSQL.5432")
        #expect(address.configuration.username == "hub")
        #expect(address.configuration.database == "zonehub")
    }

    @Test func aServerThatDoesNotAnswerIsReportedAtTheDeadlineNotAfterThePoolsRetries() async throws {
        let error = await #expect(throws: PostgresUnreachable.self) {
            _ = try await PostgresDatabase(
                address: "postgres://hub@127.0.0.1:1/zonehub?sslmode=disable", connectWithin: .seconds(1))
        }
        #expect(error?.description.contains("the PostgreSQL server did not answer (no answer within 1 s)") == true)
    }

    @Test func placeholdersBecomeTypedNumberedParametersButNotInsideQuotes() {
        let sql = PostgresTransaction.numbered(
            "SELECT '?' AS mark, \"odd?\" FROM t WHERE a = ? AND (? IS NULL OR b = ?)",
            types: ["bigint", "text", "text"])
        #expect(
            sql == "SELECT '?' AS mark, \"odd?\" FROM t WHERE a = $1::bigint AND ($2::text IS NULL OR b = $3::text)")
    }

    @Test func aScriptIsCutAtSemicolonsOutsideQuotesAndFunctionBodies() {
        let statements = PostgresTransaction.statements(
            """
            CREATE TABLE a (x text DEFAULT ';');
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'no; never'; END $$;
            CREATE TABLE b (y int);
            """)
        #expect(statements.count == 3)
        #expect(statements[1].hasSuffix("END $$"))
        #expect(statements[2] == "CREATE TABLE b (y int)")
    }

    @Test(.enabled(if: TestHub.postgresAddress != nil))
    func processesOpeningOneDatabaseTogetherMigrateItOnce() async throws {
        let address = try #require(TestHub.postgresAddress) + "&schema=test_migrate_\(UInt32.random(in: 0 ... .max))"
        let hubs = try await withThrowingTaskGroup(of: PostgresDatabase.self) { group in
            for _ in 0..<4 { group.addTask { try await PostgresDatabase(address: address, maximumConnections: 2) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let applied = try await hubs[0].appliedMigrations()
        #expect(applied == PostgresMigrations.all.map(\.name).sorted())
        #expect(try await hubs[0].secret(named: "links").count == 32)
        #expect(try await hubs[1].secret(named: "links") == hubs[0].secret(named: "links"))
    }

    @Test(.enabled(if: TestHub.postgresAddress != nil))
    func theAuditLogRefusesUpdatesAndDeletes() async throws {
        let hub = try await TestHub.contract()
        try await hub.seedZones()
        for statement in ["UPDATE auditEntry SET action = 'forged'", "DELETE FROM auditEntry"] {
            await #expect(throws: (any Error).self) { try await hub.execute(statement) }
        }
        #expect(try await hub.audit.entries(zoneID: nil, limit: 10).map(\.action) == ["zone.add", "zone.add"])
    }
}

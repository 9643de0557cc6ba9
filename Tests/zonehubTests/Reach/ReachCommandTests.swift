import Foundation
import Testing

/// `zonehub mail reach`, as an operator runs it from cron.
@Suite struct ReachCommandTests {
    @Test func queuesTheMonthsReportsAndRefusesAMonthItCannotRead() async throws {
        let (_, database) = try await Binary.hubWithZones()
        let queued = try await Binary.running(["mail", "reach", "--month", "2026-11", "--db", database])
        #expect(queued.status == 0, "\(queued.errors)")
        #expect(queued.output == "reach reports for 2026-11: 0 queued\n")
        let refused = try await Binary.running(["mail", "reach", "--month", "novembre", "--db", database])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("error: 'novembre' is not a month: write it as YYYY-MM, e.g. 2026-11"))
    }
}

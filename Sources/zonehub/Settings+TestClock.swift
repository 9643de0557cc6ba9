import Community
import Foundation

/// The system's clock moved a whole number of days ahead: TEST ONLY, for the system tests that must see "the next
/// day" through the real binary (`ZONEHUB_TEST_DAYS_AHEAD`).
struct ShiftedClock: HubClock {
    let days: Int

    func now() -> Date { Date().addingTimeInterval(TimeInterval(days) * 86_400) }
}

extension Settings {
    /// The setting that moves `serve`'s clock, for tests only.
    static let testDaysAhead = "ZONEHUB_TEST_DAYS_AHEAD"

    /// The clock `serve` runs on: the system's, or, for the system tests only, the system's moved
    /// `ZONEHUB_TEST_DAYS_AHEAD` days ahead (1 to 366). Refused on a hub with an https public address, which is a
    /// real one: a production hub never runs on a moved clock.
    func clock(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any HubClock {
        guard let text = environment[Self.testDaysAhead], !text.isEmpty else { return SystemClock() }
        guard let days = Int(text), (1...366).contains(days) else {
            throw CLIError("\(Self.testDaysAhead): '\(text.prefix(20))' is not a number of days from 1 to 366")
        }
        guard !publicURL.hasPrefix("https:") else {
            throw CLIError(
                "\(Self.testDaysAhead) is for tests only and refused on a hub with an https public address")
        }
        return ShiftedClock(days: days)
    }
}

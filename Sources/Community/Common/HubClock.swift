import Foundation

/// The source of "now" for every rule that depends on time; tests supply a fixed one.
package protocol HubClock: Sendable {
    func now() -> Date
}

/// The real wall clock.
package struct SystemClock: HubClock {
    package init() {}
    package func now() -> Date { Date() }
}

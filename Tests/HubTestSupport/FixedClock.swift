import Community
import Foundation
import Synchronization

/// A clock that stays where the test puts it.
package final class FixedClock: HubClock {
    private let current: Mutex<Date>

    package init(_ date: Date = Date(timeIntervalSince1970: 1_773_482_400)) {  // 2026-03-14 10:00 UTC
        current = Mutex(date)
    }

    package func now() -> Date { current.withLock { $0 } }

    package func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }
}

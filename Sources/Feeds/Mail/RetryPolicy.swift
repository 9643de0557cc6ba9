import Community
import Foundation

/// When a message that failed for a temporary reason is tried again: sooner at first, then further apart, for
/// about two days in all, as mail servers expect of a well-behaved sender.
package enum RetryPolicy {
    static let delays: [TimeInterval] = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600]

    /// The next attempt after `attempts` failed ones, or nil when it is time to give up.
    package static func retryAt(afterAttempts attempts: Int, now: Date) -> Date? {
        guard attempts >= 1, attempts <= delays.count else { return nil }
        return now.addingTimeInterval(delays[attempts - 1])
    }
}

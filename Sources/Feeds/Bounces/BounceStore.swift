import Community
import Foundation

/// The bounces read from delivery status notifications, and the suppressions they lead to.
package protocol BounceStore: Sendable {
    /// Records `report` in one transaction: reads the message's recipient, counts its recent soft bounces, lets
    /// `rules` decide, writes the bounce and, when the decision is to suppress, the suppression (with the same
    /// reason) and the cancellation of the address's unsent messages. Nil, with nothing written, when the outbox
    /// has no such message.
    func record(_ report: BounceReport, rules: BounceRules, at date: Date) async throws -> Bounce?
    /// The address's bounces, oldest first.
    func bounces(recipient: String) async throws -> [Bounce]
}

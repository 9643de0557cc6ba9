import Community
import Foundation

/// Reads delivery status notifications: ties each to the outbox message it reports on (by its VERP address, else
/// by its tagged Message-ID), and records it, suppressing the address when the rules say so.
package struct BounceService: Sendable {
    let bounces: any BounceStore
    let returnPath: ReturnPath
    let rules: BounceRules
    let clock: any HubClock

    package init(
        bounces: any BounceStore, returnPath: ReturnPath, rules: BounceRules = BounceRules(), clock: any HubClock
    ) {
        self.bounces = bounces
        self.returnPath = returnPath
        self.rules = rules
        self.clock = clock
    }

    /// Handles the mail `bytes`, delivered to `envelopeRecipients` (the pipe's `${recipient}`, if given). Throws
    /// `not_a_delivery_report` or `unknown_bounced_message`, having changed nothing, when it cannot be handled.
    package func handle(_ bytes: [UInt8], envelopeRecipients: [String] = []) async throws -> Bounce {
        let report = try DeliveryReportParser.parse(bytes)
        return try await handle(report, envelopeRecipients: envelopeRecipients)
    }

    /// Handles a parsed report; see `handle(_:envelopeRecipients:)`.
    package func handle(_ report: DeliveryReport, envelopeRecipients: [String] = []) async throws -> Bounce {
        guard let (message, match) = self.match(report, envelopeRecipients: envelopeRecipients) else {
            throw FeedsProblem.unknownBouncedMessage.error(
                "the report names no message this hub sent (no genuine VERP address or Message-ID)")
        }
        guard let (kind, recipient) = BounceRules.classify(report) else {
            throw FeedsProblem.notADeliveryReport.error("the report names no recipient")
        }
        let bounce = BounceReport(
            message: message, matchedBy: match, kind: kind, recipient: recipient, reportingMTA: report.reportingMTA)
        guard let recorded = try await bounces.record(bounce, rules: rules, at: clock.now()) else {
            throw FeedsProblem.unknownBouncedMessage.error("outbox message \(message.rawValue) does not exist")
        }
        return recorded
    }

    /// The message the report is about: by the addresses it was delivered to (VERP), else by the returned
    /// Message-ID, which survives relays that rewrite the envelope sender.
    func match(_ report: DeliveryReport, envelopeRecipients: [String]) -> (OutboxMessage.ID, BounceMatch)? {
        for candidate in envelopeRecipients + report.deliveredTo {
            if let id = returnPath.message(inEnvelope: candidate) { return (id, .verp) }
        }
        if let messageID = report.originalMessageID, let id = returnPath.message(inMessageID: messageID) {
            return (id, .messageID)
        }
        return nil
    }
}

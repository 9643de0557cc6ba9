import Community
import Foundation

/// A delivery status notification (RFC 3464) as the hub reads it: who reported, what became of each recipient, the
/// original message's id, and the addresses the notification itself was delivered to (where a VERP address shows).
package struct DeliveryReport: Equatable, Sendable {
    /// The server that wrote the report (`Reporting-MTA`, without its type), if given.
    package var reportingMTA: String?
    package var recipients: [RecipientStatus]
    /// The `Message-ID` of the message that bounced, without angle brackets, from the returned headers.
    package var originalMessageID: String?
    /// The report's own `X-Original-To`, `Delivered-To`, `Envelope-To` and `To` addresses, in that order.
    package var deliveredTo: [String]

    package init(
        reportingMTA: String?, recipients: [RecipientStatus], originalMessageID: String?, deliveredTo: [String]
    ) {
        self.reportingMTA = reportingMTA
        self.recipients = recipients
        self.originalMessageID = originalMessageID
        self.deliveredTo = deliveredTo
    }
}

/// One recipient's fields of a delivery status notification.
package struct RecipientStatus: Equatable, Sendable {
    /// `Final-Recipient`'s address (after any forwarding), without its type.
    package var finalRecipient: String?
    package var originalRecipient: String?
    /// `failed`, `delayed`, `delivered`, `relayed` or `expanded`, in lower case.
    package var action: String
    /// The enhanced status code (RFC 3463), e.g. `5.1.1`.
    package var status: String
    /// What the receiving server said, e.g. `smtp; 550 5.1.1 <x@example.org>: Recipient address rejected`.
    package var diagnosticCode: String?

    package init(
        finalRecipient: String?, originalRecipient: String? = nil, action: String, status: String,
        diagnosticCode: String?
    ) {
        self.finalRecipient = finalRecipient
        self.originalRecipient = originalRecipient
        self.action = action
        self.status = status
        self.diagnosticCode = diagnosticCode
    }

    /// The status code's class: 2 success, 4 temporary failure, 5 permanent failure.
    package var statusClass: Int { Int(status.prefix(1)) ?? 0 }

    /// The status code's subject (1 addressing, 2 mailbox, … 7 security or policy).
    package var statusSubject: Int { Int(status.split(separator: ".").dropFirst().first ?? "") ?? 0 }
}

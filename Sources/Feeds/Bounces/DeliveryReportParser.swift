import Community
import Foundation

/// Reads a delivery status notification from the bytes of a mail: a `multipart/report` (at the top, or inside a
/// multipart that wraps it) with a `message/delivery-status` part. Anything else is refused as not a report.
package enum DeliveryReportParser {
    /// The most of a mail that is read: reports are small, and the returned original comes after the status part.
    package static let maximumBytes = 4 * 1024 * 1024

    /// The report in `mail`; throws `not_a_delivery_report` with the reason when it is not one.
    package static func parse(_ mail: [UInt8]) throws(CommunityError) -> DeliveryReport {
        let text = String(decoding: mail.prefix(maximumBytes), as: UTF8.self)
        let message = MIMEEntity(text)
        guard !message.headers.isEmpty else { throw refused("the input has no mail headers") }
        guard let report = findReport(in: message) else {
            throw refused("the mail is not a delivery status notification (no multipart/report with delivery-status)")
        }
        let parts = report.parts
        guard let status = parts.first(where: { isStatusPart($0.contentType.type) }) else {
            throw refused("the multipart/report has no message/delivery-status part")
        }
        let (perMessage, recipients) = statusFields(status.decodedBody)
        guard !recipients.isEmpty else {
            throw refused("the delivery-status part names no recipient with an Action and a Status")
        }
        var deliveredTo: [String] = []
        for name in ["x-original-to", "delivered-to", "envelope-to", "to"] {
            for field in message.headers where field.name == name {
                if let address = address(in: field.value), !deliveredTo.contains(address) {
                    deliveredTo.append(address)
                }
            }
        }
        return DeliveryReport(
            reportingMTA: perMessage["reporting-mta"].map(typedValue), recipients: recipients,
            originalMessageID: originalMessageID(parts), deliveredTo: deliveredTo)
    }

    private static func refused(_ reason: String) -> CommunityError {
        FeedsProblem.notADeliveryReport.error(reason)
    }

    private static func isStatusPart(_ type: String) -> Bool {
        type == "message/delivery-status" || type == "message/global-delivery-status"
    }

    /// The first `multipart/report` whose report type is delivery status (or unnamed, as some servers write it).
    private static func findReport(in entity: MIMEEntity) -> MIMEEntity? {
        let type = entity.contentType
        if type.type == "multipart/report" {
            let reportType = type.parameters["report-type"]?.lowercased()
            if reportType == nil || reportType == "delivery-status" || reportType == "global-delivery-status" {
                return entity
            }
            return nil
        }
        guard type.type.hasPrefix("multipart/") else { return nil }
        for part in entity.parts {
            if let found = findReport(in: part) { return found }
        }
        return nil
    }

    /// The per-message fields, and one `RecipientStatus` per recipient block that has a valid Action and Status.
    static func statusFields(_ body: String) -> (perMessage: [String: String], recipients: [RecipientStatus]) {
        let blocks = body.components(separatedBy: "\n").split { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        var perMessage: [String: String] = [:]
        var recipients: [RecipientStatus] = []
        for block in blocks {
            var fields: [String: String] = [:]
            for field in MIMEEntity.headerFields(block.joined(separator: "\n")[...]) where fields[field.name] == nil {
                fields[field.name] = field.value
            }
            guard fields["action"] != nil || fields["final-recipient"] != nil else {
                perMessage.merge(fields) { old, _ in old }
                continue
            }
            guard let action = fields["action"]?.split(separator: " ").first?.lowercased(),
                let status = fields["status"].flatMap(statusCode)
            else { continue }
            recipients.append(
                RecipientStatus(
                    finalRecipient: fields["final-recipient"].map(typedValue).flatMap(address),
                    originalRecipient: fields["original-recipient"].map(typedValue).flatMap(address),
                    action: action, status: status,
                    diagnosticCode: fields["diagnostic-code"].map { String(collapsed($0).prefix(1000)) }))
        }
        return (perMessage, recipients)
    }

    /// `5.1.1` from `5.1.1 (bad destination mailbox address)`; nil when it is no enhanced status code.
    package static func statusCode(_ value: String) -> String? {
        let code = value.split(whereSeparator: { $0 == " " || $0 == "(" }).first.map(String.init) ?? ""
        let numbers = code.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, ["2", "4", "5"].contains(numbers[0]),
            numbers.dropFirst().allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        return code
    }

    /// The value after `type;` (`rfc822; x@example.org` gives `x@example.org`), or the whole value without a type.
    static func typedValue(_ value: String) -> String {
        guard let semicolon = value.firstIndex(of: ";") else { return value.trimmingCharacters(in: .whitespaces) }
        return value[value.index(after: semicolon)...].trimmingCharacters(in: .whitespaces)
    }

    /// The address in `Name <a@b>`, `<a@b>` or `a@b`; nil when there is none that looks like one.
    static func address(in value: String) -> String? {
        var candidate = value.trimmingCharacters(in: .whitespaces)
        if let open = candidate.lastIndex(of: "<"), let close = candidate[open...].firstIndex(of: ">") {
            candidate = String(candidate[candidate.index(after: open)..<close])
        }
        candidate = candidate.trimmingCharacters(in: .whitespaces)
        guard candidate.count <= 320, candidate.contains("@"), !candidate.contains(where: \.isWhitespace),
            !candidate.hasPrefix("@"), !candidate.hasSuffix("@")
        else { return nil }
        return candidate
    }

    private static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The returned message's `Message-ID`, from a `text/rfc822-headers` or `message/rfc822` part.
    private static func originalMessageID(_ parts: [MIMEEntity]) -> String? {
        for part in parts {
            let headers: [(name: String, value: String)]
            switch part.contentType.type {
            case "text/rfc822-headers", "text/global-headers":
                headers = MIMEEntity.headerFields(part.decodedBody[...])
            case "message/rfc822", "message/global":
                headers = MIMEEntity(part.body).headers
            default:
                continue
            }
            if let id = headers.first(where: { $0.name == "message-id" })?.value {
                let bare = id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t"))
                if !bare.isEmpty && bare.count <= 500 { return bare }
            }
        }
        return nil
    }
}

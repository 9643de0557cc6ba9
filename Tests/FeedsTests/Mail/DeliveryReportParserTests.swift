import Community
import Feeds
import Foundation
import Testing

/// Real delivery status notifications, as Postfix and Exim write them, read by the hub's own MIME reader.
@Suite struct DeliveryReportParserTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Bounces/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func parse(_ text: String) throws -> DeliveryReport {
        try DeliveryReportParser.parse(Array(text.utf8))
    }

    @Test func aPostfixHardBounceGivesItsStatusDiagnosticRecipientAndOriginalMessageID() throws {
        let report = try Self.parse(try Self.fixture("postfix-5.1.1.eml"))
        #expect(report.reportingMTA == "mail.zones.example.org")
        #expect(report.recipients.count == 1)
        let recipient = try #require(report.recipients.first)
        #expect(recipient.action == "failed" && recipient.status == "5.1.1")
        #expect(recipient.finalRecipient == "habitant.centre-essonne@example.org")
        #expect(recipient.originalRecipient == "habitant.centre-essonne@example.org")
        #expect(
            recipient.diagnosticCode
                == "smtp; 550 5.1.1 <habitant.centre-essonne@example.org>: Recipient address rejected: User unknown "
                + "in virtual mailbox table")
        #expect(report.originalMessageID == "digest.42.1796620300.3f2a9c0d1e4b5a6c7d8e@zones.example.org")
        #expect(report.deliveredTo == ["bounces+42-3f2a9c0d1e4b5a6c7d8e@zones.example.org"])
        #expect(BounceRules.classify(report)?.kind == .hard)
    }

    @Test func anEximSoftBounceWithTheWholeMessageReturnedIsReadToo() throws {
        let report = try Self.parse(try Self.fixture("exim-4.2.2.eml"))
        let recipient = try #require(report.recipients.first)
        #expect(recipient.action == "failed" && recipient.status == "4.2.2")
        #expect(recipient.finalRecipient == "voisine@example.net")
        #expect(recipient.diagnosticCode?.hasPrefix("smtp; 452 4.2.2 The email account") == true)
        #expect(report.reportingMTA == "relay.example.net")
        #expect(report.originalMessageID == "digest.43.1796620300.9b8a7c6d5e4f30211203@zones.example.org")
        #expect(report.deliveredTo.first == "bounces+43-9b8a7c6d5e4f30211203@zones.example.org")
        #expect(BounceRules.classify(report)?.kind == .soft)
    }

    @Test func aDelayWarningIsADelayNotABounce() throws {
        let report = try Self.parse(try Self.fixture("postfix-delayed-4.4.1.eml"))
        #expect(report.recipients.map(\.action) == ["delayed"])
        #expect(report.recipients.first?.diagnosticCode?.hasSuffix("Connection timed out") == true)
        #expect(BounceRules.classify(report)?.kind == .delay)
    }

    @Test func lineEndingsInCRLFAndAnMboxFromLineAsProcmailKeepsItChangeNothing() throws {
        let text =
            "From MAILER-DAEMON Mon Dec  7 05:12:03 2026\n"
            + (try Self.fixture("postfix-5.1.1.eml")).replacingOccurrences(of: "\n", with: "\r\n")
        let report = try Self.parse(text)
        #expect(report.recipients.first?.status == "5.1.1")
        #expect(report.originalMessageID == "digest.42.1796620300.3f2a9c0d1e4b5a6c7d8e@zones.example.org")
    }

    @Test func anAutoReplyIsRefusedAsNotAReportEvenWithStatusWordsInItsText() throws {
        let error = #expect(throws: CommunityError.self) { try Self.parse(try Self.fixture("out-of-office.eml")) }
        #expect(error?.code == "not_a_delivery_report")
    }

    @Test func emptyOrHeaderlessInputIsRefusedAsNotAReport() throws {
        for text in ["", "\n\nno headers at all", "just some words"] {
            let error = #expect(throws: CommunityError.self) { try Self.parse(text) }
            #expect(error?.code == "not_a_delivery_report", "\(text)")
        }
    }

    @Test func aReportWithoutAStatusPartOrWithoutRecipientsIsRefused() throws {
        let dsn = try Self.fixture("postfix-5.1.1.eml")
        let noStatusPart = dsn.replacingOccurrences(of: "message/delivery-status", with: "text/plain")
        let noRecipient = dsn.replacingOccurrences(of: "Status: 5.1.1", with: "Status: five")
        for text in [noStatusPart, noRecipient] {
            let error = #expect(throws: CommunityError.self) { try Self.parse(text) }
            #expect(error?.code == "not_a_delivery_report")
        }
    }

    @Test func statusCodesAreReadWithoutTheirCommentAndNonsenseIsNotOne() {
        #expect(DeliveryReportParser.statusCode("5.1.1 (bad destination mailbox address)") == "5.1.1")
        #expect(DeliveryReportParser.statusCode("4.2.2") == "4.2.2")
        for text in ["550", "5.1", "3.1.1", "5.a.1", "5.1.1234", ""] {
            #expect(DeliveryReportParser.statusCode(text) == nil, "\(text)")
        }
    }

    @Test func kindsFollowTheActionAndTheStatusClassWithPolicyRefusalsCountedAsSoft() {
        func kind(_ action: String, _ status: String) -> BounceKind {
            BounceRules.kind(
                of: RecipientStatus(finalRecipient: nil, action: action, status: status, diagnosticCode: nil))
        }
        #expect(kind("failed", "5.1.1") == .hard)
        #expect(kind("failed", "5.2.2") == .hard)
        #expect(kind("failed", "5.7.1") == .soft)
        #expect(kind("failed", "4.2.2") == .soft)
        #expect(kind("delayed", "4.4.1") == .delay)
        #expect(kind("delivered", "2.0.0") == .success)
        #expect(kind("relayed", "2.0.0") == .success)
    }
}

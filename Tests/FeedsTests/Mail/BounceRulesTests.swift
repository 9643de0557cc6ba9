import Community
import Feeds
import Foundation
import Testing

/// When an address is suppressed, and how a bounce leads back to the message: pure rules, no database.
@Suite struct BounceRulesTests {
    let rules = BounceRules()
    let tokens = LinkTokens(key: Data(repeating: 7, count: 32))

    func report(_ kind: BounceKind, _ status: String) -> BounceReport {
        BounceReport(
            message: OutboxMessage.ID(42), matchedBy: .verp, kind: kind,
            recipient: RecipientStatus(
                finalRecipient: "ana@example.org", action: kind == .delay ? "delayed" : "failed", status: status,
                diagnosticCode: "smtp; 550 5.1.1 User unknown"),
            reportingMTA: nil)
    }

    @Test func aHardBounceSuppressesAtOnceAndSaysWhyInFrench() {
        let decision = rules.decide(report(.hard, "5.1.1"), alreadySuppressed: false, recentSoft: 0)
        #expect(decision.action == .suppressed)
        #expect(decision.reason == "Rebond définitif 5.1.1 (message 42) : smtp; 550 5.1.1 User unknown.")
    }

    @Test func softBouncesAreCountedAndTheThirdWithinTheWindowSuppresses() {
        #expect(rules.decide(report(.soft, "4.2.2"), alreadySuppressed: false, recentSoft: 0).action == .counted)
        let second = rules.decide(report(.soft, "4.2.2"), alreadySuppressed: false, recentSoft: 1)
        #expect(second.action == .counted && second.reason.contains("2 sur 3 en 14 jours"))
        let third = rules.decide(report(.soft, "4.2.2"), alreadySuppressed: false, recentSoft: 2)
        #expect(third.action == .suppressed && third.reason.hasPrefix("3 rebonds temporaires en 14 jours"))
    }

    @Test func delaysAndSuccessReportsChangeNothingAndASuppressedAddressStaysSo() {
        #expect(rules.decide(report(.delay, "4.4.1"), alreadySuppressed: false, recentSoft: 5).action == .ignored)
        #expect(rules.decide(report(.success, "2.0.0"), alreadySuppressed: false, recentSoft: 0).action == .ignored)
        #expect(
            rules.decide(report(.hard, "5.1.1"), alreadySuppressed: true, recentSoft: 0).action == .alreadySuppressed)
    }

    @Test func aVERPAddressAndATaggedMessageIDLeadBackToTheirMessageAndNothingElseDoes() {
        let path = ReturnPath(address: "bounces@zones.example.org", verp: true, tokens: tokens)
        let sender = path.envelopeSender(for: OutboxMessage.ID(42))
        #expect(sender.hasPrefix("bounces+42-") && sender.hasSuffix("@zones.example.org"))
        #expect(path.message(inEnvelope: sender) == OutboxMessage.ID(42))
        #expect(path.message(inEnvelope: sender.uppercased()) == OutboxMessage.ID(42), "servers may change case")
        let tag = tokens.bounceTag(for: OutboxMessage.ID(42))
        #expect(tag.count == 20 && tag.allSatisfy(\.isHexDigit))
        #expect(path.message(inMessageID: "digest.42.1796620300.\(tag)@zones.example.org") == OutboxMessage.ID(42))
        // Another message's number with this tag, another key, another mailbox: none is accepted.
        #expect(path.message(inEnvelope: "bounces+43-\(tag)@zones.example.org") == nil)
        #expect(path.message(inMessageID: "digest.43.1796620300.\(tag)@zones.example.org") == nil)
        let other = LinkTokens(key: Data(repeating: 8, count: 32))
        #expect(
            ReturnPath(address: "bounces@zones.example.org", verp: true, tokens: other).message(inEnvelope: sender)
                == nil)
        #expect(path.message(inEnvelope: "other+42-\(tag)@zones.example.org") == nil)
        #expect(path.message(inEnvelope: "bounces+42-\(tag)@elsewhere.example") == nil)
        #expect(path.message(inEnvelope: "bounces@zones.example.org") == nil)
    }

    @Test func withoutVERPEveryMessageGoesWithTheBounceAddressAsIs() {
        let path = ReturnPath(address: "resume@zones.example.org", verp: false, tokens: tokens)
        #expect(path.envelopeSender(for: OutboxMessage.ID(42)) == "resume@zones.example.org")
    }
}

import Catalogue
import Community
import Directory
import Feeds
import Foundation
import Membership
import Moderation
import Notices
import Photos
import PopUps
import Testing

@testable import zonehub

/// The list of internal codes the browser tests look for on every French page (`Tests/System/data/internal-codes.txt`)
/// is rebuilt here from the enums themselves, so that it cannot fall behind them: a code added, renamed or removed
/// fails this test until the file is recorded again with `ZONEHUB_RECORD_GOLDEN=1 swift test --filter
/// InternalCodesTests` (and the change reviewed like any other).
@Suite struct InternalCodesTests {
    /// Every group of codes, named after where they come from, each in its enum's order.
    static var groups: [(name: String, codes: [String])] {
        let reasons = HoldReason.examples.map { reason -> String in
            // A watched or flagged term is stored after its reason's name: the name is the code.
            reason.stored.split(separator: ":", maxSplits: 1).first.map(String.init) ?? reason.stored
        }
        return [
            ("Hold reasons (HoldReason)", reasons),
            ("Rule names (ScreeningRules)", ruleNames),
            ("Audit actions (AuditActionText.all)", AuditActionText.all.map(\.name)),
            ("Error codes (ErrorCodeTests.all)", ErrorCodeTests.all.map(\.code)),
            ("Post statuses (PostStatus)", PostStatus.allCases.map(\.rawValue)),
            ("Post kinds (PostKind)", PostKind.allCases.map(\.rawValue)),
            ("Account statuses (AccountStatus)", AccountStatus.allCases.map(\.rawValue)),
            ("Roles (Role)", Role.allCases.map(\.rawValue)),
            ("Invited roles (InvitedRole)", InvitedRole.allCases.map(\.rawValue)),
            ("Invitation states (InvitationState)", InvitationState.allCases.map(\.rawValue)),
            ("Claim methods (ClaimMethod)", ClaimMethod.allCases.map(\.rawValue)),
            ("Claim outcomes (ClaimOutcome)", ClaimOutcome.allCases.map(\.rawValue)),
            ("Decisions (DecisionAction)", DecisionAction.allCases.map(\.rawValue)),
            ("Refusal reasons (ReasonCode)", ReasonCode.allCases.map(\.rawValue)),
            ("Report reasons (ReportReason)", ReportReason.allCases.map(\.rawValue)),
            ("Watched term actions (WatchedTerm.Action)", WatchedTerm.Action.allCases.map(\.rawValue)),
            ("Moderation policies (ModerationPolicy)", ZoneDefinition.ModerationPolicy.allCases.map(\.rawValue)),
            ("Sign-up policies (SignUpPolicy)", ZoneDefinition.SignUpPolicy.allCases.map(\.rawValue)),
            ("Booking statuses (PopUpBookingStatus)", PopUpBookingStatus.allCases.map(\.rawValue)),
            ("Quota periods (PopUpQuotaPeriod)", PopUpQuotaPeriod.allCases.map(\.rawValue)),
            ("Digest frequencies (DigestFrequency)", DigestFrequency.allCases.map(\.rawValue)),
            ("Mail statuses (OutboxStatus)", OutboxStatus.allCases.map(\.rawValue)),
            ("Notice kinds (NoticeKind)", NoticeKind.allCases.map(\.rawValue)),
            ("Notice deliveries (NoticeDelivery)", NoticeDelivery.allCases.map(\.rawValue)),
            ("Photo roles (MerchantPhotoRole)", MerchantPhotoRole.allCases.map(\.rawValue)),
        ]
    }

    /// The names of a zone's rules as stored and sent: the keys of their JSON document.
    static var ruleNames: [String] {
        var rules = ScreeningRules()
        rules.merchantSignUps = .approval  // so that the optional rule is written too
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(rules)) ?? Data()
        let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return object.keys.sorted()
    }

    /// The file's text: a header, then each group's codes one a line, each code once (in its first group).
    static func file() -> String {
        var seen: Set<String> = []
        var lines = [
            "# Internal codes no French page may show as they are: stored names, identifiers and codes of the enums",
            "# that have them. Written by Tests/zonehubTests/PlainFrench/InternalCodesTests.swift from the enums",
            "# (ZONEHUB_RECORD_GOLDEN=1 swift test --filter InternalCodesTests); read by Tests/System/plain_french.py,",
            "# which lists the codes that are also ordinary words and why they are not looked for.",
        ]
        for group in groups {
            let codes = group.codes.filter { seen.insert($0).inserted }
            guard !codes.isEmpty else { continue }
            lines += ["", "## " + group.name] + codes
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("System/data/internal-codes.txt")
    }

    @Test func theListOfCodesTheBrowserTestsLookForMatchesTheEnums() throws {
        let expected = Self.file()
        if ProcessInfo.processInfo.environment["ZONEHUB_RECORD_GOLDEN"] == "1" {
            try Data(expected.utf8).write(to: Self.url, options: .atomic)
        }
        let recorded = String(decoding: try Data(contentsOf: Self.url), as: UTF8.self)
        let missing = Set(expected.split(separator: "\n")).subtracting(recorded.split(separator: "\n"))
        let stale = Set(recorded.split(separator: "\n")).subtracting(expected.split(separator: "\n"))
        #expect(
            recorded == expected,
            "\(Self.url.path) is out of date (record it again): missing \(missing.sorted()), stale \(stale.sorted())")
    }

    @Test func theListHoldsTheCodesPeopleMetBefore() {
        let codes = Set(Self.groups.flatMap(\.codes))
        for code in ["zone_policy_review", "new_merchant", "trust.granted", "weeklyQuota", "already_decided", "held"] {
            #expect(codes.contains(code), "\(code)")
        }
        #expect(!codes.contains(""))
    }
}

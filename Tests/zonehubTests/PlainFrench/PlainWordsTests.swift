import Community
import Directory
import Foundation
import Membership
import Moderation
import Photos
import PopUps
import Testing

@testable import zonehub

/// Every code a person could meet (audit actions, screening reasons, reason codes, statuses, roles) has words in
/// French and in English, and none of them is, or looks like, a code.
@Suite struct PlainWordsTests {
    /// `new_merchant`, `trust.granted`, `popup.booking.create`: letters joined by `_` or `.`.
    static func looksLikeACode(_ text: String) -> Bool {
        text.range(of: #"[A-Za-z0-9][_.][A-Za-z0-9]"#, options: .regularExpression) != nil
    }

    /// Checks one label of `code` in both languages.
    func check(_ code: String, _ label: (Language) -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let french = label(.fr)
        let english = label(.en)
        for text in [french, english] {
            #expect(!text.isEmpty, "\(code)", sourceLocation: sourceLocation)
            #expect(!Self.looksLikeACode(text), "\(code): \(text)", sourceLocation: sourceLocation)
        }
        // Codes are English words: the English label may be the same word ("Draft"), the French one never.
        #expect(french.lowercased() != code.lowercased(), "\(code) is shown as is", sourceLocation: sourceLocation)
        #expect(french != english, "\(code) has no French words", sourceLocation: sourceLocation)
    }

    @Test func everyAuditActionReadsAsASentenceInBothLanguages() {
        #expect(AuditActionText.all.count >= 60)
        let photos: [any AuditAction] = PhotoAuditAction.allCases
        for action in AuditActionText.all + photos {
            check(action.name) { AuditSentences.verb(action.name, $0) ?? "" }
        }
        #expect(AuditSentences.verb("not.an.action", .fr) == nil)
    }

    @Test func everyScreeningReasonHasWordsAndKeepsItsStoredName() {
        for reason in HoldReason.examples {
            #expect(HoldReason(stored: reason.stored) == reason)
            check(reason.stored) { HoldReasonLabels.text(reason, $0) }
        }
        #expect(HoldReason(stored: "from_a_newer_version") == .unknown("from_a_newer_version"))
        check("from_a_newer_version") { HoldReasonLabels.text("from_a_newer_version", $0) }
        #expect(HoldReasonLabels.line("watched_term:open bar", .fr) == "Contient le terme surveillé « open bar »")
    }

    @Test func everyStatusRoleAndReasonHasWords() {
        for status in PostStatus.allCases { check(status.rawValue) { Formats.status(status, $0) } }
        for status in PopUpBookingStatus.allCases { check(status.rawValue) { PopUpViews.status(status, $0) } }
        for status in AccountStatus.allCases { check(status.rawValue) { AccountViews.status(status, $0) } }
        for status in [MarketApplication.Status.pending, .approved, .rejected] {
            check(status.rawValue) { MarketPage.status(status, $0) }
        }
        for state in InvitationState.allCases { check(state.rawValue) { $0(state.french, state.english) } }
        for role in Role.allCases { check(role.rawValue) { AccountViews.role(role, $0) } }
        for role in InvitedRole.allCases { check(role.rawValue) { AuditDetailsText.role(role.rawValue, $0) } }
        check("pop-up-organiser") { AuditDetailsText.role("pop-up-organiser", $0) }
        for code in ReasonCode.allCases { check(code.rawValue) { ModerationViews.reason(code, $0) } }
        for reason in ReportReason.allCases { check(reason.rawValue) { ModerationViews.reportReason(reason, $0) } }
        for action in DecisionAction.allCases { check(action.rawValue) { ModerationViews.action(action, $0) } }
        for kind in PostKind.allCases { check(kind.rawValue) { Formats.kind(kind, $0) } }
    }

    @Test func watchedTermsAreWrittenWithFrenchVerbsAndReadInEitherLanguage() {
        for action in WatchedTerm.Action.allCases {
            check(action.rawValue) { RulesForm.word(action, $0) }
            #expect(RulesForm.action(RulesForm.word(action, .fr)) == action)
            #expect(RulesForm.action(action.rawValue.uppercased()) == action)
        }
        #expect(RulesForm.action("garder") == nil)
        let rules = ScreeningRules(watchedTerms: [WatchedTerm("guérit", .hold)])
        #expect(RulesForm.fields(rules, .fr).rendered.contains(">retenir | guérit</textarea>"))
        #expect(RulesForm.fields(rules, .en).rendered.contains(">hold | guérit</textarea>"))
    }

    @Test func theCodeShapeCheckCatchesCodes() {
        #expect(Self.looksLikeACode("zone_policy_review"))
        #expect(Self.looksLikeACode("trust.granted"))
        #expect(!Self.looksLikeACode("la zone relit chaque publication avant sa mise en ligne"))
        #expect(!Self.looksLikeACode("a accordé la confiance à"))
    }

    @Test func countsTakeTheRightNumber() {
        let stalls = (fr: (one: "emplacement", many: "emplacements"), en: (one: "stall", many: "stalls"))
        #expect(Wording.count(1, .fr, fr: stalls.fr, en: stalls.en) == "1 emplacement")
        #expect(Wording.count(3, .fr, fr: stalls.fr, en: stalls.en) == "3 emplacements")
        #expect(Wording.count(0, .fr, fr: stalls.fr, en: stalls.en) == "0 emplacement")
        #expect(Wording.count(0, .en, fr: stalls.fr, en: stalls.en) == "0 stalls")
        #expect(Wording.count(1, .en, fr: stalls.fr, en: stalls.en) == "1 stall")
        let none = (fr: "aucune place libre", en: "no free place")
        let places = (fr: (one: "place libre", many: "places libres"), en: (one: "free place", many: "free places"))
        #expect(Wording.count(0, .fr, fr: places.fr, en: places.en, none: none) == "aucune place libre")
        #expect(Wording.count(2, .fr, fr: places.fr, en: places.en, none: none) == "2 places libres")
    }

    @Test func monthsHaveTheirNames() {
        #expect(Wording.month("2026-12", .fr) == "décembre 2026")
        #expect(Wording.month("2027-02", .fr) == "février 2027")
        #expect(Wording.month("2026-08", .en) == "August 2026")
        #expect(Wording.month("2026-13", .fr) == "2026-13")
        #expect(Wording.month("déc.", .fr) == "déc.")
    }

    @Test func twoDaysInARowAreNamedNotRanged() throws {
        let hours = try OpeningHours.parse("We-Su 09:00-19:00")
        let week = OpeningHoursText.week(hours, .fr).map { "\($0.days) : \($0.hours)" }
        #expect(week == ["Lundi et mardi : fermé", "Du mercredi au dimanche : 9 h – 19 h"])
        let english = OpeningHoursText.week(try OpeningHours.parse("Mo-Fr 09:00-19:00"), .en).map(\.days)
        #expect(english == ["Monday to Friday", "Saturday and Sunday"])
    }

    @Test func auditTimesAreSaidInParisTime() {
        // 7 December 2026, 13:05 UTC: 14:05 in Paris.
        let date = Date(timeIntervalSince1970: 1_796_648_700)
        #expect(AuditLogPage.when(date, .fr) == "le 7 décembre 2026 à 14 h 05")
        #expect(AuditLogPage.when(date, .en) == "on 7 December 2026 at 14:05")
        #expect(AuditLogPage.when(Date(timeIntervalSince1970: 1_796_130_000), .fr) == "le 1er décembre 2026 à 14 h 00")
    }

    @Test func detailsAreToldInWordsAndTheRestFolded() throws {
        func details(_ action: String, _ json: String) -> String {
            let entry = AuditEntry(
                id: .init(1), at: Date(), actorID: nil, zoneID: nil, action: action, subject: "post:1", details: json)
            return AuditDetailsText.html(AuditLine(entry: entry, actorName: "Camille"), .fr).rendered
        }
        #expect(details("moderation.reject", #"{"reason":"duplicate"}"#) == "<p class=\"facts\">motif : Doublon</p>")
        #expect(
            details("post.submit", #"{"from":"draft","to":"held"}"#).contains("avant : brouillon · après : en attente"))
        #expect(details("role.grant", #"{"role":"zone-admin"}"#).contains("rôle : administrateur de zone"))
        #expect(details("post.hidden_by_reports", #"{"reports":"3"}"#).contains("3 signalements"))
        #expect(details("trust.granted", "{}") == "")
        let folded = details("post.edit", #"{"something_new":"value"}"#)
        #expect(folded.contains("<details><summary>Autres détails</summary>"))
        let rules = details(
            "rules.update",
            #"{"before":"{\"holdFirstPosts\":2,\"trustAfterApproved\":3,\"maxLinks\":3,\"weeklyQuota\":10,\"holdOnContactChange\":true,\"watchedTerms\":[]}","after":"{\"holdFirstPosts\":2,\"trustAfterApproved\":3,\"maxLinks\":3,\"weeklyQuota\":5,\"holdOnContactChange\":true,\"watchedTerms\":[{\"term\":\"open bar\",\"action\":\"hold\"}]}"}"#
        )
        #expect(rules.contains("<li>Publications par semaine : 10 → 5</li>"))
        #expect(rules.contains("<li>Termes ajoutés : open bar</li>"))
        #expect(!rules.contains("weeklyQuota"))
    }
}

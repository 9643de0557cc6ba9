import Community
import Testing

@testable import Moderation

@Suite struct RuleEngineTests {
    let rules = ScreeningRules()
    /// A merchant with a long clean record, in a zone that publishes directly.
    let veteran = MerchantRecord(approved: 20, approvalStreak: 20)

    func post(_ title: String, _ body: String = "") -> PostContent {
        PostContent(kind: .offer, title: title, body: body, category: .alimentation)
    }

    func verdict(
        _ content: PostContent, policy: ZoneDefinition.ModerationPolicy = .publish,
        record: MerchantRecord? = nil, rules: ScreeningRules? = nil
    ) -> ScreeningDecision {
        RuleEngine.evaluate(content, policy: policy, rules: rules ?? self.rules, record: record ?? veteran)
    }

    @Test func anOrdinaryPostFromAnEstablishedMerchantPublishes() {
        #expect(verdict(post("Panier de légumes", "Livré le vendredi.")) == .publish)
    }

    @Test func watchedTermsMatchWholeWordsWhateverTheAccentsAndCase() {
        #expect(verdict(post("Remède MIRACLE pour le dos")) == .hold(reasons: ["watched_term:remède miracle"]))
        #expect(verdict(post("Remede miracle")) == .hold(reasons: ["watched_term:remède miracle"]))
        #expect(verdict(post("Les remèdes miraculeux de grand-mère")) == .publish)
        #expect(
            verdict(post("Soirée", "Happy-hour de 18 h à 20 h"))
                == .publishFlagged(reasons: ["flagged_term:happy hour"]))
    }

    @Test func aBlockingTermRefusesWithItsMessageWhateverElseApplies() {
        let decision = verdict(post("Appartement INTERDIT aux etrangers"), record: MerchantRecord(trust: .granted))
        #expect(
            decision
                == .block(
                    message: "Les annonces discriminatoires sont interdites (article 225-1 du Code pénal).",
                    french: "Les annonces discriminatoires sont interdites (article 225-1 du Code pénal)."))
    }

    @Test func everyRuleThatFiresIsRecorded() {
        let record = MerchantRecord(approved: 0, contactChangedSinceApproval: true)
        let content = post("Open bar", "https://a.example https://b.example https://c.example https://d.example")
        #expect(
            verdict(content, record: record)
                == .hold(reasons: [
                    "watched_term:open bar", "too_many_links", "contact_details_changed", "new_merchant",
                ]))
    }

    @Test func theFirstPostsOfANewMerchantWaitForReview() {
        #expect(
            verdict(post("Bonjour"), record: MerchantRecord(approved: 1, approvalStreak: 1))
                == .hold(reasons: ["new_merchant"]))
        #expect(verdict(post("Bonjour"), record: MerchantRecord(approved: 2, approvalStreak: 2)) == .publish)
    }

    @Test func inAReviewingZoneOnlyTrustedMerchantsPublishDirectly() {
        let building = MerchantRecord(approved: 5, approvalStreak: 2)
        #expect(verdict(post("Offre"), policy: .review, record: building) == .hold(reasons: ["zone_policy_review"]))
        let trusted = MerchantRecord(approved: 5, approvalStreak: 3)
        #expect(verdict(post("Offre"), policy: .review, record: trusted) == .publish)
    }

    @Test func explicitTrustOverridesTheStreakBothWays() {
        let vouched = MerchantRecord(approved: 0, trust: .granted)
        #expect(verdict(post("Offre"), policy: .review, record: vouched) == .publish)
        let revoked = MerchantRecord(approved: 30, approvalStreak: 30, trust: .revoked)
        #expect(verdict(post("Offre"), policy: .publish, record: revoked) == .hold(reasons: ["trust_revoked"]))
    }

    @Test func theWeeklyQuotaRefusesOneMorePost() {
        let busy = MerchantRecord(approved: 20, approvalStreak: 20, submittedThisWeek: 10)
        #expect(
            verdict(post("Encore"), record: busy)
                == .block(
                    message: "weekly quota reached: 10 posts per week in this zone",
                    french: "Limite atteinte : 10 publications par semaine dans cette zone. "
                        + "Vous pourrez publier à nouveau lundi."))
    }

    @Test func editedRulesAreCheckedBeforeTheyApply() throws {
        var bad = ScreeningRules()
        bad.weeklyQuota = 0
        #expect(throws: ModerationField.weeklyQuota.invalid("must be 1 to 500")) { try bad.validated() }
        bad = ScreeningRules(watchedTerms: [WatchedTerm("Promo", .hold), WatchedTerm("promo", .flag)])
        #expect(throws: ModerationField.watchedTerms.invalid("'promo' is listed twice", at: "[1]")) { try bad.validated() }
        bad = ScreeningRules(watchedTerms: [WatchedTerm("arnaque", .block)])
        #expect(throws: ModerationField.watchedTerms.invalid("a blocking term needs a message for the author", at: "[0]")) {
            try bad.validated()
        }
        #expect(try ScreeningRules().validated() == ScreeningRules())
    }

    @Test func aBlockingMessageIsOneTrimmedLineWithoutControlCharacters() throws {
        let tidied = try ScreeningRules(watchedTerms: [WatchedTerm("arnaque", .block, message: "  Refusé,\r\nvoyez.\n")]
        )
        .validated()
        #expect(tidied.watchedTerms[0].message == "Refusé, voyez.")
        for message in ["Retour\rseul", "Cloche\u{07}", "Nul\u{00}après"] {
            let rules = ScreeningRules(watchedTerms: [WatchedTerm("arnaque", .block, message: message)])
            #expect(throws: CommunityError.self) { try rules.validated() }
        }
        let long = ScreeningRules(watchedTerms: [
            WatchedTerm("arnaque", .block, message: String(repeating: "a", count: 301))
        ])
        #expect(throws: ModerationField.watchedTerms.invalid("must be at most 300 characters", at: "[0].message")) {
            try long.validated()
        }
    }
}

import Community
import Storage

/// A zone's screening rules: defaults from the zone file and the starter list, then edited by its admins.
package struct ScreeningRules: Codable, Equatable, Sendable {
    /// Posts of a merchant with fewer approved posts than this in the zone wait for review.
    package var holdFirstPosts: Int
    /// A merchant whose last K posts in the zone were approved, with no removal, publishes directly.
    package var trustAfterApproved: Int
    /// More web addresses than this in one post hold it.
    package var maxLinks: Int
    /// Posts a merchant may submit in the zone per week (Monday to Sunday, Paris time).
    package var weeklyQuota: Int
    /// Hold posts whose merchant changed phone, email, website, links or address since its last approval.
    package var holdOnContactChange: Bool
    package var watchedTerms: [WatchedTerm]
    /// Distinct residents' reports that hide a published post until an admin decides.
    package var reportThreshold: Int
    /// Whether new merchant accounts wait for an admin; nil in a document saved before it was editable, then the
    /// zone file decides (`RulesBook` fills it in).
    package var merchantSignUps: ZoneDefinition.SignUpPolicy?

    package init(
        holdFirstPosts: Int = 2, trustAfterApproved: Int = 3, maxLinks: Int = 3, weeklyQuota: Int = 10,
        holdOnContactChange: Bool = true, watchedTerms: [WatchedTerm] = WatchedTerm.starterList,
        reportThreshold: Int = 3, merchantSignUps: ZoneDefinition.SignUpPolicy? = nil
    ) {
        self.reportThreshold = reportThreshold
        self.merchantSignUps = merchantSignUps
        self.holdFirstPosts = holdFirstPosts
        self.trustAfterApproved = trustAfterApproved
        self.maxLinks = maxLinks
        self.weeklyQuota = weeklyQuota
        self.holdOnContactChange = holdOnContactChange
        self.watchedTerms = watchedTerms
    }

    /// Checks the bounds an admin's edit must respect.
    package func validated() throws(CommunityError) -> ScreeningRules {
        guard (0...50).contains(holdFirstPosts) else { throw ModerationField.holdFirstPosts.invalid("must be 0 to 50") }
        guard (1...100).contains(trustAfterApproved) else {
            throw ModerationField.trustAfterApproved.invalid("must be 1 to 100")
        }
        guard (0...50).contains(maxLinks) else { throw ModerationField.maxLinks.invalid("must be 0 to 50") }
        guard (1...500).contains(weeklyQuota) else { throw ModerationField.weeklyQuota.invalid("must be 1 to 500") }
        guard (1...100).contains(reportThreshold) else {
            throw ModerationField.reportThreshold.invalid("must be 1 to 100")
        }
        guard watchedTerms.count <= 500 else { throw ModerationField.watchedTerms.invalid("at most 500 terms") }
        var seen: Set<String> = []
        var rules = self
        for (index, term) in watchedTerms.enumerated() {
            _ = try TextRules.line(term.term, field: ModerationField.watchedTerms, at: "[\(index)]", max: 80)
            rules.watchedTerms[index].message = try term.message.map { value throws(CommunityError) in
                try TextRules.line(value, field: ModerationField.watchedTerms, at: "[\(index)].message", max: 300)
            }
            let folded = term.term.folded
            guard folded.count >= 2, term.term.count <= 80 else {
                throw ModerationField.watchedTerms.invalid("a term has 2 to 80 characters", at: "[\(index)]")
            }
            guard seen.insert(folded).inserted else {
                throw ModerationField.watchedTerms.invalid("'\(term.term)' is listed twice", at: "[\(index)]")
            }
            if term.action == .block && (rules.watchedTerms[index].message ?? "").isEmpty {
                throw ModerationField.watchedTerms.invalid(
                    "a blocking term needs a message for the author", at: "[\(index)]")
            }
        }
        return rules
    }
}

extension ScreeningRules {
    private enum CodingKeys: String, CodingKey {
        case holdFirstPosts, trustAfterApproved, maxLinks, weeklyQuota, holdOnContactChange, watchedTerms
        case reportThreshold, merchantSignUps
    }

    /// Reads a stored or sent document; a field added since it was written takes its default.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ScreeningRules()
        self.init(
            holdFirstPosts: try container.decode(Int.self, forKey: .holdFirstPosts),
            trustAfterApproved: try container.decode(Int.self, forKey: .trustAfterApproved),
            maxLinks: try container.decode(Int.self, forKey: .maxLinks),
            weeklyQuota: try container.decode(Int.self, forKey: .weeklyQuota),
            holdOnContactChange: try container.decode(Bool.self, forKey: .holdOnContactChange),
            watchedTerms: try container.decode([WatchedTerm].self, forKey: .watchedTerms),
            reportThreshold: try container.decodeIfPresent(Int.self, forKey: .reportThreshold)
                ?? defaults.reportThreshold,
            merchantSignUps: try container.decodeIfPresent(ZoneDefinition.SignUpPolicy.self, forKey: .merchantSignUps))
    }
}

/// A word or phrase screening looks for, accents, case and punctuation ignored, as whole words.
package struct WatchedTerm: Codable, Equatable, Sendable {
    package enum Action: String, Codable, CaseIterable, Sendable {
        /// Refuse the post, telling the author why.
        case block
        /// Hold the post for an admin.
        case hold
        /// Publish, but mark the post for admins to look at.
        case flag
    }

    package var term: String
    package var action: Action
    /// Shown to the author when the term blocks a post.
    package var message: String?

    package init(_ term: String, _ action: Action, message: String? = nil) {
        self.term = term
        self.action = action
        self.message = message
    }

    /// A French starter list every zone begins with: health claims, alcohol promotion (Loi Évin), gambling,
    /// discrimination. Admins adjust it to their zone.
    package static let starterList: [WatchedTerm] = [
        WatchedTerm("guérit", .hold), WatchedTerm("soigne le cancer", .hold), WatchedTerm("remède miracle", .hold),
        WatchedTerm("perte de poids garantie", .hold), WatchedTerm("sans ordonnance", .hold),
        WatchedTerm("anti covid", .hold),
        WatchedTerm("alcool à volonté", .hold), WatchedTerm("open bar", .hold), WatchedTerm("happy hour", .flag),
        WatchedTerm("bière offerte", .hold), WatchedTerm("apéro gratuit", .hold),
        WatchedTerm("paris sportifs", .hold), WatchedTerm("casino en ligne", .hold),
        WatchedTerm("jeux d'argent", .hold), WatchedTerm("loterie", .flag),
        WatchedTerm(
            "interdit aux étrangers", .block,
            message: "Les annonces discriminatoires sont interdites (article 225-1 du Code pénal)."),
        WatchedTerm(
            "réservé aux français", .block,
            message: "Les annonces discriminatoires sont interdites (article 225-1 du Code pénal)."),
        WatchedTerm("contrefaçon", .hold), WatchedTerm("réplique", .flag),
    ]
}

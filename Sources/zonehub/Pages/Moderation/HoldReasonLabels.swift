import Community

/// What each screening reason says to zone admins (in the queue) and to the public (on the transparency page).
enum HoldReasonLabels {
    /// The stored names, read and told in words.
    static func text(_ stored: String, _ t: Language) -> String { text(HoldReason(stored: stored), t) }

    static func text(_ reason: HoldReason, _ t: Language) -> String {
        switch reason {
        case .watchedTerm(let term):
            t("contient le terme surveillé « \(term) »", "contains the watched term “\(term)”")
        case .flaggedTerm(let term):
            t("contient « \(term) », à vérifier", "contains “\(term)”, to check")
        case .tooManyLinks: t("trop de liens", "too many links")
        case .contactDetailsChanged:
            t(
                "coordonnées du commerce modifiées depuis sa dernière publication approuvée",
                "the shop's contact details changed since its last approved post")
        case .trustRevoked: t("la confiance a été retirée à ce commerce", "this merchant's trust was revoked")
        case .newMerchant:
            t("nouveau commerce : ses premières publications sont relues", "new merchant: its first posts are reviewed")
        case .zonePolicyReview:
            t(
                "la zone relit chaque publication avant sa mise en ligne",
                "this zone reviews every post before it goes out")
        case .reportsThreshold:
            t("masquée après plusieurs signalements d'habitants", "hidden after several residents' reports")
        case .unknown:
            t("autre règle de la zone", "another rule of the zone")
        }
    }

    /// The reason as a line of its own, starting with a capital: "Trop de liens".
    static func line(_ stored: String, _ t: Language) -> String {
        let text = text(stored, t)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The reasons of a post, as one phrase: "trop de liens ; nouveau commerce : …".
    static func list(_ stored: [String], _ t: Language) -> String {
        stored.map { text($0, t) }.joined(separator: " ; ")
    }
}

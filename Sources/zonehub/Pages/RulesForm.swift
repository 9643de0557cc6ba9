import Community
import Moderation

/// The rules editor: numbers, and watched terms one per line as `action | term | message`.
enum RulesForm {
    static func rules(_ form: FormBody) throws(CommunityError) -> ScreeningRules {
        func number(_ field: ModerationField) throws(CommunityError) -> Int {
            guard let value = form[field.rawValue].flatMap({ Int($0) }) else {
                throw field.invalid("must be a whole number")
            }
            return value
        }
        var terms: [WatchedTerm] = []
        for (index, line) in form.text("watchedTerms").split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: "|", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, let action = action(parts[0]) else {
                throw ModerationField.watchedTerms.invalid(
                    "line \(index + 1): write `hold | term`, `flag | term` or `block | term | message`")
            }
            terms.append(WatchedTerm(parts[1], action, message: parts.count > 2 ? parts[2] : nil))
        }
        guard let signUps = form["merchantSignUps"].flatMap(ZoneDefinition.SignUpPolicy.init(rawValue:)) else {
            throw ModerationField.merchantSignUps.invalid("choose approval or open")
        }
        return try ScreeningRules(
            holdFirstPosts: number(.holdFirstPosts), trustAfterApproved: number(.trustAfterApproved),
            maxLinks: number(.maxLinks), weeklyQuota: number(.weeklyQuota),
            holdOnContactChange: form["holdOnContactChange"] == "on", watchedTerms: terms, merchantSignUps: signUps
        ).validated()
    }

    static func fields(_ rules: ScreeningRules, _ t: Language) -> HTML {
        let terms = rules.watchedTerms.map { term in
            [word(term.action, t), term.term] + (term.message.map { [$0] } ?? [])
        }.map { $0.joined(separator: " | ") }.joined(separator: "\n")
        let checked: HTML = rules.holdOnContactChange ? " checked" : ""
        let signUps: [HTML] = ZoneDefinition.SignUpPolicy.allCases.map { policy in
            let chosen: HTML = rules.merchantSignUps == policy ? " checked" : ""
            return """
                <label class="check"><input type="radio" name="merchantSignUps" value="\(policy.rawValue)"\(chosen)> \
                \(signUpPolicy(policy, t))</label>
                """
        }
        return """
            <fieldset><legend>\(t("Inscription des commerçants", "Merchants' sign-up"))</legend>\(signUps)</fieldset>
            <label for="holdFirstPosts">\(t("Publications d'un nouveau commerçant vérifiées", "Posts of a new merchant reviewed"))</label>
            <input id="holdFirstPosts" name="holdFirstPosts" type="number" min="0" max="50" value="\(rules.holdFirstPosts)">
            <label for="trustAfterApproved">\(t("Confiance après N publications approuvées", "Trust after N approved posts"))</label>
            <input id="trustAfterApproved" name="trustAfterApproved" type="number" min="1" max="100" value="\(rules.trustAfterApproved)">
            <label for="maxLinks">\(t("Liens au plus par publication", "Most links per post"))</label>
            <input id="maxLinks" name="maxLinks" type="number" min="0" max="50" value="\(rules.maxLinks)">
            <label for="weeklyQuota">\(t("Publications par semaine et par commerçant", "Posts per merchant per week"))</label>
            <input id="weeklyQuota" name="weeklyQuota" type="number" min="1" max="500" value="\(rules.weeklyQuota)">
            <label class="check"><input type="checkbox" name="holdOnContactChange"\(checked)> \
            \(t("Vérifier après un changement de coordonnées", "Review after a change of contact details"))</label>
            <label for="watchedTerms">\(t(
                "Mots surveillés, un par ligne : « retenir | mot » (la publication attend un administrateur), « signaler | mot » (publiée, mais signalée aux administrateurs) ou « bloquer | mot | message » (refusée, avec ce message à son auteur)",
                "Watched terms, one per line: “hold | term” (the post waits for an admin), “flag | term” (published, but pointed out to admins) or “block | term | message” (refused, with this message to its author)"))</label>
            <textarea id="watchedTerms" name="watchedTerms" rows="14">\(terms)</textarea>
            """
    }
}

extension RulesForm {
    /// What a watched term does, as the rules page writes it: a French verb for French readers.
    static func word(_ action: WatchedTerm.Action, _ t: Language) -> String {
        switch action {
        case .hold: t("retenir", "hold")
        case .flag: t("signaler", "flag")
        case .block: t("bloquer", "block")
        }
    }

    /// The action a line starts with, in either language, case ignored.
    static func action(_ text: String) -> WatchedTerm.Action? {
        let folded = text.lowercased()
        return WatchedTerm.Action.allCases.first { word($0, .fr) == folded || word($0, .en) == folded }
    }

    /// A zone's sign-up policy in words, as its rules page offers it.
    static func signUpPolicy(_ policy: ZoneDefinition.SignUpPolicy, _ t: Language) -> String {
        switch policy {
        case .approval:
            t(
                "Les nouveaux commerçants attendent l'accord d'un administrateur",
                "New merchants wait for an administrator's approval")
        case .open:
            t(
                "Les nouveaux commerçants sont acceptés dès leur adresse confirmée",
                "New merchants are accepted as soon as their address is confirmed")
        }
    }
}

import Community
import Directory
import Foundation
import Membership
import Moderation
import PopUps

/// An audit entry's details (a small JSON object) told in words; what no sentence fits is shown folded and wrapped.
enum AuditDetailsText {
    /// The details below an entry's sentence: facts in words, then the rest folded; nothing when there are none.
    static func html(_ line: AuditLine, _ t: Language) -> HTML {
        let details = parse(line.entry.details)
        guard !details.isEmpty else { return "" }
        let action = line.entry.action
        var facts: [String] = []
        var rest: [(String, String)] = []
        // The reason first, then the change of state in its order (before, after), then the rest.
        let order = ["reason", "role", "method", "status", "from", "to"]
        let keys = details.keys.sorted {
            (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1)
        }
        for key in keys {
            let value = details[key] ?? ""
            switch key {
            case "claim", "slot", "merchant":
                // Numbers and slugs of what the sentence already names.
                continue
            case "before", "after":
                continue
            case "role": facts.append(t("rôle : ", "role: ") + role(value, t))
            case "from", "to", "status":
                let word = status(value, action: action, t)
                let label =
                    key == "from"
                    ? t("avant : ", "before: ") : key == "to" ? t("après : ", "after: ") : t("état : ", "status: ")
                if let word {
                    facts.append(label + word.prefix(1).lowercased() + word.dropFirst())
                } else {
                    rest.append((key, value))
                }
            case "reason":
                let code = ReasonCode(rawValue: value).map { ModerationViews.reason($0, t) }
                facts.append(t("motif : ", "reason: ") + (code ?? value))
            case "reports", "slots", "posts", "listings":
                guard let count = Int(value) else {
                    rest.append((key, value))
                    continue
                }
                facts.append(counted(key, count, t))
            case "method":
                switch ClaimMethod(rawValue: value) {
                case .email:
                    facts.append(
                        t(
                            "par un lien envoyé à l'adresse de la fiche",
                            "through a link mailed to the listing's address"))
                case .review:
                    facts.append(t("par une demande à l'équipe de la zone", "through a request to the zone's team"))
                case nil: rest.append((key, value))
                }
            case "replaced":
                if value == "true" {
                    facts.append(t("remplace une invitation en attente", "replaces a pending invitation"))
                }
            default: rest.append((key, value))
            }
        }
        var parts: [HTML] = []
        if !facts.isEmpty { parts.append("<p class=\"facts\">\(facts.joined(separator: " · "))</p>") }
        if let after = details["after"] { parts.append(rules(before: details["before"], after: after, t)) }
        if !rest.isEmpty {
            let rows: [HTML] = rest.map { "<dt>\($0.0)</dt><dd>\($0.1)</dd>" }
            parts.append(
                "<details><summary>\(t("Autres détails", "Other details"))</summary><dl class=\"raw\">\(rows)</dl></details>"
            )
        }
        return parts.joined()
    }

    /// The details object's strings; an entry whose details are not such an object has none to tell.
    static func parse(_ json: String) -> [String: String] {
        guard let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { $0 as? String ?? ($0 as? NSNumber)?.stringValue }
    }

    /// A role as stored in the details (`zone-admin`, `pop-up-organiser`, an invitation's `organiser`…).
    static func role(_ value: String, _ t: Language) -> String {
        if let role = Role(rawValue: value) { return AccountViews.role(role, t) }
        if let invited = InvitedRole(rawValue: value) { return t(invited.french, invited.english) }
        if value == "pop-up-organiser" { return t("organisateur de pop-ups", "pop-up organiser") }
        return t("autre rôle", "another role")
    }

    /// A status as the action's feature names it, or nil when it is none of them.
    static func status(_ value: String, action: String, _ t: Language) -> String? {
        if action.hasPrefix("popup.") { return PopUpBookingStatus(rawValue: value).map { PopUpViews.status($0, t) } }
        if action.hasPrefix("market.") {
            return MarketApplication.Status(rawValue: value).map { MarketPage.status($0, t) }
        }
        return PostStatus(rawValue: value).map { Formats.status($0, t) }
    }

    static func counted(_ key: String, _ count: Int, _ t: Language) -> String {
        switch key {
        case "reports":
            Wording.count(count, t, fr: ("signalement", "signalements"), en: ("report", "reports"))
        case "slots":
            Wording.count(count, t, fr: ("créneau", "créneaux"), en: ("slot", "slots"))
        case "posts":
            Wording.count(
                count, t, fr: ("publication retirée", "publications retirées"),
                en: ("post withdrawn", "posts withdrawn"))
        default:
            Wording.count(count, t, fr: ("fiche masquée", "fiches masquées"), en: ("listing hidden", "listings hidden"))
        }
    }

    /// A rules change as the settings that changed ("Limite par semaine : 10 → 5"); rules that cannot be read are
    /// shown folded, wrapped to the screen.
    static func rules(before: String?, after: String, _ t: Language) -> HTML {
        let decoder = JSONDecoder()
        guard let new = try? decoder.decode(ScreeningRules.self, from: Data(after.utf8)) else {
            return
                "<details><summary>\(t("Règles enregistrées", "Rules saved"))</summary><pre class=\"raw\">\(after)</pre></details>"
        }
        let old = before.flatMap { try? decoder.decode(ScreeningRules.self, from: Data($0.utf8)) }
        var lines: [String] = []
        func change(_ label: String, _ from: String?, _ to: String) {
            guard from != to else { return }
            lines.append(from.map { "\(label) : \($0) → \(to)" } ?? "\(label) : \(to)")
        }
        func yes(_ value: Bool) -> String { value ? t("oui", "yes") : t("non", "no") }
        change(
            t("Premières publications relues", "First posts reviewed"), old.map { "\($0.holdFirstPosts)" },
            "\(new.holdFirstPosts)")
        change(
            t("Confiance après publications approuvées", "Trust after approved posts"),
            old.map { "\($0.trustAfterApproved)" }, "\(new.trustAfterApproved)")
        change(t("Liens au plus", "Links at most"), old.map { "\($0.maxLinks)" }, "\(new.maxLinks)")
        change(t("Publications par semaine", "Posts per week"), old.map { "\($0.weeklyQuota)" }, "\(new.weeklyQuota)")
        change(
            t("Relire après un changement de coordonnées", "Review after a change of contact details"),
            old.map { yes($0.holdOnContactChange) }, yes(new.holdOnContactChange))
        change(
            t("Signalements qui masquent", "Reports that hide"), old.map { "\($0.reportThreshold)" },
            "\(new.reportThreshold)")
        change(
            t("Nouveaux commerçants", "New merchants"), old.map { signUps($0.merchantSignUps, t) },
            signUps(new.merchantSignUps, t))
        let oldTerms = Set((old?.watchedTerms ?? []).map(\.term))
        let newTerms = Set(new.watchedTerms.map(\.term))
        if old != nil {
            let added = newTerms.subtracting(oldTerms).sorted()
            let removed = oldTerms.subtracting(newTerms).sorted()
            if !added.isEmpty { lines.append(t("Termes ajoutés : ", "Terms added: ") + added.joined(separator: ", ")) }
            if !removed.isEmpty {
                lines.append(t("Termes retirés : ", "Terms removed: ") + removed.joined(separator: ", "))
            }
        } else {
            lines.append(
                Wording.count(
                    new.watchedTerms.count, t, fr: ("terme surveillé", "termes surveillés"),
                    en: ("watched term", "watched terms")))
        }
        if lines.isEmpty { return "<p class=\"facts\">\(t("Aucun réglage changé.", "No setting changed."))</p>" }
        return "<ul class=\"facts\">\(lines.map { "<li>\($0)</li>" as HTML })</ul>"
    }

    static func signUps(_ policy: ZoneDefinition.SignUpPolicy?, _ t: Language) -> String {
        switch policy {
        case .approval: t("attendent l'accord d'un administrateur", "wait for an admin's approval")
        case .open: t("acceptés dès leur adresse confirmée", "accepted once their address is confirmed")
        case nil: t("selon le fichier de la zone", "as the zone file says")
        }
    }
}

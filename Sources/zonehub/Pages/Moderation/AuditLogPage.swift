import Community
import Foundation
import Moderation

/// A zone's audit log, newest first, each entry a sentence: who did what to what, when, and the facts in words.
struct AuditLogPage {
    let zone: Zone
    let lines: [AuditLine]

    func title(_ t: Language) -> String { t("Journal", "Audit log") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let items: [HTML] = lines.map { line in
            """
            <li><p>\(sentence(line, t))</p>\
            <p class="meta"><time datetime="\(DateText.format(line.entry.at, locale: "en_US_POSIX", timeZone: .gmt,
                pattern: "yyyy-MM-dd'T'HH:mm:ss'Z'"))">\(Self.when(line.entry.at, t))</time></p>\
            \(AuditDetailsText.html(line, t))</li>
            """
        }
        return """
            <h1>\(t("Journal de la zone", "Zone audit log")) — \(zone.name)</h1>
            \(items.isEmpty ? "<p class=\"empty\">\(t("Rien n'a encore été fait dans cette zone.", "Nothing has been done in this zone yet."))</p>" as HTML
                : "<ol class=\"audit\">\(items)</ol>")
            """
    }

    /// "Camille a approuvé « Soupe du jour » de Épicerie du Marché."
    func sentence(_ line: AuditLine, _ t: Language) -> HTML {
        let actor: String =
            switch line.actorName {
            case .none: t("Le hub", "The hub")
            case .some(let name) where name.isEmpty: t("Un compte supprimé", "A deleted account")
            case .some(let name): name
            }
        guard let verb = AuditSentences.verb(line.entry.action, t) else {
            // An action written by a newer version: said plainly, without its stored name.
            return
                "\(actor) \(t("a fait une action que cette version ne sait pas décrire, sur", "did something this version cannot describe, to")) \(object(line, t))."
        }
        return "<strong>\(actor)</strong> \(verb) \(object(line, t))."
    }

    /// What the entry's subject is called, with a link to its page when it has one.
    func object(_ line: AuditLine, _ t: Language) -> HTML {
        let kind = AuditSubject.split(line.entry.subject)?.kind ?? ""
        if kind == "zone" { return "<a href=\"/zones/\(zone.slug)\">\(zone.name)</a>" }
        guard let subject = line.subject else {
            return "\(Self.missing(kind, t))"
        }
        let key = subject.key ?? ""
        switch kind {
        case "post":
            return t == .fr
                ? "« <a href=\"/posts/\(key)\">\(subject.name)</a> » de \(subject.owner ?? "")"
                : "“<a href=\"/posts/\(key)\">\(subject.name)</a>” by \(subject.owner ?? "")"
        case "merchant": return "<a href=\"/merchants/\(key)\">\(subject.name)</a>"
        case "market": return "<a href=\"/markets/\(key)\">\(subject.name)</a>"
        case "marketApplication":
            return
                "\(subject.owner ?? "") \(t("au marché", "to the market")) <a href=\"/markets/\(key)\">\(subject.name)</a>"
        case "popUpVenue", "popUpSeries": return "<a href=\"/pop-up-venues/\(key)\">\(subject.name)</a>"
        case "popUpSlot": return "<a href=\"/pop-up-slots/\(key)\">\(subject.name)</a>"
        case "popUpBooking":
            return "\(subject.owner ?? "") \(t("à", "at")) <a href=\"/pop-up-slots/\(key)\">\(subject.name)</a>"
        default: return "\(subject.name)"
        }
    }

    /// What a subject that no longer has a name is called.
    static func missing(_ kind: String, _ t: Language) -> String {
        switch kind {
        case "post": t("une publication supprimée", "a deleted post")
        case "merchant": t("un commerce qui n'est plus listé", "a shop no longer listed")
        case "user": t("un compte supprimé", "a deleted account")
        case "invitation": t("une invitation", "an invitation")
        case "product": t("un produit", "a product")
        case "orderRequest": t("une commande", "an order")
        case "collectionWindow": t("un créneau de retrait", "a collection window")
        case "preOrderCampaign": t("une campagne de précommande", "a pre-order campaign")
        case "popUpVenue", "popUpSlot", "popUpSeries", "popUpBooking", "market", "marketApplication":
            t("un élément qui n'existe plus", "something that no longer exists")
        default: t("un élément", "an item")
        }
    }

    /// "le 7 décembre 2026 à 14 h 05", "on 7 December 2026 at 14:05", in Paris time.
    static func when(_ date: Date, _ t: Language) -> String {
        guard t == .fr else {
            return DateText.format(
                date, locale: "en_GB", timeZone: Formats.paris, pattern: "'on' d MMMM yyyy 'at' HH:mm")
        }
        let day = DateText.format(date, locale: "fr_FR", timeZone: Formats.paris, pattern: "d")
        let rest = DateText.format(date, locale: "fr_FR", timeZone: Formats.paris, pattern: "MMMM yyyy 'à' H 'h' mm")
        return "le \(day == "1" ? "1er" : day) \(rest)"
    }
}

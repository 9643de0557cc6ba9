import Community
import Foundation
import Moderation

/// Pieces of the moderation pages.
enum ModerationViews {
    static func reason(_ code: ReasonCode, _ t: Language) -> String {
        switch code {
        case .offTopic: t("Hors sujet", "Off topic")
        case .notLocal: t("Pas local", "Not local")
        case .duplicate: t("Doublon", "Duplicate")
        case .misleading: t("Trompeur", "Misleading")
        case .prohibitedContent: t("Contenu interdit", "Prohibited content")
        case .other: t("Autre", "Other")
        }
    }

    static func reportReason(_ reason: ReportReason, _ t: Language) -> String {
        switch reason {
        case .illegal: t("Contenu illégal", "Illegal content")
        case .scam: t("Arnaque", "Scam")
        case .misleading: t("Trompeur", "Misleading")
        case .offensive: t("Choquant ou haineux", "Offensive or hateful")
        case .spam: t("Publicité abusive", "Spam")
        case .other: t("Autre", "Other")
        }
    }

    static func action(_ action: DecisionAction, _ t: Language) -> String {
        switch action {
        case .approve: t("Approuvée", "Approved")
        case .reject: t("Refusée", "Rejected")
        case .requestChanges: t("Modifications demandées", "Changes requested")
        case .remove: t("Retirée", "Removed")
        }
    }

    static func reasonOptions(_ t: Language) -> HTML {
        ReasonCode.allCases.map { "<option value=\"\($0.rawValue)\">\(reason($0, t))</option>" as HTML }.joined()
    }

    static func waiting(_ interval: TimeInterval, _ t: Language) -> String {
        let hours = Int(interval / 3600)
        return hours < 1
            ? t("moins d'une heure", "under an hour")
            : hours < 48 ? "\(hours) h" : Wording.count(hours / 24, t, fr: ("jour", "jours"), en: ("day", "days"))
    }

    static func item(_ item: ModerationQueue.Item, zone: Zone, _ t: Language) -> HTML {
        let post = item.post
        let id = post.id.rawValue
        let base = "/zones/\(zone.slug)/moderation"
        let reasons: [HTML] = post.heldReasons.map { "<li>\(HoldReasonLabels.line($0, t))</li>" }
        let history: [HTML] = item.history.map {
            "<li>\(action($0.action, t)) — \($0.moderatorName), \(Formats.dateTime($0.at, t))\($0.note.map { " : \($0)" } ?? "")</li>"
        }
        let reports: [HTML] = item.reports.map {
            "<li>\(reportReason($0.reason, t))\($0.note.map { " : \($0)" } ?? "") — \(Formats.dateTime($0.at, t))</li>"
        }
        let overdue: HTML =
            item.escalated
            ? " <strong class=\"overdue\">\(t("escaladé", "escalated"))</strong>"
            : item.overdue ? " <strong class=\"overdue\">\(t("en retard", "overdue"))</strong>" : ""
        return """
            <section class="queue-item" id="item-\(id)" data-post="\(id)">
            <p class="meta"><label class="check"><input type="checkbox" name="ids" value="\(id)" form="bulk"> \
            \(t("Sélectionner", "Select"))</label> · \(t("En attente depuis", "Waiting for")) \(waiting(item.waiting, t))\(overdue)</p>
            <p class="meta">\(post.merchantName) : \
            \(Wording.count(item.record.approved, t, fr: ("approuvée", "approuvées"), en: ("approved", "approved"))), \
            \(Wording.count(item.record.rejected, t, fr: ("refusée", "refusées"), en: ("rejected", "rejected"))), \
            \(Wording.count(item.record.removed, t, fr: ("retirée", "retirées"), en: ("removed", "removed")))</p>
            <ul class="reasons">\(reasons)</ul>
            <div class="preview">\(PostCard.page(post, t))</div>
            \(history.isEmpty ? "" : "<h4>\(t("Historique", "History"))</h4><ul>\(history)</ul>" as HTML)
            \(reports.isEmpty ? "" : "<h4>\(t("Signalements", "Reports"))</h4><ul class=\"reports\">\(reports)</ul>" as HTML)
            <div class="decide">
            <form method="post" action="\(base)/\(id)/approve" class="inline"><button type="submit" class="approve">\
            \(t("Approuver", "Approve"))</button></form>
            <form method="post" action="\(base)/\(id)/reject" class="inline reject">
            <select name="reason" aria-label="\(t("Motif", "Reason"))">\(reasonOptions(t))</select>
            <input name="note" maxlength="1000" placeholder="\(t("Note (facultatif)", "Note (optional)"))" \
            aria-label="\(t("Note jointe au refus (facultatif)", "Note with the rejection (optional)"))">
            <button type="submit">\(t("Refuser", "Reject"))</button></form>
            <form method="post" action="\(base)/\(id)/request-changes" class="inline changes">
            <input name="note" maxlength="1000" placeholder="\(t("Ce qu'il faut modifier", "What to change"))" \
            aria-label="\(t("Ce qu'il faut modifier", "What to change"))">
            <button type="submit" class="secondary">\(t("Demander des modifications", "Request changes"))</button></form>
            </div>
            </section>
            """
    }
}

import Community
import Foundation
import Moderation

/// A zone's review queue: what waits, the oldest wait, one decision or many at once.
struct ModerationQueuePage {
    let zone: Zone
    let items: [ModerationQueue.Item]
    /// What the last action did, or why it was refused.
    let notice: String?

    func title(_ t: Language) -> String { t("Modération", "Moderation") + " · " + zone.name }

    /// What a bulk decision did: how many posts were decided, and why the others were not.
    static func bulkNotice(_ results: [(Post.ID, Result<Decision, CommunityError>)], _ t: Language) -> String {
        let failed = results.compactMap { id, result -> String? in
            if case .failure(let error) = result { return t("publication n° \(id.rawValue) : ", "post no. \(id.rawValue): ") + UserMessages.text(error, t) }
            return nil
        }
        let decided = results.count - failed.count
        return Wording.count(
            decided, t, fr: ("décision enregistrée", "décisions enregistrées"),
            en: ("decision recorded", "decisions recorded"), none: ("Aucune décision enregistrée", "No decision recorded"))
            + "."
            + (failed.isEmpty ? "" : " " + failed.joined(separator: " ; "))
    }

    func body(_ t: Language) -> HTML {
        let base = "/zones/\(zone.slug)/moderation"
        let oldest: HTML =
            items.first.map {
                "<p>\(t("Plus ancienne attente", "Oldest wait")) : \(ModerationViews.waiting($0.waiting, t))</p>"
            } ?? ""
        let message: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        let list: HTML =
            items.isEmpty
            ? "<p class=\"empty\">\(t("Aucune publication en attente.", "Nothing waiting for review."))</p>"
            : """
            <form id="bulk" method="post" action="\(base)/bulk" class="bulk">
            <select name="action" aria-label="\(t("Décision pour la sélection", "Decision for the selection"))">\
            <option value="approve">\(t("Approuver la sélection", "Approve selected"))</option>\
            <option value="reject">\(t("Refuser la sélection", "Reject selected"))</option></select>
            <select name="reason" aria-label="\(t("Motif", "Reason"))">\(ModerationViews.reasonOptions(t))</select>
            <button type="submit">\(t("Appliquer", "Apply"))</button></form>
            \(items.map { ModerationViews.item($0, zone: zone, t) })
            """
        return """
            <h1>\(t("File de modération", "Moderation queue")) — \(zone.name)</h1>
            <p><a href="\(base)/audit">\(t("Journal", "Audit log"))</a> · <a href="\(base)/rules">\(t("Règles", "Rules"))</a> · \
            <a href="\(base)/sign-ups">\(t("Inscriptions à valider", "Sign-ups to approve"))</a> · \
            <a href="\(base)/claims">\(t("Fiches revendiquées", "Claimed listings"))</a> · \
            <a href="\(base)/merchants">\(t("Commerçants", "Merchants"))</a> · \
            <a href="\(base)/invitations">\(t("Invitations", "Invitations"))</a></p>
            \(message)
            <p class="count">\(Wording.count(items.count, t, fr: ("publication en attente", "publications en attente"),
                en: ("post waiting", "posts waiting"), none: ("Aucune publication en attente", "No post waiting")))</p>
            \(oldest)
            \(list)
            """
    }
}

import Community
import Foundation
import Moderation
import Photos

/// A zone's review queue: what waits, the oldest wait, one card per post with its decisions, and several posts
/// decided at once.
struct ModerationQueuePage {
    let zone: Zone
    let items: [ModerationQueue.Item]
    /// Each waiting post's photos, by post.
    var photos: [Post.ID: [PlacedPhoto]] = [:]
    /// What the last action did: shown just above the card that followed the decided one.
    var notice: String? = nil
    /// The card the notice stands above (the one after the decided card); nil puts it above the first.
    var noticeBefore: Post.ID? = nil
    /// Why the last action was refused.
    var problem: String? = nil

    func title(_ t: Language) -> String { t("Modération", "Moderation") + " · " + zone.name }

    /// What a bulk decision did: how many posts were decided, and why the others were not.
    static func bulkNotice(_ results: [(Post.ID, Result<Decision, CommunityError>)], _ t: Language) -> String {
        let failed = results.compactMap { id, result -> String? in
            if case .failure(let error) = result {
                return t("publication n° \(id.rawValue) : ", "post no. \(id.rawValue): ") + UserMessages.text(error, t)
            }
            return nil
        }
        let decided = results.count - failed.count
        return Wording.count(
            decided, t, fr: ("décision enregistrée", "décisions enregistrées"),
            en: ("decision recorded", "decisions recorded"),
            none: ("Aucune décision enregistrée", "No decision recorded"))
            + "."
            + (failed.isEmpty ? "" : " " + failed.joined(separator: " ; "))
    }

    func body(_ t: Language) -> HTML {
        let base = "/zones/\(zone.slug)/moderation"
        let oldest: HTML =
            items.first.map {
                "<p class=\"meta\">\(t("Plus ancienne attente", "Oldest wait")) : \(ModerationViews.waiting($0.waiting, t))</p>"
            } ?? ""
        let alert: HTML = problem.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <h1>\(t("File de modération", "Moderation queue")) — \(zone.name)</h1>
            <nav class="queue-links" aria-label="\(t("Autres pages de modération", "Other moderation pages"))"><ul>\
            <li><a href="\(base)/sign-ups">\(t("Inscriptions à valider", "Sign-ups to approve"))</a></li>\
            <li><a href="\(base)/claims">\(t("Fiches revendiquées", "Claimed listings"))</a></li>\
            <li><a href="\(base)/merchants">\(t("Commerçants", "Merchants"))</a></li>\
            <li><a href="\(base)/invitations">\(t("Invitations", "Invitations"))</a></li>\
            <li><a href="\(base)/rules">\(t("Règles", "Rules"))</a></li>\
            <li><a href="\(base)/audit">\(t("Journal", "Audit log"))</a></li></ul></nav>
            \(alert)
            <p class="count">\(Wording.count(items.count, t, fr: ("publication en attente", "publications en attente"),
                en: ("post waiting", "posts waiting"), none: ("Aucune publication en attente", "No post waiting")))</p>
            \(oldest)
            \(list(base, t))
            """
    }

    private func list(_ base: String, _ t: Language) -> HTML {
        let message: HTML = notice.map { "<p class=\"notice\" role=\"status\" id=\"decided\">\($0)</p>" } ?? ""
        guard !items.isEmpty else {
            return
                "\(message)<p class=\"empty\">\(t("Aucune publication en attente.", "Nothing waiting for review."))</p>"
        }
        let at = noticeBefore.flatMap { id in items.firstIndex { $0.post.id == id } } ?? 0
        let cards: [HTML] = items.indices.map { index in
            let card = QueueCard(
                item: items[index], photos: photos[items[index].post.id] ?? [], zone: zone,
                next: index + 1 < items.count ? items[index + 1].post.id : nil
            ).html(t)
            return index == at ? "\(message)\(card)" : card
        }
        return """
            \(cards)
            <form id="bulk" method="post" action="\(base)/bulk" class="bulk">
            <h2>\(t("Décision groupée", "Bulk decision"))</h2>
            <p class="hint">\(t("Pour les publications cochées « Inclure dans la décision groupée ».", "For the posts ticked “Include in the bulk decision”."))</p>
            <label for="bulk-action">\(t("Décision", "Decision"))</label>
            <select id="bulk-action" name="action">\
            <option value="approve">\(t("Approuver la sélection", "Approve selected"))</option>\
            <option value="reject">\(t("Refuser la sélection", "Reject selected"))</option></select>
            <label for="bulk-reason">\(t("Motif en cas de refus", "Reason when rejecting"))</label>
            <select id="bulk-reason" name="reason">\(ModerationViews.reasonOptions(t))</select>
            <button type="submit">\(t("Appliquer à la sélection", "Apply to the selection"))</button></form>
            """
    }
}

import Community
import Foundation
import Moderation
import Photos

/// One held post in a zone's review queue, as a card a volunteer decides on from a phone: its title as a heading,
/// its merchant, its photos, why it waits in words, its text, and three decisions that look different by meaning.
struct QueueCard {
    let item: ModerationQueue.Item
    let photos: [PlacedPhoto]
    let zone: Zone
    /// The card after this one, where the page scrolls once this one is decided.
    let next: Post.ID?

    func html(_ t: Language) -> HTML {
        let post = item.post
        let id = post.id.rawValue
        return """
            <section class="queue-item" id="item-\(id)" data-post="\(id)" aria-labelledby="title-\(id)">
            <h2 class="queue-title" id="title-\(id)">\(post.content.title)</h2>
            <p class="meta"><span class="badge">\(Formats.kind(post.content.kind, t))</span> \
            \(Formats.category(post.content.category, t)) · \(t("par", "by")) \
            <a href="/merchants/\(post.merchantSlug)">\(post.merchantName)</a></p>
            <p class="meta">\(t("En attente depuis", "Waiting for")) \(ModerationViews.waiting(item.waiting, t))\(overdue(t))</p>
            \(thumbnails(t))
            <h3>\(t("Pourquoi elle attend", "Why it waits"))</h3>
            <ul class="reasons">\(post.heldReasons.map { "<li>\(HoldReasonLabels.line($0, t))</li>" as HTML })</ul>
            <div class="preview">\(PostCard.facts(post, t))<div class="body">\(HTML.text(post.content.body))</div></div>
            <p class="meta record">\(t("Ce commerce dans la zone", "This merchant in the zone")) : \(record(t))</p>
            \(history(t))\(reports(t))
            \(decisions(t))
            <p class="select"><label class="check"><input type="checkbox" name="ids" value="\(id)" form="bulk"> \
            \(t("Inclure dans la décision groupée", "Include in the bulk decision"))</label></p>
            </section>
            """
    }

    private func overdue(_ t: Language) -> HTML {
        item.escalated
            ? " <strong class=\"overdue\">\(t("en retard, signalée aux exploitants", "overdue, shown to the operators"))</strong>"
            : item.overdue ? " <strong class=\"overdue\">\(t("en retard", "overdue"))</strong>" : ""
    }

    /// The post's photos, small, each opening its larger copy: a moderator checks pictures too.
    private func thumbnails(_ t: Language) -> HTML {
        guard !photos.isEmpty else { return "" }
        let items: [HTML] = photos.map { photo in
            let large = photo.widths.last ?? photo.original.width
            return
                "<li><a href=\"\(photo.path(width: large))\">\(PhotoViews.image(photo, sizes: "96px", className: "queue-thumb"))</a></li>"
        }
        return
            "<ul class=\"queue-thumbs\" aria-label=\"\(t("Photos de la publication", "The post's photos"))\">\(items)</ul>"
    }

    private func record(_ t: Language) -> String {
        [
            Wording.count(item.record.approved, t, fr: ("approuvée", "approuvées"), en: ("approved", "approved")),
            Wording.count(item.record.rejected, t, fr: ("refusée", "refusées"), en: ("rejected", "rejected")),
            Wording.count(item.record.removed, t, fr: ("retirée", "retirées"), en: ("removed", "removed")),
        ].joined(separator: ", ")
    }

    private func history(_ t: Language) -> HTML {
        guard !item.history.isEmpty else { return "" }
        let lines: [HTML] = item.history.map {
            "<li>\(ModerationViews.action($0.action, t)) — \($0.moderatorName), \(Formats.dateTime($0.at, t))\($0.note.map { " : \($0)" } ?? "")</li>"
        }
        return "<h3>\(t("Historique", "History"))</h3><ul class=\"history\">\(lines)</ul>"
    }

    private func reports(_ t: Language) -> HTML {
        guard !item.reports.isEmpty else { return "" }
        let lines: [HTML] = item.reports.map {
            "<li>\(ModerationViews.reportReason($0.reason, t))\($0.note.map { " : \($0)" } ?? "") — \(Formats.dateTime($0.at, t))</li>"
        }
        return "<h3>\(t("Signalements", "Reports"))</h3><ul class=\"reports\">\(lines)</ul>"
    }

    /// Approve (green, first), reject with its reason (outlined red), or send back with what to change (grey);
    /// every field has a visible label, and each form says which card follows.
    private func decisions(_ t: Language) -> HTML {
        let id = item.post.id.rawValue
        let base = "/zones/\(zone.slug)/moderation/\(id)"
        let next: HTML = self.next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0.rawValue)\">" } ?? ""
        return """
            <div class="decide">
            <form method="post" action="\(base)/approve" class="approve">\(next)\
            <button type="submit" class="approve">\(t("Approuver", "Approve"))</button></form>
            <form method="post" action="\(base)/reject" class="reject">\(next)
            <label for="reason-\(id)">\(t("Motif du refus", "Reason for rejecting"))</label>
            <select id="reason-\(id)" name="reason">\(ModerationViews.reasonOptions(t))</select>
            <label for="note-\(id)">\(t("Note au commerçant (facultatif)", "Note to the merchant (optional)"))</label>
            <input id="note-\(id)" name="note" maxlength="1000">
            <button type="submit" class="reject">\(t("Refuser", "Reject"))</button></form>
            <form method="post" action="\(base)/request-changes" class="changes">\(next)
            <label for="changes-\(id)">\(t("Ce qu'il faut modifier", "What to change"))</label>
            <input id="changes-\(id)" name="note" maxlength="1000">
            <button type="submit" class="secondary">\(t("Demander des modifications", "Request changes"))</button></form>
            </div>
            """
    }
}

import Community
import Foundation
import Moderation
import Photos

/// A post's page, with the report form for signed-in readers and the removal form for the zone's admins.
struct PostPage {
    let post: Post
    let viewer: User?
    /// The merchant, for the structured data; nil when it cannot be read.
    let seller: Merchant?
    let publicURL: String
    /// The post's photos, shown below its text.
    var photos: [PlacedPhoto] = []

    var head: HTML { SEOHead.post(post, merchant: seller, base: publicURL) }

    func body(_ t: Language) -> HTML { "\(PostCard.page(post, t, photos: photos))\(report(t))\(removal(t))" }

    private func removal(_ t: Language) -> HTML {
        guard let viewer, viewer.administers(post.zoneID), post.status == .published else { return "" }
        return """
            <form method="post" action="/posts/\(post.id.rawValue)/remove" class="stacked remove">
            <h2>\(t("Modération", "Moderation"))</h2>
            <label for="reason">\(t("Motif du retrait", "Reason for removal"))</label>
            <select id="reason" name="reason">\(ModerationViews.reasonOptions(t))</select>
            <label for="note">\(t("Note (facultatif)", "Note (optional)"))</label>
            <input id="note" name="note" maxlength="1000">
            <button type="submit">\(t("Retirer la publication", "Remove the post"))</button></form>
            """
    }

    private func report(_ t: Language) -> HTML {
        guard post.status == .published else { return "" }
        guard viewer != nil else {
            return
                "<p class=\"meta\"><a href=\"/sign-in\">\(t("Connectez-vous pour signaler cette publication", "Sign in to report this post"))</a></p>"
        }
        let reasons: HTML = ReportReason.allCases.map {
            "<option value=\"\($0.rawValue)\">\(ModerationViews.reportReason($0, t))</option>" as HTML
        }.joined()
        return """
            <details class="report"><summary>\(t("Signaler cette publication", "Report this post"))</summary>
            <form method="post" action="/posts/\(post.id.rawValue)/report" class="stacked">
            <label for="report-reason">\(t("Motif", "Reason"))</label>
            <select id="report-reason" name="reason">\(reasons)</select>
            <label for="report-note">\(t("Précisions (facultatif)", "Details (optional)"))</label>
            <input id="report-note" name="note" maxlength="1000">
            <button type="submit">\(t("Envoyer le signalement", "Send the report"))</button></form></details>
            """
    }
}

import Community
import Foundation
import Moderation

/// What a reader sees after reporting a post: thanks, or that they had already reported it.
struct ReportReceivedPage {
    let post: Post.ID
    /// False when this reader had already reported the post.
    let isNew: Bool

    func title(_ t: Language) -> String { t("Signalement", "Report") }

    func body(_ t: Language) -> HTML {
        let message =
            isNew
            ? t(
                "Merci : votre signalement a été transmis aux administrateurs de la zone.",
                "Thank you: your report was passed to the zone's admins.")
            : t("Vous avez déjà signalé cette publication.", "You have already reported this post.")
        return """
            <h1>\(title(t))</h1><p class="notice" role="status">\(message)</p>
            <p><a href="/posts/\(post.rawValue)">\(t("Retour à la publication", "Back to the post"))</a></p>
            """
    }
}

import Community

/// The step before withdrawing a post, which cannot be undone: what will happen, then the button that does it.
struct PostWithdrawPage {
    let post: Post

    func title(_ t: Language) -> String { t("Retirer la publication", "Withdraw the post") }

    func body(_ t: Language) -> HTML {
        guard post.status.isWithdrawable else {
            return """
                <h1>\(title(t))</h1>
                <p>\(t("Cette publication ne peut plus être retirée : elle est", "This post can no longer be withdrawn: it is")) \
                \(Formats.status(post.status, t).lowercased()).</p>
                <p><a href="/dashboard#post-\(post.id.rawValue)">\(t("Revenir à mon espace", "Back to my space"))</a></p>
                """
        }
        return """
            <h1>\(title(t)) ?</h1>
            <p><strong>« \(post.content.title) »</strong> \(t(
                "disparaîtra du site, de la page de la zone, des flux et des prochains résumés par e-mail.",
                "will disappear from the site, the zone's page, the feeds and the next email digests."))</p>
            <p class="warning">\(t(
                "C'est définitif : une publication retirée ne peut être ni modifiée ni remise en ligne. Pour la publier à nouveau, il faudra en écrire une nouvelle.",
                "This cannot be undone: a withdrawn post can be neither edited nor put back online. To publish it again, you will have to write a new one."))</p>
            <form method="post" action="/dashboard/posts/\(post.id.rawValue)/withdraw" class="confirm-actions">
            <input type="hidden" name="confirm" value="1">
            <button type="submit" class="danger">\(t("Retirer définitivement", "Withdraw for good"))</button>
            <a href="/dashboard#post-\(post.id.rawValue)">\(t("Garder la publication", "Keep the post"))</a>
            </form>
            """
    }
}

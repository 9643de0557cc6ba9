import Community
import Photos

/// Where a merchant adds up to four photos to one of its posts, each with the text that describes it, and takes them
/// off through a confirmation step. Photos of a published post show at once, as its merchant's shop photos do.
struct PostPhotosPage {
    let post: Post
    let photos: [PlacedPhoto]
    let error: CommunityError?
    var flash: Flash? = nil

    var path: String { "/dashboard/posts/\(post.id.rawValue)/photos" }

    func title(_ t: Language) -> String {
        t("Photos de « \(post.content.title) »", "Photos of “\(post.content.title)”")
    }

    func body(_ t: Language) -> HTML {
        let limit = PhotoService.postPhotoLimit
        let form: HTML =
            !post.status.isEditable
            ? "<p class=\"meta\">\(t("Cette publication n'est plus modifiable : on ne peut plus y ajouter de photo.", "This post can no longer be edited: no photo can be added to it."))</p>"
            : photos.count < limit
                ? PhotoForms.upload(
                    action: path, id: "post", fileLabel: t("Fichier de la photo", "Photo file"),
                    button: t("Ajouter la photo", "Add the photo"), t)
                : "<p class=\"meta\">\(t("Quatre photos au plus : retirez-en une pour en ajouter une autre.", "Four photos at most: remove one to add another."))</p>"
        let shown: HTML =
            post.status == .published
            ? "<p class=\"meta\">\(t("La publication est en ligne : une photo ajoutée s'y montre aussitôt, et le journal de la zone le note.", "The post is published: a photo added shows at once, and the zone's log records it."))</p>"
            : ""
        return """
            <h1>\(title(t))</h1>
            \(flash?.html(t) ?? "")
            \(PhotoForms.formats(t))
            \(shown)
            \(DashboardViews.problem(error, t))
            <section id="photos">
            <h2>\(t("Photos", "Photos")) (\(photos.count)/\(limit))</h2>
            \(photos.isEmpty ? "<p class=\"empty\">\(t("Pas encore de photo.", "No photo yet."))</p>" : PhotoForms.managed(photos, removal: { "\(path)/\($0.id.rawValue)/remove" }, t))
            \(form)
            </section>
            <p><a href="/posts/\(post.id.rawValue)">\(t("Voir la publication", "See the post"))</a> · \
            <a href="/dashboard#post-\(post.id.rawValue)">\(t("Retour à mon espace", "Back to my space"))</a></p>
            """
    }
}

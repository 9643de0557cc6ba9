import Community
import Photos

/// The step before a photo is taken off (a merchant's, a post's, a venue's or a market's): the photo, what it is
/// removed from, and a button that sends the confirmation; the page links back without removing anything.
struct PhotoRemovalPage {
    let photo: PlacedPhoto
    /// What the photo is taken off, as the sentence names it ("la publication « Pain de Noël »").
    let from: (fr: String, en: String)
    /// Where the form posts with `confirm=1`.
    let action: String
    /// Where "Garder la photo" leads back to.
    let back: String
    let error: CommunityError?

    func title(_ t: Language) -> String { t("Retirer cette photo ?", "Remove this photo?") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        \(UserMessages.alert(error, t))
        <div class="photo-remove">
        <p>\(t("Cette photo sera retirée de \(from.fr) et n'y sera plus montrée :",
            "This photo will be removed from \(from.en) and no longer shown there:"))</p>
        <figure>\(PhotoViews.image(photo, sizes: "320px", className: "photo", eager: true))
        <figcaption>\(photo.alt)</figcaption></figure>
        <form method="post" action="\(action)" class="stacked">
        <input type="hidden" name="confirm" value="1">
        <div class="actions"><button type="submit" class="danger">\(t("Oui, retirer la photo", "Yes, remove the photo"))</button>
        <a href="\(back)">\(t("Non, garder la photo", "No, keep the photo"))</a></div>
        </form></div>
        """
    }
}

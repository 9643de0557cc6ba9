import Community
import Photos

/// The forms every photo page shares: sending a photo with its text, and the link to the removal step.
enum PhotoForms {
    /// What a page says of the files it takes, above its forms.
    static func formats(_ t: Language) -> HTML {
        """
        <p class="meta">\(t(
            "JPEG, PNG ou WebP, 10 Mo au plus. Les données cachées des fichiers (lieu de la prise de vue, appareil) sont retirées.",
            "JPEG, PNG or WebP, 10 MB at most. Hidden data in the files (where the photo was taken, the camera) is removed."))</p>
        """
    }

    /// A `multipart/form-data` form posting a file (`photo`) and its text (`alt`) to `action`; `id` prefixes its
    /// fields' identifiers, `role` is sent as a hidden field when given.
    static func upload(
        action: String, id: String, role: String? = nil, fileLabel: String, button: String, _ t: Language
    ) -> HTML {
        let hidden: HTML = role.map { "<input type=\"hidden\" name=\"role\" value=\"\($0)\">" } ?? ""
        return """
            <form method="post" action="\(action)" enctype="multipart/form-data" class="stacked">
            \(hidden)
            <label for="\(id)-photo">\(fileLabel)</label>
            <input id="\(id)-photo" name="photo" type="file" required accept="image/jpeg,image/png,image/webp">
            <label for="\(id)-alt">\(t("Ce que montre l'image, en quelques mots (obligatoire)", "What the image shows, in a few words (required)"))</label>
            <input id="\(id)-alt" name="alt" required maxlength="300" aria-describedby="\(id)-alt-hint">
            <p class="meta" id="\(id)-alt-hint">\(t(
                "Lu à la place de l'image par les personnes qui ne la voient pas. Par exemple : « Devanture bleue de l'épicerie, rue du Marché ».",
                "Read in the image's place to people who cannot see it. For example: “The grocery's blue shopfront, Market Street”."))</p>
            <button type="submit">\(button)</button>
            </form>
            """
    }

    /// Photos as a page managing them lists them, each with its link to the removal step at `removal(photo)`.
    static func managed(_ photos: [PlacedPhoto], removal: (PlacedPhoto) -> String, _ t: Language) -> HTML {
        let items: [HTML] = photos.map { photo in
            """
            <li><figure>\(PhotoViews.image(photo, sizes: "200px", className: "photo"))
            <figcaption>\(photo.alt)</figcaption></figure>
            <a class="remove-link" href="\(removal(photo))">\(t("Retirer", "Remove"))<span class="visually-hidden"> \
            « \(photo.alt) »</span></a></li>
            """
        }
        return "<ul class=\"photo-manager\">\(items)</ul>"
    }
}

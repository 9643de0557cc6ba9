import Community
import Photos

/// Where a merchant places and removes its logo and the photos of its shop, each with the text that describes it.
struct MerchantPhotosPage {
    let merchant: Merchant
    let photos: MerchantPhotos
    let error: CommunityError?

    func title(_ t: Language) -> String { t("Photos de \(merchant.name)", "Photos of \(merchant.name)") }

    func body(_ t: Language) -> HTML {
        let action = "/dashboard/merchants/\(merchant.slug)/photos"
        let shopCount = photos.shop.count
        let shopForm: HTML =
            shopCount < PhotoService.shopPhotoLimit
            ? form(role: .shop, action: action, button: t("Ajouter la photo", "Add the photo"), t)
            : "<p class=\"meta\">\(t("Six photos au plus : retirez-en une pour en ajouter une autre.", "Six photos at most: remove one to add another."))</p>"
        return """
            <h1>\(title(t))</h1>
            <p class="meta">\(t(
                "JPEG, PNG ou WebP, 10 Mo au plus. Les données cachées des fichiers (lieu de la prise de vue, appareil) sont retirées.",
                "JPEG, PNG or WebP, 10 MB at most. Hidden data in the files (where the photo was taken, the camera) is removed."))</p>
            \(DashboardViews.problem(error, t))
            <section id="photos">
            <h2>\(t("Logo", "Logo"))</h2>
            \(photos.logo.map { list([$0], t) } ?? "<p class=\"empty\">\(t("Pas encore de logo.", "No logo yet."))</p>")
            \(form(role: .logo, action: action, button: photos.logo == nil ? t("Envoyer le logo", "Upload the logo") : t("Remplacer le logo", "Replace the logo"), t))
            <h2>\(t("Photos du commerce", "Photos of the shop")) (\(shopCount)/\(PhotoService.shopPhotoLimit))</h2>
            \(photos.shop.isEmpty ? "<p class=\"empty\">\(t("Pas encore de photo.", "No photo yet."))</p>" : list(photos.shop, t))
            \(shopForm)
            </section>
            <p><a href="/merchants/\(merchant.slug)">\(t("Voir la page du commerce", "See the shop's page"))</a> · \
            <a href="/dashboard/merchants/\(merchant.slug)/edit">\(t("Modifier la fiche", "Edit the profile"))</a></p>
            """
    }

    private func list(_ placed: [PlacedPhoto], _ t: Language) -> HTML {
        let items: [HTML] = placed.map { photo in
            """
            <li><figure>\(PhotoViews.image(photo, sizes: "200px", className: "photo"))
            <figcaption>\(photo.alt)</figcaption></figure>
            <form method="post" action="/dashboard/merchants/\(merchant.slug)/photos/\(photo.id.rawValue)/remove">
            <button type="submit" class="secondary">\(t("Retirer", "Remove"))<span class="visually-hidden"> \
            « \(photo.alt) »</span></button></form></li>
            """
        }
        return "<ul class=\"photo-manager\">\(items)</ul>"
    }

    private func form(role: MerchantPhotoRole, action: String, button: String, _ t: Language) -> HTML {
        let id = role.rawValue
        return """
            <form method="post" action="\(action)" enctype="multipart/form-data" class="stacked">
            <input type="hidden" name="role" value="\(id)">
            <label for="\(id)-photo">\(role == .logo ? t("Fichier du logo", "Logo file") : t("Fichier de la photo", "Photo file"))</label>
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
}

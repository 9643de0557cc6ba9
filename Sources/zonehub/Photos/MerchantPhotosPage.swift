import Community
import Photos

/// Where a merchant places and removes its logo and the photos of its shop, each with the text that describes it.
/// "Retirer" leads to a confirmation step (`PhotoRemovalPage`) rather than removing at once.
struct MerchantPhotosPage {
    let merchant: Merchant
    let photos: MerchantPhotos
    let error: CommunityError?
    var flash: Flash? = nil

    func title(_ t: Language) -> String { t("Photos de \(merchant.name)", "Photos of \(merchant.name)") }

    func body(_ t: Language) -> HTML {
        let action = "/dashboard/merchants/\(merchant.slug)/photos"
        let shopCount = photos.shop.count
        let shopForm: HTML =
            shopCount < PhotoService.shopPhotoLimit
            ? form(role: .shop, action: action, button: t("Ajouter la photo", "Add the photo"), t)
            : "<p class=\"meta\">\(t("Six photos au plus : retirez-en une pour en ajouter une autre.", "Six photos at most: remove one to add another."))</p>"
        let removal = { (photo: PlacedPhoto) in "\(action)/\(photo.id.rawValue)/remove" }
        return """
            <h1>\(title(t))</h1>
            \(flash?.html(t) ?? "")
            \(PhotoForms.formats(t))
            \(DashboardViews.problem(error, t))
            <section id="photos">
            <h2>\(t("Logo", "Logo"))</h2>
            \(photos.logo.map { PhotoForms.managed([$0], removal: removal, t) } ?? "<p class=\"empty\">\(t("Pas encore de logo.", "No logo yet."))</p>")
            \(form(role: .logo, action: action, button: photos.logo == nil ? t("Envoyer le logo", "Upload the logo") : t("Remplacer le logo", "Replace the logo"), t))
            <h2>\(t("Photos du commerce", "Photos of the shop")) (\(shopCount)/\(PhotoService.shopPhotoLimit))</h2>
            \(photos.shop.isEmpty ? "<p class=\"empty\">\(t("Pas encore de photo.", "No photo yet."))</p>" : PhotoForms.managed(photos.shop, removal: removal, t))
            \(shopForm)
            </section>
            <p><a href="/merchants/\(merchant.slug)">\(t("Voir la page du commerce", "See the shop's page"))</a> · \
            <a href="/dashboard/merchants/\(merchant.slug)/edit">\(t("Modifier la fiche", "Edit the profile"))</a></p>
            """
    }

    private func form(role: MerchantPhotoRole, action: String, button: String, _ t: Language) -> HTML {
        PhotoForms.upload(
            action: action, id: role.rawValue, role: role.rawValue,
            fileLabel: role == .logo ? t("Fichier du logo", "Logo file") : t("Fichier de la photo", "Photo file"),
            button: button, t)
    }
}

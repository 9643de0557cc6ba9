import Catalogue
import Community
import Photos

/// The photos of a product on its edit page: those placed, each with "Retirer" (which asks first), and the form that
/// adds one, with the text that describes it, while fewer than four are placed.
struct ProductPhotosSection {
    let merchant: Merchant
    let product: Product
    let photos: [PlacedPhoto]
    /// Why the last upload was refused, shown beside the upload form.
    let error: CommunityError?

    var base: String { "/dashboard/merchants/\(merchant.slug)/catalogue/\(product.id.rawValue)/photos" }

    func body(_ t: Language) -> HTML {
        let limit = ProductPhotoService.limit
        let list: HTML =
            photos.isEmpty
            ? "<p class=\"empty\">\(t("Pas encore de photo.", "No photo yet."))</p>"
            : PhotoForms.managed(photos, removal: { "\(base)/\($0.id.rawValue)/remove" }, t)
        let form: HTML =
            photos.count < limit
            ? PhotoForms.upload(
                action: base, id: "product", fileLabel: t("Fichier de la photo", "Photo file"),
                button: t("Ajouter la photo", "Add the photo"), t)
            : "<p class=\"meta\">\(t("Quatre photos au plus : retirez-en une pour en ajouter une autre.", "Four photos at most: remove one to add another."))</p>"
        return """
            <section class="product-photos-manager" id="photos" aria-labelledby="photos-titre">
            <h2 id="photos-titre">\(t("Photos du produit", "Photos of the product")) (\(photos.count)/\(limit))</h2>
            \(PhotoForms.formats(t))
            \(list)
            \(DashboardViews.problem(error, t))
            \(form)
            </section>
            """
    }
}

import Community
import Photos

/// Where a venue's organisers or a market's zone admins place the one photo of their venue or market (a new one
/// replaces it), or take it off through the confirmation step.
struct PlacePhotoPage {
    let kind: PhotoPlace.Kind
    /// The venue's or the market's name.
    let name: String
    let photo: PlacedPhoto?
    /// This page's address: the form posts here, and the removal step is under it.
    let path: String
    /// The venue's or the market's own page.
    let back: String
    let error: CommunityError?
    var flash: Flash? = nil

    func title(_ t: Language) -> String {
        switch kind {
        case .venue: t("Photo du lieu « \(name) »", "Photo of the venue “\(name)”")
        case .market: t("Photo du marché « \(name) »", "Photo of the market “\(name)”")
        }
    }

    func body(_ t: Language) -> HTML {
        let current: HTML =
            photo.map { PhotoForms.managed([$0], removal: { _ in "\(path)/remove" }, t) }
            ?? "<p class=\"empty\">\(t("Pas encore de photo.", "No photo yet."))</p>"
        let lead =
            kind == .venue
            ? t(
                "Une photo montre le lieu sur sa page et dans la liste des lieux de la zone.",
                "One photo shows the venue on its page and in the zone's list of venues.")
            : t(
                "Une photo montre le marché sur sa page et dans les listes de marchés.",
                "One photo shows the market on its page and in the lists of markets.")
        return """
            <h1>\(title(t))</h1>
            \(flash?.html(t) ?? "")
            <p>\(lead)</p>
            \(PhotoForms.formats(t))
            \(DashboardViews.problem(error, t))
            <section id="photos">
            \(current)
            \(PhotoForms.upload(
                action: path, id: kind.rawValue, fileLabel: t("Fichier de la photo", "Photo file"),
                button: photo == nil ? t("Envoyer la photo", "Upload the photo") : t("Remplacer la photo", "Replace the photo"), t))
            </section>
            <p><a href="\(back)">\(kind == .venue ? t("Retour au lieu", "Back to the venue") : t("Retour au marché", "Back to the market"))</a></p>
            """
    }
}

import Community

/// The post editor: the merchant's post as typed, and why it was refused.
struct PostFormPage {
    let form: PostForm
    let merchant: Merchant
    /// The post edited; nil for a new one.
    let postID: Post.ID?
    /// The merchant's zones, one of which the post goes to.
    let zones: [Zone]
    let error: CommunityError?

    func title(_ t: Language) -> String { t("Publication", "Post") }

    func body(_ t: Language) -> HTML {
        let action = postID.map { "/dashboard/posts/\($0.rawValue)" } ?? "/dashboard/posts"
        return """
            <h1>\(postID == nil ? t("Nouvelle publication", "New post") : t("Modifier la publication", "Edit post"))</h1>
            <p class="meta">\(merchant.name)</p>
            \(DashboardViews.problem(error, t))
            <form method="post" action="\(action)" class="stacked">
            <input type="hidden" name="merchant" value="\(merchant.slug)">
            \(fields(t))
            <div class="actions">
            <button type="submit" name="action" value="save" class="secondary">\(t("Enregistrer", "Save"))</button>
            <button type="submit" name="action" value="submit">\(t("Soumettre", "Submit"))</button>
            </div>
            </form>
            """
    }

    /// The editor's fields, filled with what was typed.
    private func fields(_ t: Language) -> HTML {
        let kinds: [HTML] = PostKind.allCases.map { item in
            let selected: HTML = item.rawValue == form.kind ? " selected" : ""
            return "<option value=\"\(item.rawValue)\"\(selected)>\(Formats.kind(item, t))</option>"
        }
        let categories: [HTML] = Category.allCases.map { item in
            let selected: HTML = item.rawValue == form.category ? " selected" : ""
            return "<option value=\"\(item.rawValue)\"\(selected)>\(Formats.category(item, t))</option>"
        }
        let zoneOptions: [HTML] = zones.map { item in
            let selected: HTML = item.slug == form.zone ? " selected" : ""
            return "<option value=\"\(item.slug)\"\(selected)>\(item.name)</option>"
        }
        let zoneField: HTML =
            zones.count > 1
            ? """
            <label for="zone">\(t("Zone", "Zone"))</label><select id="zone" name="zone">\(zoneOptions)</select>
            """
            : zones.first.map { "<input type=\"hidden\" name=\"zone\" value=\"\($0.slug)\">" } ?? ""
        return """
            \(zoneField)
            <label for="kind">\(t("Type", "Kind"))</label><select id="kind" name="kind">\(kinds)</select>
            <label for="title">\(t("Titre", "Title"))</label>
            <input id="title" name="title" required maxlength="200" value="\(form.title)">
            <label for="body">\(t("Texte", "Text"))</label>
            <textarea id="body" name="body" rows="8" maxlength="10000">\(form.body)</textarea>
            <label for="category">\(t("Catégorie", "Category"))</label>
            <select id="category" name="category">\(categories)</select>
            <label for="price">\(t("Prix en euros (facultatif)", "Price in euros (optional)"))</label>
            <input id="price" name="price" inputmode="decimal" value="\(form.price)" placeholder="12,50">
            <label for="validFrom">\(t("Valable à partir du", "Valid from"))</label>
            <input id="validFrom" name="validFrom" type="datetime-local" value="\(form.validFrom)">
            <label for="validUntil">\(t("Valable jusqu'au", "Valid until"))</label>
            <input id="validUntil" name="validUntil" type="datetime-local" value="\(form.validUntil)">
            <label for="eventAt">\(t("Date de l'événement", "Event date"))</label>
            <input id="eventAt" name="eventAt" type="datetime-local" value="\(form.eventAt)">
            <label for="publishAt">\(t("Publier à partir du (facultatif)", "Publish from (optional)"))</label>
            <input id="publishAt" name="publishAt" type="datetime-local" value="\(form.publishAt)">
            """
    }
}

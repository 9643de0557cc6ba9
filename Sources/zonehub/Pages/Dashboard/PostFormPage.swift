import Community

/// The post editor: the merchant's post as typed, with every error beside its field.
struct PostFormPage {
    let form: PostForm
    let merchant: Merchant
    /// The post edited; nil for a new one.
    let postID: Post.ID?
    /// The merchant's zones, one of which the post goes to.
    let zones: [Zone]
    let errors: FormErrors

    func title(_ t: Language) -> String { t("Publication", "Post") }

    func body(_ t: Language) -> HTML {
        let action = postID.map { "/dashboard/posts/\($0.rawValue)" } ?? "/dashboard/posts"
        return """
            <h1>\(postID == nil ? t("Nouvelle publication", "New post") : t("Modifier la publication", "Edit post"))</h1>
            <p class="meta">\(merchant.name)\(postID.map { " · <a href=\"/dashboard/posts/\($0.rawValue)/photos\">\(t("Photos de la publication", "The post's photos"))</a>" as HTML } ?? "")</p>
            \(errors.summary(t))
            <form method="post" action="\(action)" class="stacked field-form" novalidate>
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
        let fields = FormFields(errors: errors, t: t)
        let zoneField: HTML =
            zones.count > 1
            ? fields.select(
                "zone", t("Zone", "Zone"), options: zones.map { ($0.slug, $0.name) }, selected: form.zone)
            : zones.first.map { "<input type=\"hidden\" name=\"zone\" value=\"\($0.slug)\">" } ?? ""
        let date = { (name: String, label: String, value: String, hint: String?) -> HTML in
            fields.input(name, label, value: value, type: "datetime-local", hint: hint)
        }
        return """
            \(zoneField)
            \(fields.select("kind", t("Type", "Kind"), options: PostKind.allCases.map { ($0.rawValue, Formats.kind($0, t)) },
                selected: form.kind))
            \(fields.input("title", t("Titre", "Title"), value: form.title, required: true, extra: " maxlength=\"200\""))
            \(fields.textArea("body", t("Texte", "Text"), value: form.body, extra: " rows=\"8\" maxlength=\"10000\""))
            \(fields.select("category", t("Catégorie", "Category"),
                options: Category.allCases.map { ($0.rawValue, Formats.category($0, t)) }, selected: form.category))
            \(fields.input("price", t("Prix en euros (facultatif)", "Price in euros (optional)"), value: form.price,
                hint: t("Par exemple 12,50", "For example 12.50"), extra: " inputmode=\"decimal\""))
            \(date("validFrom", t("Valable à partir du", "Valid from"), form.validFrom, nil))
            \(date("validUntil", t("Valable jusqu'au", "Valid until"), form.validUntil, nil))
            \(date("eventAt", t("Date de l'événement", "Event date"), form.eventAt,
                t("Obligatoire pour un événement", "Required for an event")))
            \(date("publishAt", t("Publier à partir du (facultatif)", "Publish from (optional)"), form.publishAt, nil))
            """
    }
}

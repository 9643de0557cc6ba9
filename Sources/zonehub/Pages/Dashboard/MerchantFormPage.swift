import Community

/// The merchant profile editor: what the profile holds (or what was typed), with every error beside its field.
struct MerchantFormPage {
    let profile: MerchantProfile
    /// The opening hours' rows, as stored or as typed.
    let hours: OpeningHoursFields
    /// Where the form is sent: a new profile's address, or the edited one's.
    let action: String
    /// The zones a profile can belong to.
    let zones: [Zone]
    let errors: FormErrors

    func title(_ t: Language) -> String { t("Fiche commerce", "Shop profile") }

    func body(_ t: Language) -> HTML {
        let fields = FormFields(errors: errors, t: t)
        return """
            <h1>\(t("Fiche commerce", "Shop profile"))</h1>
            \(errors.summary(t))
            \(photosLink(t))
            <form method="post" action="\(action)" class="stacked field-form" novalidate>
            \(fields.input("name", t("Nom du commerce", "Shop name"), value: profile.name, required: true,
                extra: " maxlength=\"120\""))
            \(fields.textArea("description", t("Présentation", "Description"), value: profile.description,
                extra: " rows=\"5\" maxlength=\"2000\""))
            \(fields.checks("categories", t("Catégories (1 à 5)", "Categories (1 to 5)"),
                options: Category.allCases.map { ($0.rawValue, Formats.category($0, t)) },
                checked: Set(profile.categories.map(\.rawValue))))
            \(fields.input("address", t("Adresse", "Address"), value: profile.address, extra: " maxlength=\"200\""))
            \(fields.input("postcode", t("Code postal", "Postcode"), value: profile.postcode, required: true,
                extra: " inputmode=\"numeric\" maxlength=\"5\" autocomplete=\"postal-code\""))
            \(fields.input("commune", t("Commune", "Commune"), value: profile.commune, required: true,
                extra: " maxlength=\"80\""))
            \(fields.checks("zones", t("Zones", "Zones"), options: zones.map { ($0.slug, $0.name) },
                checked: Set(profile.zones)))
            \(fields.input("phone", t("Téléphone", "Phone"), value: profile.phone ?? "", type: "tel"))
            \(fields.input("email", t("E-mail", "Email"), value: profile.email ?? "", type: "email"))
            \(fields.input("website", t("Site web", "Website"), value: profile.website ?? "", type: "url",
                hint: t("Une adresse commençant par https://", "An address starting with https://")))
            \(fields.textArea("links", t("Boutiques en ligne et places de marché (une adresse par ligne)",
                "Online shops and marketplaces (one address per line)"), value: profile.links.joined(separator: "\n"),
                extra: " rows=\"3\""))
            \(OpeningHoursView(hours: hours, errors: errors, t: t).html)
            \(fields.input("siret", "SIRET", value: profile.siret ?? "", extra: " inputmode=\"numeric\""))
            <div class="actions"><button type="submit">\(t("Enregistrer", "Save"))</button></div>
            </form>
            """
    }

    /// An existing profile's logo and photos are placed on a page of their own (the form holds no file).
    private func photosLink(_ t: Language) -> HTML {
        guard action != "/dashboard/merchants" else { return "" }
        return
            "<p><a href=\"\(action)/photos\">\(t("Logo et photos du commerce", "The shop's logo and photos"))</a></p>"
    }
}

import Community

/// The merchant profile editor: what the profile holds (or what was typed), and why it was refused.
struct MerchantFormPage {
    let profile: MerchantProfile
    /// Where the form is sent: a new profile's address, or the edited one's.
    let action: String
    /// The zones a profile can belong to.
    let zones: [Zone]
    let error: CommunityError?

    func title(_ t: Language) -> String { t("Fiche commerce", "Shop profile") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(t("Fiche commerce", "Shop profile"))</h1>
        \(DashboardViews.problem(error, t))
        \(photosLink(t))
        <form method="post" action="\(action)" class="stacked">
        \(fields(t))
        <button type="submit">\(t("Enregistrer", "Save"))</button>
        </form>
        """
    }

    /// An existing profile's logo and photos are placed on a page of their own (the form holds no file).
    private func photosLink(_ t: Language) -> HTML {
        guard action != "/dashboard/merchants" else { return "" }
        return "<p><a href=\"\(action)/photos\">\(t("Logo et photos du commerce", "The shop's logo and photos"))</a></p>"
    }

    private func fields(_ t: Language) -> HTML {
        let categories: [HTML] = Category.allCases.map { item in
            let checked: HTML = profile.categories.contains(item) ? " checked" : ""
            return """
                <label class="check"><input type="checkbox" name="categories" value="\(item.rawValue)"\(checked)> \
                \(Formats.category(item, t))</label>
                """
        }
        let zoneBoxes: [HTML] = zones.map { zone in
            let checked: HTML = profile.zones.contains(zone.slug) ? " checked" : ""
            return """
                <label class="check"><input type="checkbox" name="zones" value="\(zone.slug)"\(checked)> \(zone.name)</label>
                """
        }
        return """
            <label for="name">\(t("Nom du commerce", "Shop name"))</label>
            <input id="name" name="name" required maxlength="120" value="\(profile.name)">
            <label for="description">\(t("Présentation", "Description"))</label>
            <textarea id="description" name="description" rows="5" maxlength="2000">\(profile.description)</textarea>
            <fieldset><legend>\(t("Catégories (1 à 5)", "Categories (1 to 5)"))</legend>\(categories)</fieldset>
            <label for="address">\(t("Adresse", "Address"))</label>
            <input id="address" name="address" maxlength="200" value="\(profile.address)">
            <label for="postcode">\(t("Code postal", "Postcode"))</label>
            <input id="postcode" name="postcode" required pattern="[0-9]{5}" value="\(profile.postcode)">
            <label for="commune">\(t("Commune", "Commune"))</label>
            <input id="commune" name="commune" required maxlength="80" value="\(profile.commune)">
            <fieldset><legend>\(t("Zones", "Zones"))</legend>\(zoneBoxes)</fieldset>
            <label for="phone">\(t("Téléphone", "Phone"))</label>
            <input id="phone" name="phone" type="tel" value="\(profile.phone ?? "")">
            <label for="email">\(t("E-mail", "Email"))</label>
            <input id="email" name="email" type="email" value="\(profile.email ?? "")">
            <label for="website">\(t("Site web", "Website"))</label>
            <input id="website" name="website" type="url" value="\(profile.website ?? "")">
            <label for="links">\(t("Boutiques en ligne et places de marché (une adresse par ligne)",
                "Online shops and marketplaces (one address per line)"))</label>
            <textarea id="links" name="links" rows="3">\(profile.links.joined(separator: "\n"))</textarea>
            <label for="openingHours">\(t("Horaires d'ouverture", "Opening hours"))</label>
            <input id="openingHours" name="openingHours" maxlength="200" value="\(profile.openingHours ?? "")" \
            aria-describedby="openingHours-hint" placeholder="Tu-Sa 09:00-12:00,14:00-19:00; PH off">
            <p class="hint" id="openingHours-hint">\(t("Format OpenStreetMap : jours Mo Tu We Th Fr Sa Su, PH pour les jours fériés, off pour fermé.",
                "OpenStreetMap format: days Mo Tu We Th Fr Sa Su, PH for public holidays, off for closed."))</p>
            <label for="siret">SIRET</label>
            <input id="siret" name="siret" inputmode="numeric" value="\(profile.siret ?? "")">
            """
    }
}

import Community
import Feeds

/// What the subscription form and the management page share: the choice a form holds, and its fields.
enum SubscriptionViews {
    /// What a form asks for: zones (slugs), categories, frequency.
    struct Choice {
        var zones: [String]
        var categories: [Category]
        var frequency: DigestFrequency

        init(zones: [String], categories: [Category], frequency: DigestFrequency) {
            self.zones = zones
            self.categories = categories
            self.frequency = frequency
        }

        init(form: FormBody) {
            zones = form.all("zones")
            categories = form.all("categories").compactMap(Category.init)
            frequency = form["frequency"].flatMap(DigestFrequency.init) ?? .weekly
        }
    }

    /// The zones, categories and frequency of a subscription, as checkboxes and radio buttons.
    static func fields(_ choice: Choice, zones: [Zone], _ t: Language) -> HTML {
        let zoneBoxes: [HTML] = zones.map { zone in
            let checked: HTML = choice.zones.contains(zone.slug) ? " checked" : ""
            return
                "<label><input type=\"checkbox\" name=\"zones\" value=\"\(zone.slug)\"\(checked)> \(zone.name)</label>"
        }
        let categoryBoxes: [HTML] = Category.allCases.map { category in
            let checked: HTML = choice.categories.contains(category) ? " checked" : ""
            return
                "<label><input type=\"checkbox\" name=\"categories\" value=\"\(category.rawValue)\"\(checked)> \(category.label)</label>"
        }
        let frequencies: [HTML] = DigestFrequency.allCases.map { frequency in
            let checked: HTML = choice.frequency == frequency ? " checked" : ""
            let label = frequency == .daily ? t("Chaque jour", "Every day") : t("Chaque semaine", "Every week")
            return
                "<label><input type=\"radio\" name=\"frequency\" value=\"\(frequency.rawValue)\"\(checked)> \(label)</label>"
        }
        return """
            <fieldset><legend>\(t("Zones", "Zones"))</legend>\(zoneBoxes)</fieldset>
            <fieldset><legend>\(t("Catégories (aucune cochée : toutes)", "Categories (none ticked: all)"))</legend>\(categoryBoxes)</fieldset>
            <fieldset><legend>\(t("Fréquence", "Frequency"))</legend>\(frequencies)</fieldset>
            """
    }
}

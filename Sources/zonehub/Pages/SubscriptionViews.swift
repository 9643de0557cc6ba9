import Community
import Feeds

/// The subscription form, the management page and the unsubscription page.
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

    static func form(_ choice: Choice, email: String, zones: [Zone], problem: String?, _ t: Language) -> HTML {
        let alert: HTML = problem.map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <h1>\(t("Recevoir le résumé par e-mail", "Get the digest by email"))</h1>
            <p>\(t("Chaque jour ou chaque semaine, les nouvelles annonces des commerçants de vos zones. Un courriel de confirmation vous sera envoyé d'abord.",
                "Every day or every week, the new posts of your zones' merchants. We will first send you a confirmation email."))</p>
            \(alert)
            <form method="post" action="/subscribe" class="stacked">
            <label for="email">\(t("Votre adresse e-mail", "Your email address"))</label>
            <input id="email" name="email" type="email" autocomplete="email" required maxlength="254" value="\(email)">
            \(fields(choice, zones: zones, t))
            <p class="consent">\(SubscriptionService.consentWording)</p>
            <button type="submit">\(t("Je m'abonne", "Subscribe"))</button>
            </form>
            """
    }

    static func manage(
        _ subscription: Subscription, token: String, zones: [Zone], chosenZones: [String], notice: String?,
        _ t: Language
    ) -> HTML {
        let message: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        guard subscription.status == .confirmed else {
            return """
                <h1>\(t("Mon abonnement", "My subscription"))</h1>
                <p>\(t("Cet abonnement n'est pas actif.", "This subscription is not active."))</p>
                <p><a href="/subscribe">\(t("S'abonner", "Subscribe"))</a></p>
                """
        }
        let choice = Choice(
            zones: chosenZones, categories: subscription.preferences.categories,
            frequency: subscription.preferences.frequency)
        return """
            <h1>\(t("Mon abonnement", "My subscription"))</h1>
            \(message)
            <p>\(t("Adresse", "Address")) : <strong>\(subscription.email)</strong></p>
            <form method="post" action="/subscriptions/manage" class="stacked">
            <input type="hidden" name="token" value="\(token)">
            \(fields(choice, zones: zones, t))
            <button type="submit">\(t("Enregistrer", "Save"))</button>
            </form>
            <h2>\(t("Se désabonner", "Unsubscribe"))</h2>
            <p><a href="/subscriptions/unsubscribe?token=\(token)">\(t("Ne plus recevoir le résumé", "Stop receiving the digest"))</a></p>
            """
    }

    /// Offers the weekly digest before unsubscribing a daily subscriber; the button itself unsubscribes.
    static func unsubscribe(_ subscription: Subscription, token: String, zoneSlugs: [String], _ t: Language) -> HTML {
        guard subscription.status == .confirmed else {
            return """
                <h1>\(t("Se désabonner", "Unsubscribe"))</h1>
                <p>\(t("Cette adresse ne reçoit déjà plus le résumé.", "This address no longer receives the digest."))</p>
                """
        }
        var weekly: HTML = ""
        if subscription.preferences.frequency == .daily {
            let zones: [HTML] = zoneSlugs.map { "<input type=\"hidden\" name=\"zones\" value=\"\($0)\">" }
            let categories: [HTML] = subscription.preferences.categories.map {
                "<input type=\"hidden\" name=\"categories\" value=\"\($0.rawValue)\">"
            }
            weekly = """
                <form method="post" action="/subscriptions/manage" class="offer">
                <p>\(t("Trop de courriels ? Recevez plutôt un seul résumé par semaine.", "Too many emails? Get one digest a week instead."))</p>
                <input type="hidden" name="token" value="\(token)">
                \(zones)\(categories)
                <input type="hidden" name="frequency" value="weekly">
                <button type="submit">\(t("Passer au résumé hebdomadaire", "Switch to the weekly digest"))</button>
                </form>
                """
        }
        return """
            <h1>\(t("Se désabonner", "Unsubscribe"))</h1>
            \(weekly)
            <form method="post" action="/subscriptions/unsubscribe">
            <input type="hidden" name="token" value="\(token)">
            <p>\(subscription.email)</p>
            <button type="submit">\(t("Me désabonner", "Unsubscribe me"))</button>
            </form>
            """
    }

    private static func fields(_ choice: Choice, zones: [Zone], _ t: Language) -> HTML {
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

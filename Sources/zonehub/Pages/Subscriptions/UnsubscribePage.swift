import Community
import Feeds

/// The page a mail's unsubscription link opens: it offers the weekly digest to a daily subscriber first; the button
/// itself unsubscribes.
struct UnsubscribePage {
    let subscription: Subscription
    /// The management link's token, sent back by the forms.
    let token: String
    /// The slugs of the subscription's zones, kept if the subscriber switches to the weekly digest.
    let zoneSlugs: [String]

    func title(_ t: Language) -> String { t("Se désabonner", "Unsubscribe") }

    func body(_ t: Language) -> HTML {
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
}

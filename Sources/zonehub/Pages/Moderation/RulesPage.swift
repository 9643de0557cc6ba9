import Community
import Foundation
import Moderation

/// A zone's screening rules, and trust per merchant.
struct RulesPage {
    let zone: Zone
    let rules: ScreeningRules
    let merchants: [Merchant]
    /// Why the rules sent were refused.
    let error: CommunityError?

    func title(_ t: Language) -> String { t("Règles", "Rules") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let trustRows: [HTML] = merchants.map { merchant in
            """
            <li>\(merchant.name) <form method="post" action="/zones/\(zone.slug)/moderation/trust" class="inline">\
            <input type="hidden" name="merchant" value="\(merchant.slug)">\
            <button type="submit" name="setting" value="granted" class="secondary">\(t("Faire confiance", "Trust"))</button> \
            <button type="submit" name="setting" value="revoked" class="secondary">\(t("Retirer la confiance", "Revoke trust"))</button> \
            <button type="submit" name="setting" value="" class="link">\(t("Automatique", "Automatic"))</button></form></li>
            """
        }
        return """
            <h1>\(t("Règles de modération", "Moderation rules")) — \(zone.name)</h1>
            \(DashboardViews.problem(error, t))
            <form method="post" action="/zones/\(zone.slug)/moderation/rules" class="stacked">
            \(RulesForm.fields(rules, t))
            <button type="submit">\(t("Enregistrer", "Save"))</button>
            </form>
            <h2>\(t("Confiance par commerçant", "Trust per merchant"))</h2>
            <ul class="trust">\(trustRows)</ul>
            """
    }
}

import Community
import Directory
import Foundation

/// The market page's forms: merchants' applications and the admins' table of applications.
extension MarketPage {
    /// For each of the signed-in merchant's shops in the zone: its application's status, or the form to apply.
    func applyForms(_ t: Language) -> HTML {
        let open = market.acceptsApplications(at: now)
        let forms: [HTML] = choices.map { choice in
            if let application = choice.application {
                return "<p class=\"meta\">\(choice.merchant.name) : \(Self.status(application.status, t))</p>"
            }
            guard open else { return "" }
            guard !choice.offers.isEmpty else {
                return """
                    <p class="meta">\(choice.merchant.name) : \(t("publiez d'abord une offre dans la zone pour vous inscrire.",
                    "publish an offer in the zone first to apply."))</p>
                    """
            }
            let boxes: [HTML] = choice.offers.map { offer in
                """
                <label class="check"><input type="checkbox" name="post" value="\(offer.id)"> \(offer.content.title)</label>
                """
            }
            return """
                <form method="post" action="/markets/\(market.slug)/apply" class="stacked apply">
                <input type="hidden" name="merchant" value="\(choice.merchant.slug)">
                <fieldset><legend>\(choice.merchant.name) — \(t("les offres à présenter", "the offers to show"))</legend>\
                \(boxes)</fieldset>
                <div class="actions"><button type="submit">\(t("S'inscrire au marché", "Apply to the market"))</button></div>
                </form>
                """
        }
        guard forms.contains(where: { !$0.rendered.isEmpty }) else { return "" }
        return "<h2>\(t("Votre inscription", "Your application"))</h2>\(forms)"
    }

    /// The zone admins' table: every application, with buttons for the pending ones.
    func applicationsTable(_ applications: [MarketApplication], _ t: Language) -> HTML {
        let rows: [HTML] = applications.map { application in
            let buttons: HTML =
                application.status == .pending
                ? ["approve": t("Accepter", "Approve"), "reject": t("Refuser", "Reject")].sorted { $0.key < $1.key }
                    .map { decision, label in
                        """
                        <form method="post" action="/markets/\(market.slug)/applications/\(application.id)/\(decision)" \
                        class="inline"><button type="submit">\(label)</button></form>
                        """
                    }.joined(separator: " ") : ""
            return """
                <tr><td><a href="/merchants/\(application.merchantSlug)">\(application.merchantName)</a></td>\
                <td>\(application.postIDs.count)</td><td>\(Self.status(application.status, t))</td><td>\(buttons)</td></tr>
                """
        }
        return """
            <h2>\(t("Candidatures", "Applications"))</h2>
            \(PopUpViews.either(rows, """
                <table class="applications"><thead><tr><th>\(t("Commerce", "Shop"))</th><th>\(t("Offres", "Offers"))</th>\
                <th>\(t("État", "Status"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
                """, empty: t("Aucune candidature pour l'instant.", "No application yet.")))
            """
    }

    static func status(_ status: MarketApplication.Status, _ t: Language) -> String {
        switch status {
        case .pending: t("candidature en attente de réponse", "application awaiting a decision")
        case .approved: t("candidature acceptée", "application approved")
        case .rejected: t("candidature refusée", "application rejected")
        }
    }
}

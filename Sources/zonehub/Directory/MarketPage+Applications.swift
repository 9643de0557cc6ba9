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
                let why: HTML = application.reason.map { " — « \($0) »" } ?? ""
                return "<p class=\"meta\">\(choice.merchant.name) : \(Self.status(application.status, t))\(why)</p>"
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

    /// The zone admins' list: every application, one card each (readable on a phone), with the decisions for the
    /// pending ones; a refusal asks for the reason the merchant will read.
    func applicationList(_ applications: [MarketApplication], _ t: Language) -> HTML {
        let cards: [HTML] = applications.map { application in
            let action = "/markets/\(market.slug)/applications/\(application.id)"
            let offers = application.postIDs.count
            let buttons: HTML =
                application.status == .pending
                ? """
                    <form method="post" action="\(action)/approve" class="inline">\
                    <button type="submit">\(t("Accepter", "Approve"))</button></form>
                    <form method="post" action="\(action)/reject" class="stacked refuse">\
                    <label for="reason-\(application.id)">\(t("Raison du refus, dite au commerce", "Why it is refused, told to the shop"))</label>\
                    <textarea id="reason-\(application.id)" name="reason" rows="2" maxlength="500" required></textarea>\
                    <div class="actions"><button type="submit">\(t("Refuser", "Refuse"))</button></div></form>
                    """ : ""
            let why: HTML = application.reason.map { "<p class=\"meta\">« \($0) »</p>" } ?? ""
            return """
                <li class="post-card"><h3><a href="/merchants/\(application.merchantSlug)">\(application.merchantName)</a></h3>\
                <p class="meta">\(offers) \(offers > 1 ? t("offres", "offers") : t("offre", "offer")) · \
                \(Self.status(application.status, t))</p>\(why)\(buttons)</li>
                """
        }
        return """
            <h2>\(t("Candidatures", "Applications"))</h2>
            \(PopUpViews.either(cards, "<ul class=\"applications\">\(cards)</ul>",
                empty: t("Aucune candidature pour l'instant.", "No application yet.")))
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

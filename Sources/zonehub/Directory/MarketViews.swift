import Community
import Directory
import Foundation

/// The markup of the market pages: the zone's list, the admins' creation form, merchants' applications and the
/// admins' table of applications.
enum MarketViews {
    /// The last day a market (or its applications) covers: its end is the following midnight.
    static func lastDay(_ end: Date, _ t: Language) -> String { Formats.date(end.addingTimeInterval(-1), t) }

    static func phase(_ market: Market, at now: Date, _ t: Language) -> String {
        let draft = market.draft
        return switch market.phase(at: now) {
        case .announced:
            t("Inscriptions à partir du", "Applications open on") + " " + Formats.date(draft.applicationsOpenAt, t)
        case .applicationsOpen:
            t("Inscriptions ouvertes jusqu'au", "Applications open until") + " "
                + lastDay(draft.applicationsCloseAt, t)
        case .preparing: t("Le marché ouvre le", "The market opens on") + " " + Formats.date(draft.startsAt, t)
        case .running: t("Marché ouvert jusqu'au", "Market open until") + " " + lastDay(draft.endsAt, t)
        case .ended: t("Ce marché est terminé.", "This market has ended.")
        }
    }

    static func card(_ market: Market, at now: Date, _ t: Language) -> HTML {
        """
        <li class="zone-card"><a href="/markets/\(market.slug)"><strong>\(market.draft.title)</strong></a>
        <span class="meta">\(t("Du", "From")) \(Formats.date(market.draft.startsAt, t)) \(t("au", "to")) \
        \(lastDay(market.draft.endsAt, t)) · \(phase(market, at: now, t))</span></li>
        """
    }

    static func error(_ error: CommunityError?, _ t: Language) -> HTML {
        guard let error else { return "" }
        return "<p class=\"error\" role=\"alert\">\(UserMessages.text(error, t, french: MarketForms.french))</p>"
    }

    static func createForm(zone: Zone, form: FormBody?, error: CommunityError?, _ t: Language) -> HTML {
        let value = { (key: String) in form?[key] ?? "" }
        let input = PopUpOrganiserViews.input
        return """
            <h2>\(t("Nouveau marché de saison", "New seasonal market"))</h2>
            \(Self.error(error, t))
            <form method="post" action="/zones/\(zone.slug)/markets" class="stacked">
            \(input("title", t("Titre (par exemple Marché de Noël 2026)", "Title (e.g. Christmas market 2026)"),
                value("title"), nil, "text", true))
            \(PopUpOrganiserViews.textArea("description", t("Présentation", "Description"), form?.text("description") ?? ""))
            \(input("applicationsOpenAt", t("Ouverture des inscriptions", "Applications open on"),
                value("applicationsOpenAt"), nil, "date", true))
            \(input("applicationsCloseAt", t("Dernier jour des inscriptions", "Last day for applications"),
                value("applicationsCloseAt"), nil, "date", true))
            \(input("startsAt", t("Premier jour du marché", "First day of the market"), value("startsAt"), nil, "date", true))
            \(input("endsAt", t("Dernier jour du marché", "Last day of the market"), value("endsAt"), nil, "date", true))
            <div class="actions"><button type="submit">\(t("Créer le marché", "Create the market"))</button></div>
            </form>
            """
    }

    /// For each of the signed-in merchant's shops in the zone: its application's status, or the form to apply.
    static func applyForms(
        _ market: Market, choices: [(merchant: Merchant, offers: [Post], application: MarketApplication?)],
        open: Bool, _ t: Language
    ) -> HTML {
        let forms: [HTML] = choices.map { choice in
            if let application = choice.application {
                return "<p class=\"meta\">\(choice.merchant.name) : \(status(application.status, t))</p>"
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
    static func applicationsTable(_ market: Market, _ applications: [MarketApplication], _ t: Language) -> HTML {
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
                <td>\(application.postIDs.count)</td><td>\(status(application.status, t))</td><td>\(buttons)</td></tr>
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

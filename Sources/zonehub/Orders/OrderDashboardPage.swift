import Catalogue
import Community
import Foundation
import Orders

/// "Commandes" in the merchant's dashboard: requests by status (those to answer first) with their actions, the
/// collection windows and the pre-order campaigns, the CSV export and the private calendar.
struct OrderDashboardPage {
    let merchant: Merchant
    let requests: [OrderRequest]
    let windows: [CollectionWindow]
    let campaigns: [PreOrderCampaign]
    var places: [OrderRequest.ID: OrderMailText.Place] = [:]
    /// The address of the private calendar of windows and orders.
    var calendarURL = ""
    var flash: OrderFlash?
    /// What is wrong in one request's answer (accept or refuse), keyed by the request.
    var answerErrors: [OrderRequest.ID: FormErrors] = [:]
    /// Kept answers: the refusal's reason and the accepted quantities as typed.
    var typed: [String: String] = [:]
    var windowForm = WindowForm()
    /// When the page is shown (a campaign is open until it closes).
    var now = Date()

    var base: String { "/dashboard/merchants/\(merchant.slug)" }

    func title(_ t: Language) -> String { t("Commandes", "Orders") + " · " + merchant.name }

    func body(_ t: Language) -> HTML {
        let groups: [(String, [OrderStatus])] = [
            (t("À répondre", "To answer"), [.requested]),
            (t("Acceptées, à préparer", "Accepted, to prepare"), [.accepted]),
            (t("Prêtes à retirer", "Ready to collect"), [.ready]),
            (t("En attente de confirmation par e-mail", "Awaiting email confirmation"), [.unconfirmed]),
            (t("Terminées", "Finished"), [.refused, .collected, .notCollected, .expired, .cancelled]),
        ]
        let sections: [HTML] = groups.map { title, statuses in
            let shown = requests.filter { statuses.contains($0.status) }
            guard !shown.isEmpty else { return "" }
            return
                "<section class=\"order-group\"><h2>\(title) (\(shown.count))</h2><ul class=\"order-list\">\(shown.map { item($0, t) })</ul></section>"
        }
        let none: HTML =
            requests.isEmpty
            ? "<p class=\"empty\">\(t("Aucune commande pour l'instant.", "No orders yet."))</p>" : ""
        return """
            <h1>\(title(t))</h1>
            \(flash?.html(t) ?? "")
            <p><a href="\(base).csv" download>\(t("Exporter les commandes (CSV)", "Export the orders (CSV)"))</a> · \
            <a href="/dashboard">\(t("Retour au tableau de bord", "Back to the dashboard"))</a></p>
            \(none)\(sections)
            \(OrderWindowsSection(merchant: merchant, windows: windows, form: windowForm, calendarURL: calendarURL).body(t))
            \(OrderCampaignsSection(merchant: merchant, campaigns: campaigns, now: now).body(t))
            """
    }

    func item(_ request: OrderRequest, _ t: Language) -> HTML {
        let id = request.id.rawValue
        let contact: HTML = "<a href=\"mailto:\(request.email)\">\(request.email)</a>"
        return """
            <li class="order" id="commande-\(id)">
            <h3>\(OrderWording.number(request, t)) · \(request.residentName)</h3>
            <p>\(OrderViews.status(request, t)) \(contact) <span class="meta">\(Formats.dateTime(request.createdAt, t))</span></p>
            \(OrderViews.details(request, place: places[request.id], t))
            \(answerBy(request, t))
            \(answerErrors[request.id]?.summary(t, anchors: anchors(request)) ?? "")
            \(actions(request, t))
            </li>
            """
    }

    func answerBy(_ request: OrderRequest, _ t: Language) -> HTML {
        guard request.status == .requested, let by = request.answerBy else { return "" }
        return "<p class=\"meta\">\(t("À répondre avant le", "Answer before")) \(Formats.dateTime(by, t))</p>"
    }

    func actions(_ request: OrderRequest, _ t: Language) -> HTML {
        let id = request.id.rawValue
        let action = "\(base)/orders/\(id)"
        switch request.status {
        case .requested:
            let errors = answerErrors[request.id] ?? FormErrors()
            let fields = FormFields(errors: errors, t: t)
            let quantities: [HTML] = request.lines.map { line in
                fields.input(
                    "q-\(line.id.rawValue)", "\(line.name) (\(t("demandé", "asked")) : \(line.quantity))",
                    value: typed["q-\(line.id.rawValue)"] ?? String(line.quantity), id: "q-\(id)-\(line.id.rawValue)",
                    type: "number", extra: " min=\"0\" max=\"\(line.quantity)\" inputmode=\"numeric\"")
            }
            return """
                <form method="post" action="\(action)/accept" class="field-form order-answer">
                <fieldset><legend>\(t("Accepter (tout ou partie)", "Accept (all or part)"))</legend>\(quantities)</fieldset>
                <div class="actions"><button type="submit">\(t("Accepter", "Accept"))</button></div>
                </form>
                <form method="post" action="\(action)/refuse" class="field-form order-answer">
                <div class="field"><label for="reason-\(id)">\(t("Motif du refus (lu par le client)", "Reason for refusing (the customer reads it)"))</label>\
                <textarea id="reason-\(id)" name="reason" maxlength="500"\(errors.attributes("reason", id: "reason-\(id)"))>\(typed["reason"] ?? "")</textarea>\
                \(errors.message("reason", id: "reason-\(id)", t))</div>
                <div class="actions"><button type="submit" class="danger">\(t("Refuser", "Refuse"))</button></div>
                </form>
                """
        case .accepted: return button("\(action)/ready", t("Marquer prête", "Mark ready"))
        case .ready:
            return """
                <div class="confirm-actions">\(button("\(action)/collected", t("Retirée", "Collected")))\
                \(button("\(action)/not-collected", t("Non retirée", "Not collected"), secondary: true))</div>
                """
        default: return ""
        }
    }

    /// The summary's links reach the fields of this request's forms.
    func anchors(_ request: OrderRequest) -> [String: String] {
        var anchors = ["reason": "reason-\(request.id.rawValue)"]
        for line in request.lines {
            anchors["q-\(line.id.rawValue)"] = "q-\(request.id.rawValue)-\(line.id.rawValue)"
        }
        return anchors
    }

    func button(_ action: String, _ label: String, secondary: Bool = false) -> HTML {
        "<form method=\"post\" action=\"\(action)\" class=\"inline\"><button type=\"submit\"\(secondary ? HTML(" class=\"secondary\"") : "")>\(label)</button></form>"
    }
}

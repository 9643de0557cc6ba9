import Community
import Foundation
import Orders

/// Pieces shared by the resident's and the merchant's order pages.
enum OrderViews {
    /// The merchant's open pre-order campaigns, each linked to its page, on the order page and the merchant's page.
    static func campaignLinks(_ campaigns: [PreOrderCampaign], merchant: Merchant, _ t: Language) -> HTML {
        guard !campaigns.isEmpty else { return "" }
        let links: [HTML] = campaigns.map {
            "<li><a href=\"/merchants/\(merchant.slug)/campaigns/\($0.id.rawValue)\">\($0.title)</a> <span class=\"meta\">(\(t("jusqu'au", "until")) \(Formats.dateTime($0.closesAt, t)))</span></li>"
        }
        return
            "<section class=\"order-campaigns\"><h2>\(t("Précommandes ouvertes", "Open pre-orders"))</h2><ul>\(links)</ul></section>"
    }

    /// A request's lines, total, collection time, note and reason.
    static func details(_ request: OrderRequest, place: OrderMailText.Place?, _ t: Language) -> HTML {
        let lines: [HTML] = request.lines.map { "<li>\(OrderWording.line($0, t))</li>" }
        let note: HTML =
            request.note.isEmpty ? "" : "<p class=\"order-note\">\(t("Message", "Message")) : \(request.note)</p>"
        let reason: HTML =
            OrderWording.reason(request, t).map {
                "<p class=\"order-reason\">\(t("Motif", "Reason")) : \($0)</p>"
            } ?? ""
        let when: HTML = place.map { "<p>\(t("Retrait", "Collection")) : \($0.text(t))</p>" } ?? ""
        return """
            <ul class="order-lines">\(lines)</ul>
            <p class="order-total">\(OrderWording.total(request, t))</p>
            \(when)\(note)\(reason)
            """
    }

    /// The status as a badge.
    static func status(_ request: OrderRequest, _ t: Language) -> HTML {
        "<span class=\"order-status status-\(request.status.rawValue)\">\(OrderWording.status(request.status, t))</span>"
    }
}

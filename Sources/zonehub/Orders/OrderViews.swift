import Community
import Foundation
import Orders

/// Pieces shared by the resident's and the merchant's order pages.
enum OrderViews {
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

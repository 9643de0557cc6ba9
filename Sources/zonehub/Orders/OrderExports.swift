import Community
import Feeds
import Foundation
import Orders

/// What a merchant takes out of the hub: the orders as CSV, and the collection windows with their orders as a
/// private iCalendar feed.
enum OrderExports {
    static let csvHeader = [
        "commande", "statut", "client", "e-mail", "retrait", "produit", "quantité demandée", "quantité acceptée",
        "prix unitaire", "message",
    ]

    /// One line per order line, newest order first; French words, decimal commas.
    static func csv(_ requests: [OrderRequest], places: [OrderRequest.ID: OrderMailText.Place]) -> String {
        var rows: [[String]] = []
        for request in requests {
            for line in request.lines {
                rows.append([
                    String(request.id.rawValue), request.status.french, request.residentName, request.email,
                    places[request.id]?.text(.fr) ?? "", line.name, String(line.quantity),
                    line.acceptedQuantity.map(String.init) ?? "", Formats.price(cents: line.priceCents, .fr),
                    request.note,
                ])
            }
        }
        return CSVTable.write(header: csvHeader, rows: rows)
    }

    /// One event per window: who collects what, in the description.
    static func calendar(
        _ windows: [(window: CollectionWindow, requests: [OrderRequest])], merchant: Merchant, stamp: Date,
        baseURL: String
    ) -> String {
        let events = windows.map { window, requests in
            let lines = requests.map { request in
                let items = request.lines.map { line in
                    "\(line.acceptedQuantity ?? line.quantity) × \(line.name)"
                }
                return "n° \(request.id.rawValue) \(request.residentName) (\(request.status.french)) : "
                    + items.joined(separator: ", ")
            }
            // Bumped whenever a request in the window changes, so calendar apps replace their copy.
            let changed = requests.map(\.updatedAt).max() ?? window.createdAt
            let count = Wording.count(requests.count, .fr, fr: ("commande", "commandes"), en: ("order", "orders"))
            return CalendarEvent(
                uid: "collection-window-\(window.id.rawValue)@zonehub",
                sequence: Int(max(0, changed.timeIntervalSince(window.createdAt)) / 60),
                stamp: stamp, start: window.startsAt, end: window.endsAt, timeZone: "Europe/Paris",
                summary: "Retraits \(merchant.name) : \(count)", description: lines.joined(separator: "\n"),
                location: [merchant.profile.address, "\(merchant.profile.postcode) \(merchant.profile.commune)"]
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", "),
                url: "\(baseURL)/dashboard/merchants/\(merchant.slug)/orders",
                status: window.removedAt == nil ? .confirmed : .cancelled)
        }
        return ICalendarRenderer.render(name: "Commandes — \(merchant.name)", events: events)
    }
}

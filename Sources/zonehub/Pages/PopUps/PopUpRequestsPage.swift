import Community
import Foundation
import PopUps

/// Every booking request waiting for the viewer, across the venues they organise, oldest first: one card each,
/// with its merchant, venue and time, an approve button and a refuse form that asks for the reason.
struct PopUpRequestsPage {
    let requests: [BookingService.Request]
    /// The zones of each venue, to name them when the viewer organises several.
    let zones: [Zone.ID: Zone]
    let flash: Flash?
    /// The request whose refusal came back, with what was typed and why it was refused.
    let failed: (id: PopUpBooking.ID, reason: String, errors: FormErrors)?

    func title(_ t: Language) -> String { t("Demandes de réservation", "Booking requests") }

    func body(_ t: Language) -> HTML {
        let cards: [HTML] = requests.map { card($0, t) }
        let list: HTML =
            cards.isEmpty
            ? "<p class=\"empty\">\(t("Aucune demande n'attend votre réponse.", "No request is waiting for your answer."))</p>"
            : "<ol class=\"requests\">\(cards)</ol>"
        let count: HTML =
            cards.isEmpty
            ? ""
            : "<p class=\"lead\">\(Wording.count(cards.count, t, fr: ("demande attend votre réponse", "demandes attendent votre réponse"), en: ("request is waiting for your answer", "requests are waiting for your answer"))), \(t("la plus ancienne en premier.", "oldest first."))</p>"
        // A request answered meanwhile is no longer listed: its error shows above the list.
        let orphan: [HTML] =
            failed.flatMap { failed in
                requests.contains { $0.booking.id == failed.id }
                    ? nil
                    : (failed.errors.general + Array(failed.errors.byField.values)).map {
                        "<p class=\"error\" role=\"alert\">\(UserMessages.text($0, t))</p>"
                    }
            } ?? []
        return """
            <h1>\(title(t))</h1>
            \(flash?.html(t) ?? "")
            \(orphan)
            \(count)
            \(list)
            """
    }

    private func card(_ request: BookingService.Request, _ t: Language) -> HTML {
        let booking = request.booking
        let id = booking.id.rawValue
        let failedHere = failed.flatMap { $0.id == booking.id ? $0 : nil }
        let errors = failedHere?.errors ?? FormErrors()
        let fieldID = "reason-\(id)"
        let zone: HTML =
            Set(requests.map(\.venue.zoneID)).count > 1
            ? " · \(zones[request.venue.zoneID]?.name ?? "")" : ""
        let general: [HTML] = errors.general.map { "<p class=\"error\" role=\"alert\">\(UserMessages.text($0, t))</p>" }
        return """
            <li class="request-card" id="request-\(id)">
            <h2>\(booking.merchantName)</h2>
            <p><a href="/pop-up-venues/\(request.venue.id)">\(request.venue.name)</a>\(zone)</p>
            <p><a href="/pop-up-slots/\(request.slot.id)">\(PopUpViews.when(request.slot, t))</a></p>
            <p>\(PopUpViews.places(request.slot, t))</p>
            <p class="meta">\(t("Demandé le", "Requested on")) \(Formats.dateTime(booking.createdAt, t))</p>
            \(general)
            <div class="request-actions">
            <form method="post" action="\(PopUpEditPaths.requests)/\(id)/approve">\
            <button type="submit" class="approve">\(t("Accepter", "Approve"))</button></form>
            <form method="post" action="\(PopUpEditPaths.requests)/\(id)/refuse" class="refuse" novalidate>
            <label for="\(fieldID)">\(t("Motif du refus, lu par le commerçant", "Reason for refusing, read by the merchant"))</label>\
            <input id="\(fieldID)" name="reason" value="\(failedHere?.reason ?? "")" required\
            \(errors.attributes("reason", id: fieldID))>\(errors.message("reason", id: fieldID, t))
            <button type="submit" class="secondary">\(t("Refuser", "Refuse"))</button></form>
            </div>
            </li>
            """
    }
}

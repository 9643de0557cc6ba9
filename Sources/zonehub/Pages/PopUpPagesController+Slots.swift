import Community
import Foundation
import Hummingbird
import PopUps

extension PopUpPagesController {
    func slot(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await slotPage(try PathID.id(context, "slot"), message: nil, context: context)
    }

    /// A merchant books (or joins the waitlist) for one of their profiles.
    func book(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpSlot.ID = try PathID.id(context, "slot")
        let form = try await FormBody.read(request, context: context)
        do {
            _ = try await bookings.book(
                id, merchantSlug: form["merchant"] ?? "", waitlist: form["waitlist"] != nil, by: user)
            return PageRenderer.redirect(to: "/pop-up-slots/\(id)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await slotPage(id, message: error, context: context)
        }
    }

    func cancelSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpSlot.ID = try PathID.id(context, "slot")
        let form = try await FormBody.read(request, context: context)
        do {
            _ = try await venues.cancelSlot(id, reason: form["reason"], by: user)
            return PageRenderer.redirect(to: "/pop-up-slots/\(id)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await slotPage(id, message: error, context: context)
        }
    }

    /// Approve, refuse, cancel or accept a booking, then back to its slot.
    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpBooking.ID = try PathID.id(context, "booking")
        let form = try await FormBody.read(request, context: context)
        guard let slotID = form["slot"].flatMap(Int64.init).map(PopUpSlot.ID.init) else {
            throw CommunityError.invalid("slot", "the form names no slot")
        }
        do {
            switch context.parameters.get("action") {
            case "approve": _ = try await bookings.approve(id, by: user)
            case "refuse": _ = try await bookings.refuse(id, reason: form["reason"], by: user)
            case "cancel": _ = try await bookings.cancel(id, reason: form["reason"], by: user)
            case "accept": _ = try await bookings.accept(id, by: user)
            default: throw HTTPError(.notFound)
            }
            return PageRenderer.redirect(
                to: form["back"] == "dashboard" ? "/dashboard/pop-ups" : "/pop-up-slots/\(slotID)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await slotPage(slotID, message: error, context: context)
        }
    }

    func slotPage(_ id: PopUpSlot.ID, message: CommunityError?, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let slot = try await venues.slot(id)
        let (venue, zone) = try await venues.venueInZone(slot.venueID)
        let organiser = try await venues.organises(zone.id, context.user)
        var sections: [HTML] = []
        if let user = context.user, user.role == .merchant || user.role == .hubOperator {
            let mine = try await merchants.owned(by: user).filter { $0.zoneIDs.contains(zone.id) }
            var held: [PopUpBooking] = []
            for merchant in mine {
                held += try await bookings.bookings(merchantSlug: merchant.slug, by: user).filter { $0.slotID == id }
            }
            sections.append(PopUpOrganiserViews.merchantBox(slot, merchants: mine, bookings: held, t))
        }
        if organiser {
            sections.append(
                PopUpOrganiserViews.bookingsTable(
                    try await bookings.bookings(slot: id, by: context.user!), slot: slot, t))
        }
        return PageRenderer.page(
            venue.name + " · " + PopUpViews.when(slot, t),
            """
            <p class="meta"><a href="/pop-up-venues/\(venue.id)">\(venue.name)</a> · \(venue.details.address), \
            \(venue.details.commune)</p>
            <h1>\(venue.name) — \(PopUpViews.when(slot, t))</h1>
            \(message.map { PopUpViews.error($0, t) } ?? "")
            <p class="places">\(PopUpViews.places(slot, t))</p>
            \(slot.priceCents.map { "<p class=\"price\">\(Formats.price(cents: $0, t))</p>" } ?? "")
            \(sections)
            """, context: context, status: message.map { ErrorMiddleware.status(of: $0.category) } ?? .ok)
    }

    /// A merchant's coming bookings, with each profile's private calendar address.
    func dashboard(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let user = try context.requireUser()
        var blocks: [HTML] = []
        for merchant in try await merchants.owned(by: user) {
            let list = try await bookings.bookings(merchantSlug: merchant.slug, by: user)
            var rows: [HTML] = []
            for booking in list {
                let slot = try await venues.slot(booking.slotID)
                rows.append(
                    """
                    <tr><td><a href="/pop-up-slots/\(slot.id)">\(PopUpViews.when(slot, t))</a></td>\
                    <td>\(PopUpViews.status(booking.status, t))</td></tr>
                    """)
            }
            let calendar = PopUpCalendarController.merchantCalendarURL(merchant, publicURL: publicURL, tokens: popUps.tokens)
            blocks.append(
                """
                <h2>\(merchant.name)</h2>
                \(PopUpViews.either(rows, "<table><tbody>\(rows)</tbody></table>",
                    empty: t("Aucune réservation à venir.", "No coming booking.")))
                <p class="meta">\(t("Votre calendrier privé (à garder pour vous)", "Your private calendar (keep it secret)")) : \
                <a href="\(calendar)">\(calendar)</a></p>
                """)
        }
        return PageRenderer.page(
            t("Mes boutiques éphémères", "My pop-up shops"),
            "<h1>\(t("Mes boutiques éphémères", "My pop-up shops"))</h1>\(blocks)", context: context)
    }
}

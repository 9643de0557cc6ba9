import Community
import Foundation
import Hummingbird
import PopUps

extension PopUpPagesController {
    func slot(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await slotPage(
            try PathID.id(context, .slot), message: nil, flash: Flash(request), context: context)
    }

    /// A merchant books (or joins the waitlist) for one of their profiles.
    func book(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpSlot.ID = try PathID.id(context, .slot)
        let form = try await FormBody.read(request, context: context)
        do {
            _ = try await bookings.book(
                id, merchantSlug: form["merchant"] ?? "", waitlist: form["waitlist"] != nil, by: user)
            return PageRenderer.redirect(to: "/pop-up-slots/\(id)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await slotPage(id, message: error, context: context)
        }
    }

    /// Approve, refuse, cancel or accept a booking, then back to its slot.
    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpBooking.ID = try PathID.id(context, .booking)
        let form = try await FormBody.read(request, context: context)
        guard let slotID = form["slot"].flatMap(Int64.init).map(PopUpSlot.ID.init) else {
            throw PopUpField.slot.invalid("the form names no slot")
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

    func slotPage(
        _ id: PopUpSlot.ID, message: CommunityError?, flash: Flash? = nil, context: HubRequestContext
    ) async throws -> Response {
        let slot = try await venues.slot(id)
        let (venue, zone) = try await venues.venueInZone(slot.venueID)
        let organiser = try await venues.organises(zone.id, context.user)
        var own: PopUpSlotPage.OwnBookings?
        if let user = context.user, user.role == .merchant || user.role == .hubOperator {
            let mine = try await merchants.owned(by: user).filter { $0.zoneIDs.contains(zone.id) }
            var held: [PopUpBooking] = []
            for merchant in mine {
                held += try await bookings.bookings(merchantSlug: merchant.slug, by: user).filter { $0.slotID == id }
            }
            own = PopUpSlotPage.OwnBookings(merchants: mine, bookings: held)
        }
        var page = PopUpSlotPage(
            slot: slot, venue: venue, own: own,
            organiserBookings: organiser ? try await bookings.bookings(slot: id, by: context.user!) : nil,
            message: message)
        page.flash = flash
        if organiser { page.manage = PopUpOrganiserLinks.slot(slot, zone, context.language) }
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: message.map { ErrorMiddleware.status(of: $0.category) } ?? .ok, zone: ZoneLink(zone),
            crumbs: [
                .popUps(ZoneLink(zone), context.language),
                .init(name: venue.name, path: "/pop-up-venues/\(venue.id.rawValue)"),
            ])
    }

    /// A merchant's coming bookings, with each profile's private calendar address.
    func dashboard(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var blocks: [PopUpDashboardPage.MerchantBookings] = []
        for merchant in try await merchants.owned(by: user) {
            var list: [(booking: PopUpBooking, slot: PopUpSlot)] = []
            for booking in try await bookings.bookings(merchantSlug: merchant.slug, by: user) {
                list.append((booking, try await venues.slot(booking.slotID)))
            }
            let calendar = PopUpCalendarController.merchantCalendarURL(
                merchant, publicURL: publicURL, tokens: popUps.tokens)
            blocks.append(.init(merchant: merchant, bookings: list, calendarURL: calendar))
        }
        let page = PopUpDashboardPage(merchants: blocks)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }
}

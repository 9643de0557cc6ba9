import Community
import Foundation
import Hummingbird
import PopUps

/// `/api/v1` endpoints for pop-up shops: venues, slots, series, bookings and the waitlist.
struct PopUpAPIController {
    let merchants: MerchantService
    let popUps: PopUpServices
    /// The hub's public address, for absolute links.
    let publicURL: String
    var base: String { publicURL }
    var venues: PopUpService { popUps.venues }
    var bookings: BookingService { popUps.bookings }

    func addRoutes(to group: some RouterMethods<HubRequestContext>) {
        group.get("zones/:slug/pop-up-venues", use: listVenues)
        group.post("zones/:slug/pop-up-venues", use: createVenue)
        group.post("zones/:slug/pop-up-organisers", use: grantOrganiser)
        group.get("pop-up-venues/:id", use: venue)
        group.put("pop-up-venues/:id", use: updateVenue)
        group.get("pop-up-venues/:id/slots", use: slots)
        group.post("pop-up-venues/:id/slots", use: createSlot)
        group.post("pop-up-venues/:id/series", use: createSeries)
        group.put("pop-up-series/:id", use: editSeries)
        group.post("pop-up-series/:id/cancel", use: cancelSeries)
        group.get("pop-up-slots/:id", use: slot)
        group.put("pop-up-slots/:id", use: editSlot)
        group.post("pop-up-slots/:id/cancel", use: cancelSlot)
        group.get("pop-up-slots/:id/bookings", use: slotBookings)
        group.post("pop-up-slots/:id/bookings", use: book)
        group.get("pop-up-bookings/:id", use: booking)
        group.post("pop-up-bookings/:id/approve", use: approve)
        group.post("pop-up-bookings/:id/refuse", use: refuse)
        group.post("pop-up-bookings/:id/cancel", use: cancel)
        group.post("pop-up-bookings/:id/accept", use: accept)
        group.get("merchants/:slug/pop-up-bookings", use: merchantBookings)
    }

    func listVenues(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (zone, list) = try await venues.venues(zoneSlug: context.parameters.require("slug"))
        return JSONBody.response(
            ListPayload(items: list.map { PopUpVenuePayload($0, zone: zone.slug, baseURL: base) }, next: nil))
    }

    func createVenue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PopUpVenueRequest.self, from: request, context: context)
        let slug = try context.parameters.require("slug")
        let venue = try await venues.createVenue(zoneSlug: slug, details: body.details, by: user)
        return JSONBody.response(PopUpVenuePayload(venue, zone: slug, baseURL: base), status: .created)
    }

    func grantOrganiser(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PopUpOrganiserRequest.self, from: request, context: context)
        let granted = try await venues.grantOrganiser(
            email: body.email, zoneSlug: context.parameters.require("slug"), by: user)
        return JSONBody.response(UserPayload(granted), status: .created)
    }

    func venue(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await venuePayload(try await venues.venue(try PathID.id(context, .venue)))
    }

    func updateVenue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PopUpVenueRequest.self, from: request, context: context)
        return try await venuePayload(
            try await venues.updateVenue(try PathID.id(context, .venue), details: body.details, by: user))
    }

    func slots(_ request: Request, context: HubRequestContext) async throws -> Response {
        let venue = try await venues.venue(try PathID.id(context, .venue))
        let slots = try await venues.slots(venue: venue.id)
        return JSONBody.response(ListPayload(items: slots.map { PopUpSlotPayload($0, baseURL: base) }, next: nil))
    }

    func createSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let draft = try await JSONBody.decode(PopUpSlotDraft.self, from: request, context: context)
        let slot = try await venues.createSlot(venue: try PathID.id(context, .venue), draft, by: user)
        return JSONBody.response(PopUpSlotPayload(slot, baseURL: base), status: .created)
    }

    func createSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PopUpSeriesRequest.self, from: request, context: context)
        let slots = try await venues.createSeries(venue: try PathID.id(context, .venue), body.rule, by: user)
        return JSONBody.response(
            ListPayload(items: slots.map { PopUpSlotPayload($0, baseURL: base) }, next: nil), status: .created)
    }

    func editSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PopUpSeriesRequest.self, from: request, context: context)
        let slots = try await venues.editSeries(try PathID.id(context, .series), body.rule, by: user)
        return JSONBody.response(ListPayload(items: slots.map { PopUpSlotPayload($0, baseURL: base) }, next: nil))
    }

    func cancelSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await Self.reason(request, context: context)
        let slots = try await venues.cancelSeries(try PathID.id(context, .series), reason: body.reason, by: user)
        return JSONBody.response(ListPayload(items: slots.map { PopUpSlotPayload($0, baseURL: base) }, next: nil))
    }

    func slot(_ request: Request, context: HubRequestContext) async throws -> Response {
        JSONBody.response(PopUpSlotPayload(try await venues.slot(try PathID.id(context, .slot)), baseURL: base))
    }

    func editSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let draft = try await JSONBody.decode(PopUpSlotDraft.self, from: request, context: context)
        let slot = try await venues.editSlot(try PathID.id(context, .slot), draft, by: user)
        return JSONBody.response(PopUpSlotPayload(slot, baseURL: base))
    }

    func cancelSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await Self.reason(request, context: context)
        let slot = try await venues.cancelSlot(try PathID.id(context, .slot), reason: body.reason, by: user)
        return JSONBody.response(PopUpSlotPayload(slot, baseURL: base))
    }

    func slotBookings(_ request: Request, context: HubRequestContext) async throws -> Response {
        let list = try await bookings.bookings(slot: try PathID.id(context, .slot), by: try context.requireUser())
        return JSONBody.response(ListPayload(items: list.map(PopUpBookingPayload.init), next: nil))
    }

    func book(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PopUpBookingRequest.self, from: request, context: context)
        let booking = try await bookings.book(
            try PathID.id(context, .slot), merchantSlug: body.merchant, waitlist: body.waitlist ?? true, by: user)
        return JSONBody.response(PopUpBookingPayload(booking), status: .created)
    }

    func booking(_ request: Request, context: HubRequestContext) async throws -> Response {
        let booking = try await bookings.booking(try PathID.id(context, .booking), by: try context.requireUser())
        return JSONBody.response(PopUpBookingPayload(booking))
    }

    func approve(_ request: Request, context: HubRequestContext) async throws -> Response {
        let booking = try await bookings.approve(try PathID.id(context, .booking), by: try context.requireUser())
        return JSONBody.response(PopUpBookingPayload(booking))
    }

    func refuse(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await Self.reason(request, context: context)
        let booking = try await bookings.refuse(try PathID.id(context, .booking), reason: body.reason, by: user)
        return JSONBody.response(PopUpBookingPayload(booking))
    }

    func cancel(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await Self.reason(request, context: context)
        let booking = try await bookings.cancel(try PathID.id(context, .booking), reason: body.reason, by: user)
        return JSONBody.response(PopUpBookingPayload(booking))
    }

    func accept(_ request: Request, context: HubRequestContext) async throws -> Response {
        let booking = try await bookings.accept(try PathID.id(context, .booking), by: try context.requireUser())
        return JSONBody.response(PopUpBookingPayload(booking))
    }

    func merchantBookings(_ request: Request, context: HubRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        let list = try await bookings.bookings(merchantSlug: slug, by: try context.requireUser())
        let merchant = try await merchants.merchant(slug: slug)
        return JSONBody.response(
            PopUpMerchantBookingsPayload(
                items: list.map(PopUpBookingPayload.init),
                calendar: PopUpCalendarController.merchantCalendarURL(
                    merchant, publicURL: publicURL, tokens: popUps.tokens)))
    }

    /// The optional `{"reason": ...}` body of a cancellation or refusal; an empty body gives no reason.
    static func reason(_ request: Request, context: HubRequestContext) async throws -> PopUpReasonRequest {
        guard request.headers[.contentLength] != "0", request.headers[.contentType] != nil else {
            return PopUpReasonRequest(reason: nil)
        }
        return try await JSONBody.decode(PopUpReasonRequest.self, from: request, context: context)
    }

    private func venuePayload(_ venue: PopUpVenue) async throws -> Response {
        let (venue, zone) = try await venues.venueInZone(venue.id)
        return JSONBody.response(PopUpVenuePayload(venue, zone: zone.slug, baseURL: base))
    }
}

/// Registers every pop-up route: calendars, pages and the API.
func addPopUpRoutes(
    hub: Hub, pages: some RouterMethods<HubRequestContext>, api: some RouterMethods<HubRequestContext>
) {
    let publicURL = hub.settings.publicURL
    PopUpCalendarController(merchants: hub.merchants, popUps: hub.popUps, publicURL: publicURL).addRoutes(to: pages)
    PopUpPagesController(merchants: hub.merchants, popUps: hub.popUps, publicURL: publicURL, photos: hub.placePhotos)
        .addRoutes(to: pages)
    PopUpEditController(venues: hub.popUps.venues).addRoutes(to: pages)
    PopUpRequestsController(zones: hub.zones, popUps: hub.popUps).addRoutes(to: pages)
    PopUpAPIController(merchants: hub.merchants, popUps: hub.popUps, publicURL: publicURL).addRoutes(to: api)
}

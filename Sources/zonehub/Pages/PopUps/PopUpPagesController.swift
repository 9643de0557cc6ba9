import Community
import Foundation
import Hummingbird
import Photos
import PopUps

/// Pop-up shop pages: a zone's venues and calendar, a venue, a slot with its free places and booking buttons, and
/// the organisers' forms. Each page's markup is its view's (`PopUpZonePage`, `PopUpVenuePage`, `PopUpSlotPage`, …).
struct PopUpPagesController {
    let merchants: MerchantService
    let popUps: PopUpServices
    /// The hub's public address, for absolute links.
    let publicURL: String
    /// The venues' photos.
    let photos: PlacePhotoService
    var venues: PopUpService { popUps.venues }
    var bookings: BookingService { popUps.bookings }

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/pop-ups", use: zone)
        router.post("/zones/:slug/pop-ups", use: createVenue)
        router.get("/pop-up-venues/:id", use: venue)
        router.post("/pop-up-venues/:id/slots", use: createSlot)
        router.post("/pop-up-venues/:id/series", use: createSeries)
        router.get("/pop-up-slots/:id", use: slot)
        router.post("/pop-up-slots/:id/book", use: book)
        router.post("/pop-up-bookings/:id/:action", use: decide)
        router.get("/dashboard/pop-ups", use: dashboard)
    }

    /// The zone's venues and coming slots; organisers also get the form for a new venue.
    func zone(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await zonePage(context.parameters.require("slug"), error: nil, context: context)
    }

    func createVenue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let form = try await FormBody.read(request, context: context)
        do {
            let venue = try await venues.createVenue(zoneSlug: slug, details: try PopUpForms.venue(form), by: user)
            return PageRenderer.redirect(to: "/pop-up-venues/\(venue.id)")
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await zonePage(slug, error: error, form: form, context: context)
        }
    }

    private func zonePage(
        _ slug: String, error: CommunityError?, form: FormBody? = nil, context: HubRequestContext
    ) async throws -> Response {
        let (zone, list) = try await venues.venues(zoneSlug: slug)
        var page = PopUpZonePage(
            zone: zone, venues: list, slots: try await venues.slots(zone: zone, limit: 60),
            organiser: try await venues.organises(zone.id, context.user), form: form, error: error)
        page.photos = try await photos.photos(.venue, of: list.map(\.id.rawValue))
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: error == nil ? .ok : .badRequest, zone: ZoneLink(zone), crumbs: [])
    }

    func venue(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await venuePage(
            try PathID.id(context, .venue), error: nil, flash: Flash(request), context: context)
    }

    func createSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await organiserForm(request, context: context) { form, id, user in
            _ = try await venues.createSlot(venue: id, try PopUpForms.slot(form), by: user)
        }
    }

    func createSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await organiserForm(request, context: context) { form, id, user in
            _ = try await venues.createSeries(venue: id, try PopUpForms.series(form), by: user)
        }
    }

    private func organiserForm(
        _ request: Request, context: HubRequestContext,
        _ body: (FormBody, PopUpVenue.ID, User) async throws -> Void
    ) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpVenue.ID = try PathID.id(context, .venue)
        let form = try await FormBody.read(request, context: context)
        do {
            try await body(form, id, user)
            return PageRenderer.redirect(to: "/pop-up-venues/\(id)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await venuePage(id, error: error, context: context)
        }
    }

    private func venuePage(
        _ id: PopUpVenue.ID, error: CommunityError?, flash: Flash? = nil, context: HubRequestContext
    ) async throws -> Response {
        let (venue, zone) = try await venues.venueInZone(id)
        var page = PopUpVenuePage(
            venue: venue, zone: zone, slots: try await venues.slots(venue: venue.id),
            organiser: try await venues.organises(zone.id, context.user), error: error)
        page.flash = flash
        page.photo = try await photos.photo(of: .venue(venue.id.rawValue, zone: zone.id))
        if page.organiser, let user = context.user {
            page.manage = try await PopUpOrganiserLinks.venue(
                venue, zone, slots: page.slots, venues: venues, user: user, context.language)
        }
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok, zone: ZoneLink(zone),
            crumbs: [.popUps(ZoneLink(zone), context.language)])
    }
}

import Community
import Foundation
import Hummingbird
import PopUps

/// Organisers' edit forms under their zone: a venue, a slot, a series, and the confirmation step before cancelling
/// a slot or a series. A venue, slot or series of another zone is not found there; someone who does not organise
/// the zone is refused. The services check the same again, and write the audit log.
struct PopUpEditController {
    let venues: PopUpService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/pop-ups/venues/:id/edit", use: editVenue)
        router.post("/zones/:slug/pop-ups/venues/:id/edit", use: saveVenue)
        router.get("/zones/:slug/pop-ups/slots/:id/edit", use: editSlot)
        router.post("/zones/:slug/pop-ups/slots/:id/edit", use: saveSlot)
        router.get("/zones/:slug/pop-ups/slots/:id/cancel", use: confirmSlotCancel)
        router.post("/zones/:slug/pop-ups/slots/:id/cancel", use: cancelSlot)
        router.get("/zones/:slug/pop-ups/series/:id/edit", use: editSeries)
        router.post("/zones/:slug/pop-ups/series/:id/edit", use: saveSeries)
        router.get("/zones/:slug/pop-ups/series/:id/cancel", use: confirmSeriesCancel)
        router.post("/zones/:slug/pop-ups/series/:id/cancel", use: cancelSeries)
    }

    // MARK: Venue

    func editVenue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (venue, zone, _) = try await organisedVenue(context)
        return page(PopUpVenueEditPage(venue: venue, zone: zone, form: nil, errors: .init()), zone, context)
    }

    func saveVenue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (venue, zone, user) = try await organisedVenue(context)
        var reader = OrganiserFormReader(try await FormBody.read(request, context: context))
        let details = reader.venue()
        if reader.errors.isEmpty {
            do {
                _ = try await venues.updateVenue(venue.id, details: details, by: user)
                return PageRenderer.redirect(to: Flash.venueSaved.on("/pop-up-venues/\(venue.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { reader.add(error) }
        }
        let page = PopUpVenueEditPage(venue: venue, zone: zone, form: reader.form, errors: reader.errors)
        return self.page(page, zone, context, errors: reader.errors)
    }

    // MARK: Slot

    func editSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (slot, venue, zone, _) = try await organisedSlot(context)
        return page(PopUpSlotEditPage(slot: slot, venue: venue, zone: zone, form: nil, errors: .init()), zone, context)
    }

    func saveSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (slot, venue, zone, user) = try await organisedSlot(context)
        var reader = OrganiserFormReader(try await FormBody.read(request, context: context))
        let draft = reader.slot(timeZone: TimeZone(identifier: slot.timeZone) ?? Formats.paris)
        // The rules between fields (end after start, booking window) show at once with the fields' own errors.
        if let draft { for problem in try await venues.problems(draft, of: slot) { reader.add(problem) } }
        if let draft, reader.errors.isEmpty {
            do {
                _ = try await venues.editSlot(slot.id, draft, by: user)
                return PageRenderer.redirect(to: Flash.slotSaved.on("/pop-up-slots/\(slot.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { reader.add(error) }
        }
        let page = PopUpSlotEditPage(slot: slot, venue: venue, zone: zone, form: reader.form, errors: reader.errors)
        return self.page(page, zone, context, errors: reader.errors)
    }

    func confirmSlotCancel(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (slot, venue, zone, _) = try await organisedSlot(context)
        let page = PopUpCancelPage(subject: .slot(slot), venue: venue, zone: zone, reason: "", errors: .init())
        return self.page(page, zone, context)
    }

    /// Cancels only with the confirmation field the confirmation page sends; otherwise shows that page.
    func cancelSlot(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (slot, venue, zone, user) = try await organisedSlot(context)
        let form = try await FormBody.read(request, context: context)
        var errors = FormErrors()
        if form["confirm"] == "1" {
            do {
                _ = try await venues.cancelSlot(slot.id, reason: form["reason"], by: user)
                return PageRenderer.redirect(to: Flash.slotCancelled.on("/pop-up-slots/\(slot.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { errors.add(error) }
        }
        let page = PopUpCancelPage(
            subject: .slot(slot), venue: venue, zone: zone, reason: form.text("reason"), errors: errors)
        return self.page(page, zone, context, errors: errors)
    }

    // MARK: Series

    func editSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (series, venue, zone, _) = try await organisedSeries(context)
        let page = PopUpSeriesEditPage(
            series: series, venue: venue, zone: zone, coming: try await coming(series), form: nil, errors: .init())
        return self.page(page, zone, context)
    }

    func saveSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (series, venue, zone, user) = try await organisedSeries(context)
        var reader = OrganiserFormReader(try await FormBody.read(request, context: context))
        if let rule = reader.series() {
            do {
                _ = try await venues.editSeries(series.id, rule, by: user)
                return PageRenderer.redirect(to: Flash.seriesSaved.on("/pop-up-venues/\(venue.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { reader.add(error) }
        }
        let page = PopUpSeriesEditPage(
            series: series, venue: venue, zone: zone, coming: try await coming(series), form: reader.form,
            errors: reader.errors)
        return self.page(page, zone, context, errors: reader.errors)
    }

    func confirmSeriesCancel(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (series, venue, zone, _) = try await organisedSeries(context)
        let page = PopUpCancelPage(
            subject: .series(series, coming: try await coming(series)), venue: venue, zone: zone, reason: "",
            errors: .init())
        return self.page(page, zone, context)
    }

    func cancelSeries(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (series, venue, zone, user) = try await organisedSeries(context)
        let form = try await FormBody.read(request, context: context)
        var errors = FormErrors()
        if form["confirm"] == "1" {
            do {
                _ = try await venues.cancelSeries(series.id, reason: form["reason"], by: user)
                return PageRenderer.redirect(
                    to: Flash.seriesCancelled.on("/pop-up-venues/\(venue.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { errors.add(error) }
        }
        let page = PopUpCancelPage(
            subject: .series(series, coming: try await coming(series)), venue: venue, zone: zone,
            reason: form.text("reason"), errors: errors)
        return self.page(page, zone, context, errors: errors)
    }

    // MARK: Finding what is edited

    /// The venue named in the path, when it belongs to the path's zone and the viewer organises that zone.
    private func organisedVenue(_ context: HubRequestContext) async throws -> (PopUpVenue, Zone, User) {
        let user = try context.requireUser()
        let (venue, zone) = try await venues.venueInZone(try PathID.id(context, .venue))
        guard zone.slug == context.parameters.get("slug") else { throw PopUpNotFound.venue.notFound }
        try await requireOrganiser(zone, user)
        return (venue, zone, user)
    }

    /// The open slot named in the path, when its venue belongs to the path's zone and the viewer organises it.
    private func organisedSlot(_ context: HubRequestContext) async throws -> (PopUpSlot, PopUpVenue, Zone, User) {
        let user = try context.requireUser()
        let slot = try await venues.slot(try PathID.id(context, .slot))
        let (venue, zone) = try await venues.venueInZone(slot.venueID)
        guard zone.slug == context.parameters.get("slug") else { throw PopUpNotFound.slot.notFound }
        try await requireOrganiser(zone, user)
        guard slot.status == .open else { throw PopUpProblem.slotCancelled.error("this slot was cancelled") }
        return (slot, venue, zone, user)
    }

    private func organisedSeries(_ context: HubRequestContext) async throws
        -> (PopUpSeries, PopUpVenue, Zone, User)
    {
        let user = try context.requireUser()
        let id: PopUpSeries.ID = try PathID.id(context, .series)
        let slug = context.parameters.get("slug")
        // The zone is checked before the role, so that a series of another zone is not found rather than refused.
        do {
            let (series, venue, zone) = try await venues.series(id, by: user)
            guard zone.slug == slug else { throw PopUpNotFound.series.notFound }
            return (series, venue, zone, user)
        } catch let error as CommunityError where error.category == .forbidden {
            guard let zone = try? await venues.venues(zoneSlug: slug ?? "").zone,
                try await venues.organises(zone.id, user)
            else { throw error }
            throw PopUpNotFound.series.notFound
        }
    }

    private func requireOrganiser(_ zone: Zone, _ user: User) async throws {
        guard try await venues.organises(zone.id, user) else {
            throw CommunityError.forbidden("only the zone's pop-up organisers can do this")
        }
    }

    private func coming(_ series: PopUpSeries) async throws -> [PopUpSlot] {
        try await venues.slots(venue: series.venueID, limit: 1000).filter { $0.seriesID == series.id }
    }

    /// Errors a form answers on its own page: what was typed, and conflicts with the bookings already made.
    static func answerable(_ error: CommunityError) -> Bool {
        error.category == .invalidInput || error.category == .conflict
    }

    private func page(
        _ page: some OrganiserPage, _ zone: Zone, _ context: HubRequestContext,
        errors: FormErrors = .init()
    ) -> Response {
        let status: HTTPResponse.Status =
            errors.isEmpty
            ? .ok
            : errors.byField.isEmpty && errors.general.allSatisfy { $0.category == .conflict }
                ? .conflict : .badRequest
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status,
            zone: ZoneLink(zone), crumbs: [.popUps(ZoneLink(zone), context.language)])
    }
}

/// A page of the organisers' forms.
protocol OrganiserPage {
    func title(_ t: Language) -> String
    func body(_ t: Language) -> HTML
}

extension PopUpVenueEditPage: OrganiserPage {}
extension PopUpSlotEditPage: OrganiserPage {}
extension PopUpSeriesEditPage: OrganiserPage {}
extension PopUpCancelPage: OrganiserPage {}

import Community
import Foundation
import Hummingbird
import PopUps

/// Pop-up shop pages: a zone's venues and calendar, a venue, a slot with its free places and booking buttons, and
/// the organisers' forms.
struct PopUpPagesController {
    let merchants: MerchantService
    let popUps: PopUpServices
    /// The hub's public address, for absolute links.
    let publicURL: String
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
        router.post("/pop-up-slots/:id/cancel", use: cancelSlot)
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
        let t = context.language
        let (zone, list) = try await venues.venues(zoneSlug: slug)
        let slots = try await venues.slots(zone: zone, limit: 60)
        let byID = Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
        let cards: [HTML] = list.map { venue in
            """
            <li class="zone-card"><a href="/pop-up-venues/\(venue.id)"><strong>\(venue.name)</strong></a>
            <span class="meta">\(venue.details.address), \(venue.details.commune) · \(venue.details.capacity) \
            \(t("emplacement(s)", "stall(s)"))</span><p>\(venue.details.description)</p></li>
            """
        }
        let organiser = try await venues.organises(zone.id, context.user)
        let newVenue: HTML = organiser ? PopUpOrganiserViews.venueForm(zone: zone, form: form, error: error, t) : ""
        return PageRenderer.page(
            t("Boutiques éphémères", "Pop-up shops") + " · " + zone.name,
            """
            <h1>\(t("Boutiques éphémères", "Pop-up shops")) — \(zone.name)</h1>
            <p class="lead">\(t("Des lieux prêtés aux commerçants sans boutique, quelques jours à la fois.",
                "Spaces lent to merchants without premises, a few days at a time."))</p>
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups.ics">\(t("S'abonner au calendrier (iCalendar)",
                "Subscribe to the calendar (iCalendar)"))</a></p>
            <h2>\(t("Les lieux", "Venues"))</h2>
            \(PopUpViews.either(cards, "<ul class=\"zones\">\(cards)</ul>", empty: t("Aucun lieu pour l'instant.", "No venue yet.")))
            <h2>\(t("Calendrier", "Calendar"))</h2>
            \(Self.table(slots, venues: byID, t))
            \(newVenue)
            """, context: context, status: error == nil ? .ok : .badRequest)
    }

    func venue(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await venuePage(try PathID.id(context, "venue"), error: nil, context: context)
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
        let id: PopUpVenue.ID = try PathID.id(context, "venue")
        let form = try await FormBody.read(request, context: context)
        do {
            try await body(form, id, user)
            return PageRenderer.redirect(to: "/pop-up-venues/\(id)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await venuePage(id, error: error, context: context)
        }
    }

    private func venuePage(_ id: PopUpVenue.ID, error: CommunityError?, context: HubRequestContext) async throws
        -> Response
    {
        let t = context.language
        let (venue, zone) = try await venues.venueInZone(id)
        let slots = try await venues.slots(venue: venue.id)
        let details = venue.details
        let organiser = try await venues.organises(zone.id, context.user)
        let photo: HTML =
            details.photoURL.map { "<img class=\"post-image\" src=\"\($0)\" alt=\"\(venue.name)\">" } ?? ""
        return PageRenderer.page(
            venue.name,
            """
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups">\(t("Boutiques éphémères", "Pop-up shops")) — \
            \(zone.name)</a></p>
            <h1>\(venue.name)</h1>
            \(error.map { PopUpViews.error($0, t) } ?? "")
            \(photo)
            \(HTML.text(details.description))
            \(PopUpViews.facts(details, t))
            <h2>\(t("Créneaux", "Slots"))</h2>
            <p class="meta"><a href="/pop-up-venues/\(venue.id)/calendar.ics">\
            \(t("Calendrier de ce lieu (iCalendar)", "This venue's calendar (iCalendar)"))</a></p>
            \(Self.table(slots, venues: nil, t))
            \(organiser ? PopUpOrganiserViews.slotForms(venue, t) : "")
            """, context: context, status: error.map { ErrorMiddleware.status(of: $0.category) } ?? .ok)
    }

    static func table(_ slots: [PopUpSlot], venues: [PopUpVenue.ID: PopUpVenue]?, _ t: Language) -> HTML {
        guard !slots.isEmpty else {
            return "<p class=\"empty\">\(t("Aucun créneau à venir.", "No coming slot."))</p>"
        }
        let venueHead: HTML = venues == nil ? "" : "<th>\(t("Lieu", "Venue"))</th>"
        return """
            <table class="pop-up-slots"><thead><tr><th>\(t("Quand", "When"))</th>\(venueHead)\
            <th>\(t("Places", "Places"))</th><th>\(t("Prix", "Price"))</th></tr></thead>
            <tbody>\(slots.map { PopUpViews.slotRow($0, venue: venues?[$0.venueID], t) })</tbody></table>
            """
    }
}

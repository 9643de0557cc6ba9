import Community
import Feeds
import Foundation
import Hummingbird

/// iCalendar feeds of pop-up shops: a zone's, a venue's, and a merchant's private one behind a signed link.
struct PopUpCalendarController {
    let merchants: MerchantService
    let popUps: PopUpServices
    /// The hub's public address, for absolute links.
    let publicURL: String
    var base: String { publicURL }

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/pop-ups.ics", use: zone)
        router.get("/pop-up-venues/:id/calendar.ics", use: venue)
        router.get("/merchants/:slug/pop-ups.ics", use: merchant)
    }

    func zone(_ request: Request, context: HubRequestContext) async throws -> Response {
        let (zone, venues) = try await popUps.venues.venues(zoneSlug: context.parameters.require("slug"))
        let slots = try await popUps.venues.slots(zone: zone, includeCancelled: true, limit: 1000)
        return Self.response(
            PopUpCalendar.slots(
                slots, venues: Dictionary(uniqueKeysWithValues: venues.map { ($0.id, $0) }),
                name: "Boutiques éphémères — \(zone.name)", baseURL: base))
    }

    func venue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let venue = try await popUps.venues.venue(try PathID.id(context, .venue))
        let slots = try await popUps.venues.slots(venue: venue.id, includeCancelled: true, limit: 1000)
        return Self.response(
            PopUpCalendar.slots(
                slots, venues: [venue.id: venue], name: "Boutique éphémère — \(venue.name)", baseURL: base))
    }

    /// The merchant's own bookings; the signed token in the address is the only key.
    func merchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        let token = request.uri.queryParameters.get("token") ?? ""
        guard (try? popUps.tokens.verifyCalendar(token)) == merchant.id else {
            throw FeedsProblem.invalidLink.error("this link is not valid")
        }
        let rows = try await popUps.bookings.calendar(merchant: merchant.id)
        return Self.response(PopUpCalendar.bookings(rows, merchantName: merchant.name, baseURL: base))
    }

    /// The address of a merchant's private calendar of bookings, signed with `tokens`.
    static func merchantCalendarURL(_ merchant: Merchant, publicURL: String, tokens: LinkTokens) -> String {
        "\(publicURL)/merchants/\(merchant.slug)/pop-ups.ics?token=" + tokens.calendarToken(for: merchant.id)
    }

    static func response(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

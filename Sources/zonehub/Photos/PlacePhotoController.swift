import Community
import Directory
import Foundation
import Hummingbird
import Photos
import PopUps

/// The one photo of a pop-up venue (under its zone, for the zone's organisers) and of a seasonal market (for the
/// zone's admins): the page placing it, and the confirmation step before it is taken off. `PlacePhotoService`
/// checks the same roles again and writes the audit log.
struct PlacePhotoController {
    let placePhotos: PlacePhotoService
    let popUps: PopUpService
    let markets: MarketService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/pop-ups/venues/:id/photo", use: show)
        router.post("/zones/:slug/pop-ups/venues/:id/photo", use: place)
        router.get("/zones/:slug/pop-ups/venues/:id/photo/remove", use: confirmRemoval)
        router.post("/zones/:slug/pop-ups/venues/:id/photo/remove", use: remove)
        router.get("/markets/:slug/photo", use: show)
        router.post("/markets/:slug/photo", use: place)
        router.get("/markets/:slug/photo/remove", use: confirmRemoval)
        router.post("/markets/:slug/photo/remove", use: remove)
    }

    /// A place as the pages name it: its photo's place, its name, this page's address and its own page's.
    struct Target {
        let place: PhotoPlace
        let name: String
        let path: String
        let back: String
    }

    func show(_ request: Request, context: HubRequestContext) async throws -> Response {
        let target = try await editedPlace(context)
        return try await page(target, error: nil, flash: Flash(request), context: context)
    }

    func place(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try await editedPlace(context)
        do {
            let upload = try await PhotoUpload.read(request)
            _ = try await placePhotos.place(upload.file, alt: upload.alt, on: target.place, by: user)
            return PageRenderer.redirect(to: Flash.photoAdded.on(target.path))
        } catch let error as CommunityError where PhotoController.answerable(error) {
            return try await page(target, error: error, context: context)
        }
    }

    func confirmRemoval(_ request: Request, context: HubRequestContext) async throws -> Response {
        let target = try await editedPlace(context)
        return removal(target, photo: try await currentPhoto(target), context)
    }

    /// Removes only with the confirmation field the confirmation page sends; otherwise shows that page.
    func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try await editedPlace(context)
        let photo = try await currentPhoto(target)
        guard try await FormBody.read(request, context: context)["confirm"] == "1" else {
            return removal(target, photo: photo, context)
        }
        try await placePhotos.remove(from: target.place, by: user)
        return PageRenderer.redirect(to: Flash.photoRemoved.on(target.path))
    }

    private func removal(_ target: Target, photo: PlacedPhoto, _ context: HubRequestContext) -> Response {
        let from =
            target.place.kind == .venue
            ? ("la page du lieu « \(target.name) »", "the page of the venue “\(target.name)”")
            : ("la page du marché « \(target.name) »", "the page of the market “\(target.name)”")
        let page = PhotoRemovalPage(
            photo: photo, from: from, action: "\(target.path)/remove", back: target.path, error: nil)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    private func page(_ target: Target, error: CommunityError?, flash: Flash? = nil, context: HubRequestContext)
        async throws -> Response
    {
        var page = PlacePhotoPage(
            kind: target.place.kind, name: target.name, photo: try await placePhotos.photo(of: target.place),
            path: target.path, back: target.back, error: error)
        page.flash = flash
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: PhotoController.status(error))
    }

    private func currentPhoto(_ target: Target) async throws -> PlacedPhoto {
        guard let photo = try await placePhotos.photo(of: target.place) else { throw PhotoNotFound.photo.notFound }
        return photo
    }

    /// The venue or market named in the path, when the signed-in person may change its photo: a venue of another
    /// zone than the path's is not found; someone who does not organise the zone (or administer it, for a market)
    /// is refused.
    private func editedPlace(_ context: HubRequestContext) async throws -> Target {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        if context.parameters.get("id") != nil {
            let (venue, zone) = try await popUps.venueInZone(try PathID.id(context, .venue))
            guard zone.slug == slug else { throw PopUpNotFound.venue.notFound }
            guard try await popUps.organises(zone.id, user) else {
                throw CommunityError.forbidden("only the zone's pop-up organisers change a venue's photo")
            }
            return Target(
                place: .venue(venue.id.rawValue, zone: zone.id), name: venue.name,
                path: "/zones/\(zone.slug)/pop-ups/venues/\(venue.id.rawValue)/photo",
                back: "/pop-up-venues/\(venue.id.rawValue)")
        }
        let market = try await markets.market(slug)
        guard user.administers(market.zoneID) else {
            throw CommunityError.forbidden("only the zone's admins change a market's photo")
        }
        return Target(
            place: .market(market.id.rawValue, slug: market.slug, zone: market.zoneID), name: market.draft.title,
            path: "/markets/\(market.slug)/photo", back: "/markets/\(market.slug)")
    }
}

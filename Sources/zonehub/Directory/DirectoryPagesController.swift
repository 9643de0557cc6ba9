import Community
import Directory
import Foundation
import Hummingbird
import Photos

/// The directory pages: the hub's and each zone's merchants by category and commune, with open now. Their markup
/// is `DirectoryPage`'s.
struct DirectoryPagesController {
    let zones: ZoneService
    let directory: DirectoryService
    let listings: ListingService
    /// The logos on the merchants' cards.
    let photos: PhotoService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/directory", use: hubDirectory)
        router.get("/zones/:slug/directory", use: zoneDirectory)
    }

    func hubDirectory(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await directory(zone: nil, request, context: context)
    }

    func zoneDirectory(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await directory(
            zone: try await zones.zone(slug: context.parameters.require("slug")), request, context: context)
    }

    private func directory(zone: Zone?, _ request: Request, context: HubRequestContext) async throws -> Response {
        let parameters = try request.formQuery()
        let filters = DirectoryFilters(
            path: zone.map { "/zones/\($0.slug)/directory" } ?? "/directory",
            category: try parameters.get("category").flatMap { $0.isEmpty ? nil : try Category.parse($0) },
            commune: parameters.get("commune").flatMap { $0.isEmpty ? nil : $0 },
            openNow: parameters.get("open") == "1",
            page: try APIController.integer(parameters.get("page"), DirectoryField.page, in: 0...1000) ?? 0)
        let listing = try await directory.listing(
            zone: zone, category: filters.category, commune: filters.commune, openNow: filters.openNow,
            page: filters.page)
        let page = DirectoryPage(
            zone: zone, filters: filters, listing: listing, listings: listings,
            logos: try await photos.logos(of: listing.byCategory.flatMap(\.merchants)))
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            zone: zone.map(ZoneLink.init), crumbs: zone.map { _ in [] })
    }
}

import Catalogue
import Community
import Directory
import Foundation
import Hummingbird
import Photos

/// The search page: merchants, live posts and products matching words, with filters, merchants with their logos and
/// products with their first photos. Its markup is `SearchResultsPage`'s.
struct SearchPagesController {
    let zones: ZoneService
    let search: SearchService
    let listings: ListingService
    let photos: PhotoService
    let productPhotos: ProductPhotoService
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/search", use: search)
    }

    func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zones = try await zones.active()
        guard (try request.formQuery()).get("q") != nil else {
            return render(.blank, zones: zones, request, context: context)
        }
        let outcome: SearchResultsPage.Outcome
        var pictures = SearchResultsPage.Pictures()
        do {
            let query = try SearchRequest.query(request)
            let found = try await search.run(query)
            outcome = .found(query, results: found.results, hasMore: found.hasMore)
            pictures = try await Self.pictures(of: found.results, photos: photos, productPhotos: productPhotos)
        } catch let error as CommunityError where error.category == .invalidInput {
            return render(.refused(error), zones: zones, request, context: context, status: .badRequest)
        }
        return render(outcome, zones: zones, request, context: context, pictures: pictures)
    }

    /// The logos of the merchants found and the photos of the products found.
    static func pictures(of results: [SearchResult], photos: PhotoService, productPhotos: ProductPhotoService)
        async throws -> SearchResultsPage.Pictures
    {
        let merchants = results.compactMap { if case .merchant(let merchant) = $0 { merchant } else { nil } }
        let products = results.compactMap { if case .product(let product, _) = $0 { product } else { nil } }
        return SearchResultsPage.Pictures(
            logos: try await photos.logos(of: merchants), products: try await productPhotos.photos(of: products))
    }

    private func render(
        _ outcome: SearchResultsPage.Outcome, zones: [Zone], _ request: Request, context: HubRequestContext,
        status: HTTPResponse.Status = .ok, pictures: SearchResultsPage.Pictures = .init()
    ) -> Response {
        let parameters = (try? request.formQuery()) ?? FormBody()
        let entered = SearchResultsPage.Entered(
            text: parameters.get("q") ?? "", zone: parameters.get("zone") ?? "",
            commune: parameters.get("commune") ?? "", category: parameters.get("category") ?? "",
            kind: parameters.get("kind") ?? "")
        let page = SearchResultsPage(
            entered: entered, zones: zones, outcome: outcome, address: request.uri.description, listings: listings,
            now: clock.now(), pictures: pictures)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status,
            head: page.head)
    }
}

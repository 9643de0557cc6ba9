import Community
import Directory
import Foundation
import Hummingbird

/// The search page: merchants and live posts matching words, with filters. Its markup is `SearchResultsPage`'s.
struct SearchPagesController {
    let zones: ZoneService
    let search: SearchService
    let listings: ListingService
    let clock: any HubClock

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/search", use: search)
    }

    func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zones = try await zones.active()
        guard request.uri.queryParameters.get("q") != nil else {
            return render(.blank, zones: zones, request, context: context)
        }
        let outcome: SearchResultsPage.Outcome
        do {
            let query = try SearchRequest.query(request)
            let found = try await search.run(query)
            outcome = .found(query, results: found.results, hasMore: found.hasMore)
        } catch let error as CommunityError where error.category == .invalidInput {
            return render(.refused(error), zones: zones, request, context: context, status: .badRequest)
        }
        return render(outcome, zones: zones, request, context: context)
    }

    private func render(
        _ outcome: SearchResultsPage.Outcome, zones: [Zone], _ request: Request, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let parameters = request.uri.queryParameters
        let entered = SearchResultsPage.Entered(
            text: parameters.get("q") ?? "", zone: parameters.get("zone") ?? "",
            commune: parameters.get("commune") ?? "", category: parameters.get("category") ?? "",
            kind: parameters.get("kind") ?? "")
        let page = SearchResultsPage(
            entered: entered, zones: zones, outcome: outcome, address: request.uri.description, listings: listings,
            now: clock.now())
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status,
            head: page.head)
    }
}

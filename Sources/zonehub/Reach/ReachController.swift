import Community
import Foundation
import Hummingbird

/// `/go/{merchant}?to=…`: counts a click on one of a merchant's links and redirects to it. Only the website and
/// online shops the merchant's profile holds are redirected to; anything else is a 404, never an open redirect.
struct ReachController {
    let merchants: MerchantService
    let counter: ReachCounter

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/go/:slug", use: go)
    }

    func go(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        guard let target = request.uri.queryParameters.get("to"), Self.links(of: merchant).contains(target) else {
            throw RequestNotFound.link.notFound
        }
        counter.clicked(listing: merchant.id, userAgent: request.headers[.userAgent])
        var headers = HTTPFields()
        headers[.location] = target
        // Every click reaches the hub: no cache may answer it instead.
        headers[.cacheControl] = "no-store"
        return Response(status: .found, headers: headers)
    }

    /// The addresses a merchant's page links to through `/go/`: the website, then the online shops.
    static func links(of merchant: Merchant) -> [String] {
        ([merchant.profile.website].compactMap { $0 } + merchant.profile.links).filter {
            $0.hasPrefix("https://") || $0.hasPrefix("http://")
        }
    }

    /// The `/go/` address of `link` on `merchant`'s page.
    static func path(_ merchant: Merchant, _ link: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return "/go/\(merchant.slug)?to=\(link.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }
}

import Community
import Directory
import Hummingbird

/// The merchant's confirm action, on the page and in the API.
struct ListingController {
    let listings: ListingService
    /// The hub's public address, for absolute links.
    let publicURL: String

    func addRoutes(pages: some RouterMethods<HubRequestContext>, api: some RouterMethods<HubRequestContext>) {
        pages.post("/merchants/:slug/confirm", use: confirmPage)
        api.post("merchants/:slug/confirm", use: confirmAPI)
    }

    func confirmPage(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await listings.confirm(context.parameters.require("slug"), by: try context.requireUser())
        return PageRenderer.redirect(to: "/merchants/\(merchant.slug)")
    }

    func confirmAPI(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await listings.confirm(context.parameters.require("slug"), by: try context.requireUser())
        return JSONBody.response(MerchantPayload(merchant, baseURL: publicURL))
    }
}

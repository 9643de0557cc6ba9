import Community
import Foundation
import HTTPTypes
import Hummingbird

/// A printable A4 poster per merchant for the shop window; its markup is `PosterPage`'s.
struct PosterController {
    let merchants: MerchantService
    /// The hub's public address, for absolute links.
    let publicURL: String

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/merchants/:slug/poster", use: poster)
    }

    func poster(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        let page = PosterPage(merchant: merchant, address: "\(publicURL)/merchants/\(merchant.slug)")
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[HTTPField.Name("Content-Security-Policy")!] = PosterPage.policy
        return Response(
            status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.document.rendered)))
    }
}

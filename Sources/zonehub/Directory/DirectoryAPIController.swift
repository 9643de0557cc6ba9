import Catalogue
import Community
import Directory
import Foundation
import Hummingbird

/// The directory's JSON API: search.
struct DirectoryAPIController {
    let search: SearchService
    /// The hub's public address, for absolute links.
    let publicURL: String
    var base: String { publicURL }

    func addRoutes(to group: some RouterMethods<HubRequestContext>) {
        group.get("search", use: search)
    }

    func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let query = try SearchRequest.query(request)
        let page = try await search.run(query)
        let items = page.results.map { SearchResultPayload($0, baseURL: base) }
        return JSONBody.response(
            SearchPayload(
                items: items, terms: page.terms, next: page.hasMore ? String(query.offset + query.limit) : nil))
    }
}

/// A page of search results; `next` is the offset of the following page.
struct SearchPayload: Codable {
    let items: [SearchResultPayload]
    let terms: [String]
    let next: String?
}

/// One result: a merchant, a post, or a product with the merchant that lists it.
struct SearchResultPayload: Codable {
    let type: String
    let merchant: MerchantPayload?
    let post: PostPayload?
    let product: ProductPayload?

    init(_ result: SearchResult, baseURL: String) {
        switch result {
        case .merchant(let merchant):
            type = "merchant"
            self.merchant = MerchantPayload(merchant, baseURL: baseURL)
            post = nil
            product = nil
        case .post(let post):
            type = "post"
            merchant = nil
            self.post = PostPayload(post, baseURL: baseURL)
            product = nil
        case .product(let product, let merchant):
            type = "product"
            self.merchant = MerchantPayload(merchant, baseURL: baseURL)
            post = nil
            self.product = ProductPayload(product, merchant: merchant, base: baseURL)
        }
    }
}

import Catalogue
import Community
import Foundation
import Storage

/// What a search looks for: merchants, posts of one kind, or products.
package enum SearchKind: String, CaseIterable, Codable, Sendable {
    case merchant, offer, news, event, product
}

/// A resident's search: words, and optional filters.
package struct SearchQuery: Equatable, Sendable {
    package var text: String
    /// A zone's slug.
    package var zone: String?
    /// A commune's name, any spelling (accents and case ignored).
    package var commune: String?
    package var category: Category?
    package var kind: SearchKind?
    package var limit: Int
    package var offset: Int

    package init(
        text: String, zone: String? = nil, commune: String? = nil, category: Category? = nil, kind: SearchKind? = nil,
        limit: Int = 20, offset: Int = 0
    ) {
        self.text = text
        self.zone = zone
        self.commune = commune
        self.category = category
        self.kind = kind
        self.limit = limit
        self.offset = offset
    }
}

/// A search as the store runs it: folded terms and resolved filters.
package struct SearchFilter: Equatable, Sendable {
    package var terms: [String]
    package var zoneID: Zone.ID?
    /// The commune folded (`String.folded`).
    package var communeKey: String?
    package var category: Category?
    package var kind: SearchKind?
    /// How many of the newest matches each index hands over for ranking.
    package var candidates: Int

    package init(
        terms: [String], zoneID: Zone.ID? = nil, communeKey: String? = nil, category: Category? = nil,
        kind: SearchKind? = nil, candidates: Int = 100
    ) {
        self.terms = terms
        self.zoneID = zoneID
        self.communeKey = communeKey
        self.category = category
        self.kind = kind
        self.candidates = candidates
    }

    /// Whether merchants, posts, products, or all can match.
    package var includesMerchants: Bool { kind == nil || kind == .merchant }
    package var includesPosts: Bool { kind != .merchant && kind != .product }
    package var includesProducts: Bool { kind == nil || kind == .product }
}

/// Which thing a search entry stands for.
package enum SearchRef: Hashable, Sendable {
    case merchant(Merchant.ID)
    case post(Post.ID)
    case product(Product.ID)
}

/// A match before ranking: the indexed text of its fields and the date that makes it fresh.
package struct SearchCandidate: Equatable, Sendable {
    package let ref: SearchRef
    /// The merchant's name, the post's title or the product's name.
    package let title: String
    package let body: String
    /// Commune, postcode and address (merchants); merchant name and commune (posts, products).
    package let place: String
    /// When the post was published, the listing last confirmed, or the product listed.
    package let date: Date

    package init(ref: SearchRef, title: String, body: String, place: String, date: Date) {
        self.ref = ref
        self.title = title
        self.body = body
        self.place = place
        self.date = date
    }
}

/// One search result, loaded for display.
package enum SearchResult: Equatable, Sendable {
    case merchant(Merchant)
    case post(Post)
    /// A product, with the merchant that lists it.
    case product(Product, Merchant)

    /// The results for `refs`, in their order, from the merchants, posts and products a store read for them; a ref
    /// whose row is gone (or whose product's merchant is) is left out.
    static func ordered(
        _ refs: [SearchRef], merchants: [Merchant.ID: Merchant], posts: [Post.ID: Post],
        products: [Product.ID: Product] = [:]
    ) -> [SearchResult] {
        refs.compactMap { ref in
            switch ref {
            case .merchant(let id): merchants[id].map(SearchResult.merchant)
            case .post(let id): posts[id].map(SearchResult.post)
            case .product(let id):
                products[id].flatMap { product in merchants[product.merchantID].map { .product(product, $0) } }
            }
        }
    }
}

/// A page of results, best first.
package struct SearchPage: Equatable, Sendable {
    package let terms: [String]
    package let results: [SearchResult]
    /// Whether more ranked results follow this page.
    package let hasMore: Bool

    package init(terms: [String], results: [SearchResult], hasMore: Bool) {
        self.terms = terms
        self.results = results
        self.hasMore = hasMore
    }
}

import Community
import Foundation

/// Storage of merchants' products; each write is one transaction with its audit entry inside.
package protocol CatalogueStore: Sendable {
    /// Adds `products` at the end of `merchant`'s list, all or none; refused with `too_many_products` when the
    /// list would pass `limit`. Audited once per product (`product.add`), or once for a file (`catalogue.import`).
    func add(
        _ products: [ProductDetails], to merchant: Merchant, limit: Int, imported: Bool, by actor: User.ID,
        at date: Date
    ) async throws -> [Product]

    /// Replaces a listed product's details; `product_not_found` unless it is one of `merchant`'s listed products.
    func update(_ id: Product.ID, of merchant: Merchant, with details: ProductDetails, by actor: User.ID, at date: Date)
        async throws -> Product

    /// Moves a listed product one place up (`offset` -1) or down (+1) in `merchant`'s list.
    func move(_ id: Product.ID, of merchant: Merchant, by offset: Int, actor: User.ID, at date: Date) async throws

    /// Takes a product off `merchant`'s list; its row stays for what refers to it.
    func remove(_ id: Product.ID, of merchant: Merchant, by actor: User.ID, at date: Date) async throws

    /// A product, listed or removed.
    func product(id: Product.ID) async throws -> Product?

    /// `merchant`'s listed products, in its order.
    func products(of merchant: Merchant.ID) async throws -> [Product]

    /// The first `perMerchant` listed products of each of `merchants` that is not hidden, in each one's order.
    func products(ofMerchants merchants: [Merchant.ID], perMerchant: Int) async throws -> [Product]

    /// Products listed since `date` by merchants of `zone` that are not hidden, newest first.
    func newProducts(zone: Zone.ID, since date: Date, limit: Int) async throws -> [Product]

    /// The non-empty blocks of `size` product ids listed by merchants that are not hidden, with their latest change.
    func sitemapBlocks(size: Int) async throws -> [(number: Int, lastModified: Date)]

    /// The products of block `number` (ids from `number * size`), with their merchant's slug and latest change.
    func sitemapEntries(number: Int, size: Int) async throws -> [(id: Product.ID, merchant: String, lastModified: Date)]
}

import Community
import Foundation

/// Merchants' catalogues: what anyone may read, and what a merchant (or a hub operator) may change in their own.
package struct CatalogueService: Sendable {
    package let products: any CatalogueStore
    let merchants: any MerchantStore
    let clock: any HubClock

    package init(products: any CatalogueStore, merchants: any MerchantStore, clock: any HubClock) {
        self.products = products
        self.merchants = merchants
        self.clock = clock
    }

    /// A listed merchant and its products, for everyone; a hidden merchant is not found.
    package func listed(merchantSlug: String) async throws -> (merchant: Merchant, products: [Product]) {
        guard let merchant = try await merchants.merchant(slug: merchantSlug), merchant.hiddenAt == nil else {
            throw CommunityNotFound.merchant.notFound
        }
        return (merchant, try await products.products(of: merchant.id))
    }

    /// The products of `merchant`, as its page shows them.
    package func products(of merchant: Merchant) async throws -> [Product] {
        try await products.products(of: merchant.id)
    }

    /// One listed product of a listed merchant.
    package func product(_ id: Product.ID, merchantSlug: String) async throws -> (Merchant, Product) {
        let (merchant, listed) = try await listed(merchantSlug: merchantSlug)
        guard let product = listed.first(where: { $0.id == id }) else { throw CatalogueNotFound.product.notFound }
        return (merchant, product)
    }

    /// The merchant `user` may change the catalogue of: its owner, or a hub operator.
    package func managed(merchantSlug: String, by user: User) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(slug: merchantSlug) else {
            throw CommunityNotFound.merchant.notFound
        }
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this catalogue belongs to another merchant")
        }
        return merchant
    }

    /// The first `perMerchant` products of each of `merchants` (those not hidden), grouped by merchant in the order
    /// given, each group in the merchant's order: a seasonal market's catalogue.
    package func products(of merchants: [Merchant.ID], perMerchant: Int) async throws -> [(Merchant.ID, [Product])] {
        let listed = try await products.products(ofMerchants: merchants, perMerchant: perMerchant)
        let found = Dictionary(grouping: listed) { $0.merchantID }
        return merchants.compactMap { id in found[id].map { (id, $0) } }
    }

    /// Products listed since `date` in `zone`, newest first, for the zone's feeds.
    package func newProducts(zone: Zone.ID, since date: Date, limit: Int) async throws -> [Product] {
        try await products.newProducts(zone: zone, since: date, limit: limit)
    }

    /// The zone's new products with their merchants, newest first: at most `perMerchant` of each merchant (a
    /// catalogue imported at once does not fill a feed) and `limit` in all, read among the 200 newest.
    package func newProducts(zone: Zone.ID, since date: Date, limit: Int, perMerchant: Int) async throws
        -> [(product: Product, merchant: Merchant)]
    {
        var counts: [Merchant.ID: Int] = [:]
        var found: [(product: Product, merchant: Merchant)] = []
        var known: [Merchant.ID: Merchant] = [:]
        for product in try await products.newProducts(zone: zone, since: date, limit: 200) {
            guard found.count < limit, counts[product.merchantID, default: 0] < perMerchant else { continue }
            if known[product.merchantID] == nil {
                known[product.merchantID] = try await merchants.merchant(id: product.merchantID)
            }
            guard let merchant = known[product.merchantID], merchant.hiddenAt == nil else { continue }
            counts[product.merchantID, default: 0] += 1
            found.append((product, merchant))
        }
        return found
    }

    /// Adds a product at the end of the merchant's list.
    package func add(_ details: ProductDetails, merchantSlug: String, by user: User) async throws -> Product {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        let valid = try ProductRules.validated(details)
        let added = try await products.add(
            [valid], to: merchant, limit: ProductRules.limit, imported: false, by: user.id, at: clock.now())
        return added[0]
    }

    /// Replaces a product's details; a product of another merchant is not found.
    package func update(_ id: Product.ID, with details: ProductDetails, merchantSlug: String, by user: User)
        async throws -> Product
    {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        let valid = try ProductRules.validated(details)
        return try await products.update(id, of: merchant, with: valid, by: user.id, at: clock.now())
    }

    /// Moves a product one place up (`offset` < 0) or down.
    package func move(_ id: Product.ID, by offset: Int, merchantSlug: String, by user: User) async throws {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        try await products.move(id, of: merchant, by: offset, actor: user.id, at: clock.now())
    }

    /// Takes a product off the merchant's list.
    package func remove(_ id: Product.ID, merchantSlug: String, by user: User) async throws {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        try await products.remove(id, of: merchant, by: user.id, at: clock.now())
    }

    /// Reads a CSV file and adds all its products, or none when any row is broken (every broken row is named).
    package func importFile(_ data: Data, merchantSlug: String, by user: User) async throws -> CatalogueImport {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        let read = try CatalogueCSV.read(data)
        guard read.errors.isEmpty, !read.products.isEmpty else {
            return CatalogueImport(rows: read.rows, errors: read.errors, imported: [])
        }
        let imported = try await products.add(
            read.products, to: merchant, limit: ProductRules.limit, imported: true, by: user.id, at: clock.now())
        return CatalogueImport(rows: read.rows, errors: [], imported: imported)
    }

    /// The merchant's catalogue as a CSV file that `importFile` reads back.
    package func exportFile(merchantSlug: String, by user: User) async throws -> (Merchant, String) {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        return (merchant, CatalogueCSV.write(try await products.products(of: merchant.id)))
    }
}

/// What an import found: every broken row, or the products it added.
package struct CatalogueImport: Equatable, Sendable {
    /// A problem with one field of one line of the file (line 1 is the header).
    package struct RowError: Equatable, Sendable {
        package let line: Int
        package let error: CommunityError
    }

    package let rows: Int
    package let errors: [RowError]
    /// Empty whenever any row has an error: the file goes in whole or not at all.
    package let imported: [Product]
}

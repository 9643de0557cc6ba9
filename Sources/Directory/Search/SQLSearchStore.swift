import Catalogue
import Community
import Foundation
import Storage

/// `SearchStore` on either engine: the same steps (whole words before prefixes, names and titles before the rest),
/// each a full-text query in the engine's own terms (`FullTextQuery`); then products, names before the rest.
package struct SQLSearchStore: SearchStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func candidates(_ filter: SearchFilter, at now: Date) async throws -> [SearchCandidate] {
        let queries = FullTextQuery(filter: filter, engine: database.engine)
        guard queries.hasWords else { return [] }
        return try await database.read { db in
            var found: [SearchCandidate] = []
            var seen: Set<SearchRef> = []
            // Whole words first: FTS5 reads a word's entries lazily, newest first, but gathers every entry of every
            // word beyond the prefix index's lengths before returning one. Prefixes only fill what words left.
            // Title matches first, so that an old shop named after the words is not crowded out by newer posts
            // that only mention them.
            for prefix in [false, true] {
                // When names (or titles) alone fill the candidates, entries matching only elsewhere would rank below
                // them anyway: the second query is skipped.
                var merchantNamesFill = false
                var postTitlesFill = false
                for strong in [true, false] {
                    if filter.includesMerchants, strong || !merchantNamesFill {
                        let (sql, arguments) = queries.merchants(strong: strong, prefix: prefix)
                        let rows = try await db.fetchAll(sql, arguments)
                        if strong { merchantNamesFill = rows.count == filter.candidates }
                        try Self.add(rows, to: &found, seen: &seen) { .merchant(Merchant.ID($0)) }
                    }
                    if filter.includesPosts, strong || !postTitlesFill {
                        let (sql, arguments) = queries.posts(strong: strong, prefix: prefix, now: now)
                        let rows = try await db.fetchAll(sql, arguments)
                        if strong { postTitlesFill = rows.count == filter.candidates }
                        try Self.add(rows, to: &found, seen: &seen) { .post(Post.ID($0)) }
                    }
                }
                if found.count >= filter.candidates { break }
            }
            if filter.includesProducts, queries.hasProductWords {
                for strong in [true, false] {
                    let (sql, arguments) = queries.products(strong: strong, db)
                    let rows = try await db.fetchAll(sql, arguments)
                    try Self.add(rows, to: &found, seen: &seen) { .product(Product.ID($0)) }
                    // Names alone filled the candidates: products matching only elsewhere would rank below them.
                    if strong, rows.count == filter.candidates { break }
                }
            }
            return found
        }
    }

    private static func add(
        _ rows: [SQLRow], to found: inout [SearchCandidate], seen: inout Set<SearchRef>,
        _ ref: (Int64) -> SearchRef
    ) throws {
        for row in rows {
            let id: Int64 = try row["id"]
            guard seen.insert(ref(id)).inserted else { continue }
            found.append(
                SearchCandidate(
                    ref: ref(id), title: try row["title"], body: try row["body"], place: try row["place"],
                    date: try row["date"]))
        }
    }

    package func results(_ refs: [SearchRef]) async throws -> [SearchResult] {
        guard !refs.isEmpty else { return [] }
        return try await database.read { db in
            var merchantIDs = refs.compactMap { if case .merchant(let id) = $0 { id } else { nil } }
            let postIDs = refs.compactMap { if case .post(let id) = $0 { id } else { nil } }
            let productIDs = refs.compactMap { if case .product(let id) = $0 { id } else { nil } }
            var products: [Product.ID: Product] = [:]
            if !productIDs.isEmpty {
                for row in try await db.fetchAll(
                    "SELECT * FROM product WHERE removedAt IS NULL AND id IN (\(SQL.marks(productIDs.count)))",
                    productIDs)
                {
                    let product = try SQLCatalogueStore.product(from: row)
                    products[product.id] = product
                }
                merchantIDs += Set(products.values.map(\.merchantID)).filter { !merchantIDs.contains($0) }
            }
            var merchants: [Merchant.ID: Merchant] = [:]
            if !merchantIDs.isEmpty {
                for row in try await db.fetchAll(
                    "SELECT * FROM merchant WHERE id IN (\(SQL.marks(merchantIDs.count)))", merchantIDs)
                {
                    let merchant = try await SQLMerchantStore.merchant(from: row, db)
                    // A product's merchant hidden since the candidates were read takes its products with it.
                    if merchant.hiddenAt == nil { merchants[merchant.id] = merchant }
                }
            }
            var posts: [Post.ID: Post] = [:]
            if !postIDs.isEmpty {
                for row in try await db.fetchAll(
                    SQLPostStore.select + " WHERE post.id IN (\(SQL.marks(postIDs.count)))", postIDs)
                {
                    let post = try StoredRows.post(from: row)
                    posts[post.id] = post
                }
            }
            return SearchResult.ordered(refs, merchants: merchants, posts: posts, products: products)
        }
    }
}

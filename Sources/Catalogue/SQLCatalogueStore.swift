import Community
import Foundation
import Storage

/// `CatalogueStore` on either engine. Writes on one merchant's list take turns, so that two imports at once cannot
/// together pass the limit or give two products one place.
package struct SQLCatalogueStore: CatalogueStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func add(
        _ products: [ProductDetails], to merchant: Merchant, limit: Int, imported: Bool, by actor: User.ID,
        at date: Date
    ) async throws -> [Product] {
        try await database.write { db in
            try await db.takeTurns(on: "catalogue:\(merchant.id)")
            let listed: Int64 =
                try await db.value(
                    "SELECT count(*) FROM product WHERE merchantId = ? AND removedAt IS NULL", [merchant.id]) ?? 0
            guard Int(listed) + products.count <= limit else {
                throw CatalogueProblem.tooManyProducts.error(
                    "a catalogue holds \(limit) products at most (\(listed) listed, \(products.count) added)")
            }
            var position: Int64 =
                try await db.value(
                    "SELECT coalesce(max(position) + 1, 0) FROM product WHERE merchantId = ? AND removedAt IS NULL",
                    [merchant.id]) ?? 0
            var ids: [Product.ID] = []
            for details in products {
                let season = Self.season(details.availability)
                let id = Product.ID(
                    try await db.insert(
                        """
                        INSERT INTO product (merchantId, name, description, priceCents, unit, availability, seasonFrom,
                          seasonUntil, category, position, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            merchant.id, details.name, details.description, details.priceCents, details.unit.rawValue,
                            details.availability.code, season.from, season.until, details.category, position, date,
                            date,
                        ]))
                ids.append(id)
                position += 1
                if !imported {
                    try await db.appendAudit(
                        CatalogueAuditAction.add, subject: "product:\(id)", actor: actor, zone: merchant.zoneIDs.first,
                        at: date, details: ["merchant": merchant.slug])
                }
            }
            if imported {
                try await db.appendAudit(
                    CatalogueAuditAction.importFile, subject: "merchant:\(merchant.id)", actor: actor,
                    zone: merchant.zoneIDs.first, at: date, details: ["products": String(products.count)])
            }
            try await db.noticeChange("product")
            let rows = try await db.fetchAll(
                "SELECT * FROM product WHERE merchantId = ? AND removedAt IS NULL ORDER BY position, id", [merchant.id])
            let wanted = Set(ids)
            return try rows.map(Self.product(from:)).filter { wanted.contains($0.id) }
        }
    }

    package func update(
        _ id: Product.ID, of merchant: Merchant, with details: ProductDetails, by actor: User.ID, at date: Date
    ) async throws -> Product {
        try await database.write { db in
            let season = Self.season(details.availability)
            let row = try await db.fetchOne(
                """
                UPDATE product SET name = ?, description = ?, priceCents = ?, unit = ?, availability = ?,
                  seasonFrom = ?, seasonUntil = ?, category = ?, updatedAt = ?
                WHERE id = ? AND merchantId = ? AND removedAt IS NULL
                RETURNING *
                """,
                [
                    details.name, details.description, details.priceCents, details.unit.rawValue,
                    details.availability.code, season.from, season.until, details.category, date, id, merchant.id,
                ])
            guard let row else { throw CatalogueNotFound.product.notFound }
            try await db.noticeChange("product")
            try await db.appendAudit(
                CatalogueAuditAction.update, subject: "product:\(id)", actor: actor, zone: merchant.zoneIDs.first,
                at: date, details: ["merchant": merchant.slug])
            return try Self.product(from: row)
        }
    }

    package func move(_ id: Product.ID, of merchant: Merchant, by offset: Int, actor: User.ID, at date: Date)
        async throws
    {
        try await database.write { db in
            try await db.takeTurns(on: "catalogue:\(merchant.id)")
            let ids: [Int64] = try await db.values(
                "SELECT id FROM product WHERE merchantId = ? AND removedAt IS NULL ORDER BY position, id",
                [merchant.id])
            guard let index = ids.firstIndex(of: id.rawValue) else { throw CatalogueNotFound.product.notFound }
            let target = index + (offset < 0 ? -1 : 1)
            guard ids.indices.contains(target) else { return }
            var order = ids
            order.swapAt(index, target)
            // Positions are rewritten 0, 1, 2… so that the list stays dense whatever happened before.
            for (position, productID) in order.enumerated() {
                try await db.execute("UPDATE product SET position = ? WHERE id = ?", [position, productID])
            }
        }
    }

    package func remove(_ id: Product.ID, of merchant: Merchant, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            let removed = try await db.execute(
                "UPDATE product SET removedAt = ?, updatedAt = ? WHERE id = ? AND merchantId = ? AND removedAt IS NULL",
                [date, date, id, merchant.id])
            guard removed == 1 else { throw CatalogueNotFound.product.notFound }
            try await db.noticeChange("product")
            try await db.appendAudit(
                CatalogueAuditAction.remove, subject: "product:\(id)", actor: actor, zone: merchant.zoneIDs.first,
                at: date, details: ["merchant": merchant.slug])
        }
    }

    package func product(id: Product.ID) async throws -> Product? {
        try await database.read { db in
            try await db.fetchOne("SELECT * FROM product WHERE id = ?", [id]).map(Self.product(from:))
        }
    }

    package func products(of merchant: Merchant.ID) async throws -> [Product] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT * FROM product WHERE merchantId = ? AND removedAt IS NULL ORDER BY position, id", [merchant]
            ).map(Self.product(from:))
        }
    }

    package func products(ofMerchants merchants: [Merchant.ID], perMerchant: Int) async throws -> [Product] {
        guard !merchants.isEmpty else { return [] }
        return try await database.read { db in
            try await db.fetchAll(
                """
                SELECT * FROM (
                  SELECT p.*, row_number() OVER (PARTITION BY p.merchantId ORDER BY p.position, p.id) AS rank
                  FROM product p JOIN merchant m ON m.id = p.merchantId
                  WHERE p.merchantId IN (\(SQL.marks(merchants.count))) AND p.removedAt IS NULL AND m.hiddenAt IS NULL
                ) ranked WHERE rank <= ? ORDER BY merchantId, position, id
                """, merchants.map { $0 as any SQLBindable } + [perMerchant]
            ).map(Self.product(from:))
        }
    }

    package func newProducts(zone: Zone.ID, since date: Date, limit: Int) async throws -> [Product] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT p.* FROM product p
                JOIN merchantZone mz ON mz.merchantId = p.merchantId AND mz.zoneId = ?
                JOIN merchant m ON m.id = p.merchantId
                WHERE p.removedAt IS NULL AND p.createdAt >= ? AND m.hiddenAt IS NULL
                ORDER BY p.createdAt DESC, p.id DESC LIMIT ?
                """, [zone, date, limit]
            ).map(Self.product(from:))
        }
    }

    package func sitemapBlocks(size: Int) async throws -> [(number: Int, lastModified: Date)] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT p.id / ? AS number, max(p.updatedAt) AS changed FROM product p
                JOIN merchant m ON m.id = p.merchantId
                WHERE p.removedAt IS NULL AND m.hiddenAt IS NULL
                GROUP BY 1 ORDER BY 1
                """, [size]
            ).map { (number: Int(try $0["number"] as Int64), lastModified: try $0["changed"]) }
        }
    }

    package func sitemapEntries(number: Int, size: Int) async throws
        -> [(id: Product.ID, merchant: String, lastModified: Date)]
    {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT p.id, m.slug, p.updatedAt FROM product p JOIN merchant m ON m.id = p.merchantId
                WHERE p.id >= ? AND p.id < ? AND p.removedAt IS NULL AND m.hiddenAt IS NULL ORDER BY p.id
                """, [number * size, (number + 1) * size]
            ).map { (id: try $0["id"], merchant: try $0["slug"], lastModified: try $0["updatedAt"]) }
        }
    }

    static func season(_ availability: ProductAvailability) -> (from: String?, until: String?) {
        guard case .seasonal(let from, let until) = availability else { return (nil, nil) }
        return (from.description, until.description)
    }

    package static func product(from row: SQLRow) throws -> Product {
        let unitCode: String = try row["unit"]
        guard let unit = ProductUnit(rawValue: unitCode) else {
            throw SchemaMismatch.unexpectedValue(column: "unit", value: unitCode, expected: "a product unit")
        }
        let code: String = try row["availability"]
        let availability: ProductAvailability
        switch code {
        case "in-stock": availability = .inStock
        case "to-order": availability = .toOrder
        case "seasonal":
            let from: String = try row["seasonFrom"]
            let until: String = try row["seasonUntil"]
            guard let first = SeasonDay(from), let last = SeasonDay(until) else {
                throw SchemaMismatch.unexpectedValue(column: "seasonFrom", value: from, expected: "a day")
            }
            availability = .seasonal(from: first, until: last)
        default:
            throw SchemaMismatch.unexpectedValue(column: "availability", value: code, expected: "an availability")
        }
        let price: Int64 = try row["priceCents"]
        let position: Int64 = try row["position"]
        return Product(
            id: try row["id"], merchantID: try row["merchantId"],
            details: ProductDetails(
                name: try row["name"], description: try row["description"], priceCents: Int(price), unit: unit,
                availability: availability, category: try row["category"]),
            position: Int(position), createdAt: try row["createdAt"], updatedAt: try row["updatedAt"])
    }
}

import Community
import Foundation
import Photos
import Storage

/// `ProductPhotoStore` on either engine, storing photos as the photo store does (`SQLPhotoStore`'s helpers).
package struct SQLProductPhotoStore: ProductPhotoStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func place(
        _ photo: ProcessedPhoto, on product: Product.ID, of merchant: Merchant, alt: String, limit: Int,
        by actor: User.ID, at date: Date
    ) async throws -> PlacedPhoto {
        try await database.write { db in
            // Two uploads at once must not both pass the count.
            try await db.takeTurns(on: "productPhoto:\(product)")
            let listed: Int64? = try await db.value(
                "SELECT id FROM product WHERE id = ? AND merchantId = ? AND removedAt IS NULL", [product, merchant.id])
            guard listed != nil else { throw CatalogueNotFound.product.notFound }
            let count: Int =
                try await db.value("SELECT count(*) FROM productPhoto WHERE productId = ?", [product]) ?? 0
            guard count < limit else {
                throw PhotoProblem.tooManyPhotos.error("a product shows \(limit) photos at most: remove one first")
            }
            try await SQLPhotoStore.store(photo, at: date, db)
            let id = try await db.insert(
                "INSERT INTO productPhoto (productId, photoHash, alt, addedAt) VALUES (?, ?, ?, ?)",
                [product, photo.hash, alt, date])
            try await db.noticeChange("productPhoto")
            try await db.appendAudit(
                CatalogueAuditAction.photoAdd, subject: "product:\(product)", actor: actor,
                zone: merchant.zoneIDs.first, at: date,
                details: ["merchant": merchant.slug, "photo": String(photo.hash.prefix(12))])
            return SQLPhotoStore.placed(id: id, photo: photo, alt: alt)
        }
    }

    package func remove(
        _ id: PlacedPhoto.ID, from product: Product.ID, of merchant: Merchant, by actor: User.ID, at date: Date
    ) async throws {
        try await database.write { db in
            guard
                let hash: String = try await db.value(
                    """
                    DELETE FROM productPhoto WHERE id = ? AND productId = ?
                      AND productId IN (SELECT id FROM product WHERE merchantId = ?)
                    RETURNING photoHash
                    """, [id, product, merchant.id])
            else { throw PhotoNotFound.photo.notFound }
            try await SQLPhotoStore.deleteIfUnplaced(hash, db)
            try await db.noticeChange("productPhoto")
            try await db.appendAudit(
                CatalogueAuditAction.photoRemove, subject: "product:\(product)", actor: actor,
                zone: merchant.zoneIDs.first, at: date,
                details: ["merchant": merchant.slug, "photo": String(hash.prefix(12))])
        }
    }

    package func photos(of products: [Product.ID]) async throws -> [Product.ID: [PlacedPhoto]] {
        guard !products.isEmpty else { return [:] }
        return try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT q.id, q.productId, q.alt, p.hash, p.width, p.height, p.format FROM productPhoto q
                JOIN photo p ON p.hash = q.photoHash WHERE q.productId IN (\(SQL.marks(products.count)))
                ORDER BY q.id
                """, products)
            let photos = try await SQLPhotoStore.placed(rows, db)
            var result: [Product.ID: [PlacedPhoto]] = [:]
            for (row, photo) in zip(rows, photos) { result[try row["productId"], default: []].append(photo) }
            return result
        }
    }
}

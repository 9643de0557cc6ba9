import Community
import Foundation
import Storage

/// `PhotoStore` on either engine.
package struct SQLPhotoStore: PhotoStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func placeOnMerchant(
        _ photo: ProcessedPhoto, merchant: Merchant, role: MerchantPhotoRole, alt: String, limit: Int,
        by actor: User.ID, at date: Date
    ) async throws -> PlacedPhoto {
        try await database.write { db in
            // Two uploads at once must not both pass the count.
            try await db.takeTurns(on: "merchantPhoto:\(merchant.id)")
            var replaced: String?
            switch role {
            case .logo:
                replaced = try await db.value(
                    "DELETE FROM merchantPhoto WHERE merchantId = ? AND role = 'logo' RETURNING photoHash",
                    [merchant.id])
            case .shop:
                let count: Int =
                    try await db.value(
                        "SELECT count(*) FROM merchantPhoto WHERE merchantId = ? AND role = 'shop'", [merchant.id]) ?? 0
                guard count < limit else {
                    throw PhotoProblem.tooManyPhotos.error("a shop shows \(limit) photos at most: remove one first")
                }
            }
            try await Self.store(photo, at: date, db)
            let id = try await db.insert(
                "INSERT INTO merchantPhoto (merchantId, photoHash, role, alt, addedAt) VALUES (?, ?, ?, ?, ?)",
                [merchant.id, photo.hash, role.rawValue, alt, date])
            if let replaced { try await Self.deleteIfUnplaced(replaced, db) }
            for zone in merchant.zoneIDs {
                try await db.appendAudit(
                    PhotoAuditAction.merchantPhotoAdd, subject: "merchant:\(merchant.slug)", actor: actor, zone: zone,
                    at: date, details: ["role": role.rawValue, "photo": String(photo.hash.prefix(12))])
            }
            return Self.placed(id: id, photo: photo, alt: alt)
        }
    }

    package func removeFromMerchant(_ id: PlacedPhoto.ID, merchant: Merchant, by actor: User.ID, at date: Date)
        async throws
    {
        try await database.write { db in
            guard
                let hash: String = try await db.value(
                    "DELETE FROM merchantPhoto WHERE id = ? AND merchantId = ? RETURNING photoHash", [id, merchant.id])
            else { throw PhotoNotFound.photo.notFound }
            try await Self.deleteIfUnplaced(hash, db)
            for zone in merchant.zoneIDs {
                try await db.appendAudit(
                    PhotoAuditAction.merchantPhotoRemove, subject: "merchant:\(merchant.slug)", actor: actor,
                    zone: zone, at: date, details: ["photo": String(hash.prefix(12))])
            }
        }
    }

    package func merchantPhotos(_ merchant: Merchant.ID) async throws -> MerchantPhotos {
        try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT m.id, m.role, m.alt, p.hash, p.width, p.height, p.format FROM merchantPhoto m
                JOIN photo p ON p.hash = m.photoHash WHERE m.merchantId = ? ORDER BY m.id
                """, [merchant])
            let photos = try await Self.placed(rows, db)
            var result = MerchantPhotos()
            for (row, photo) in zip(rows, photos) {
                if try row["role"] as String == MerchantPhotoRole.logo.rawValue {
                    result.logo = photo
                } else {
                    result.shop.append(photo)
                }
            }
            return result
        }
    }

    package func logos(of merchants: [Merchant.ID]) async throws -> [Merchant.ID: PlacedPhoto] {
        guard !merchants.isEmpty else { return [:] }
        return try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT m.id, m.merchantId, m.alt, p.hash, p.width, p.height, p.format FROM merchantPhoto m
                JOIN photo p ON p.hash = m.photoHash
                WHERE m.role = 'logo' AND m.merchantId IN (\(SQL.marks(merchants.count)))
                """, merchants)
            let photos = try await Self.placed(rows, db)
            var result: [Merchant.ID: PlacedPhoto] = [:]
            for (row, photo) in zip(rows, photos) { result[try row["merchantId"]] = photo }
            return result
        }
    }

    package func placeOnPost(
        _ photo: ProcessedPhoto, post: Post, alt: String, limit: Int, by actor: User.ID, at date: Date
    ) async throws -> PlacedPhoto {
        try await database.write { db in
            try await db.takeTurns(on: "postPhoto:\(post.id)")
            let count: Int = try await db.value("SELECT count(*) FROM postPhoto WHERE postId = ?", [post.id]) ?? 0
            guard count < limit else {
                throw PhotoProblem.tooManyPhotos.error("a post carries \(limit) photos at most: remove one first")
            }
            try await Self.store(photo, at: date, db)
            let id = try await db.insert(
                "INSERT INTO postPhoto (postId, photoHash, alt, addedAt) VALUES (?, ?, ?, ?)",
                [post.id, photo.hash, alt, date])
            try await db.appendAudit(
                PhotoAuditAction.postPhotoAdd, subject: "post:\(post.id)", actor: actor, zone: post.zoneID, at: date,
                details: ["photo": String(photo.hash.prefix(12))])
            return Self.placed(id: id, photo: photo, alt: alt)
        }
    }

    package func removeFromPost(_ id: PlacedPhoto.ID, post: Post, by actor: User.ID, at date: Date) async throws {
        try await database.write { db in
            guard
                let hash: String = try await db.value(
                    "DELETE FROM postPhoto WHERE id = ? AND postId = ? RETURNING photoHash", [id, post.id])
            else { throw PhotoNotFound.photo.notFound }
            try await Self.deleteIfUnplaced(hash, db)
            try await db.appendAudit(
                PhotoAuditAction.postPhotoRemove, subject: "post:\(post.id)", actor: actor, zone: post.zoneID,
                at: date, details: ["photo": String(hash.prefix(12))])
        }
    }

    package func postPhotos(of posts: [Post.ID]) async throws -> [Post.ID: [PlacedPhoto]] {
        guard !posts.isEmpty else { return [:] }
        return try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT q.id, q.postId, q.alt, p.hash, p.width, p.height, p.format FROM postPhoto q
                JOIN photo p ON p.hash = q.photoHash WHERE q.postId IN (\(SQL.marks(posts.count))) ORDER BY q.id
                """, posts)
            let photos = try await Self.placed(rows, db)
            var result: [Post.ID: [PlacedPhoto]] = [:]
            for (row, photo) in zip(rows, photos) { result[try row["postId"], default: []].append(photo) }
            return result
        }
    }

    package func file(hash: String, width: Int, format: PhotoFormat) async throws -> PhotoFile? {
        try await database.read { db in
            let row = try await db.fetchOne(
                """
                SELECT bytes FROM photo WHERE hash = ? AND width = ? AND format = ?
                UNION ALL SELECT bytes FROM photoVariant WHERE photoHash = ? AND width = ? AND format = ?
                """, [hash, width, format.rawValue, hash, width, format.rawValue])
            return try row.map { PhotoFile(bytes: try $0["bytes"], format: format) }
        }
    }

    // MARK: - Inside a transaction

    /// Stores the photo and its variants unless a photo of the same content is stored already.
    package static func store(_ photo: ProcessedPhoto, at date: Date, _ db: any SQLTransaction) async throws {
        let original = photo.original
        let inserted = try await db.execute(
            """
            INSERT INTO photo (hash, format, width, height, bytes, createdAt) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (hash) DO NOTHING
            """,
            [photo.hash, original.format.rawValue, original.width, original.height, original.bytes, date])
        guard inserted > 0 else { return }
        for variant in photo.variants {
            try await db.execute(
                """
                INSERT INTO photoVariant (photoHash, width, height, format, bytes) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (photoHash, width) DO NOTHING
                """, [photo.hash, variant.width, variant.height, variant.format.rawValue, variant.bytes])
        }
    }

    /// Deletes a photo (and its variants) that is placed nowhere any more. Whatever places a photo (here, or in
    /// another target's table such as a product's) refers to it by a foreign key, so the database itself refuses to
    /// delete one still placed; that refusal only keeps the photo, and the transaction goes on.
    package static func deleteIfUnplaced(_ hash: String, _ db: any SQLTransaction) async throws {
        _ = try? await db.savepoint { try await db.execute("DELETE FROM photo WHERE hash = ?", [hash]) }
    }

    /// The photo as placed under `id`.
    package static func placed(id: Int64, photo: ProcessedPhoto, alt: String) -> PlacedPhoto {
        let original = photo.original
        return PlacedPhoto(
            id: PlacedPhoto.ID(id), hash: photo.hash, alt: alt,
            original: .init(width: original.width, height: original.height, format: original.format),
            widths: (photo.variants.map(\.width) + [original.width]).sorted())
    }

    /// Rows of `id, alt, hash, width, height, format` as placed photos, with the widths of their variants.
    package static func placed(_ rows: [SQLRow], _ db: any SQLTransaction) async throws -> [PlacedPhoto] {
        let hashes = Array(Set(try rows.map { try $0["hash"] as String }))
        var widths: [String: [Int]] = [:]
        if !hashes.isEmpty {
            for row in try await db.fetchAll(
                "SELECT photoHash, width FROM photoVariant WHERE photoHash IN (\(SQL.marks(hashes.count)))", hashes)
            {
                widths[try row["photoHash"], default: []].append(try row["width"])
            }
        }
        return try rows.map { row in
            let hash: String = try row["hash"]
            let width: Int = try row["width"]
            guard let format = PhotoFormat(rawValue: try row["format"]) else {
                throw SchemaMismatch.unexpectedValue(column: "format", value: try row["format"], expected: "format")
            }
            return PlacedPhoto(
                id: try row["id"], hash: hash, alt: try row["alt"],
                original: .init(width: width, height: try row["height"], format: format),
                widths: ((widths[hash] ?? []) + [width]).sorted())
        }
    }
}

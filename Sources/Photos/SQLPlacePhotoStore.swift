import Community
import Foundation
import Storage

/// `PlacePhotoStore` on either engine, over the photo store's tables.
package struct SQLPlacePhotoStore: PlacePhotoStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func place(_ photo: ProcessedPhoto, on place: PhotoPlace, alt: String, by actor: User.ID, at date: Date)
        async throws -> PlacedPhoto
    {
        let (table, column) = Self.table(place.kind)
        return try await database.write { db in
            // Two uploads at once: one replaces the other rather than both failing on the unique index.
            try await db.takeTurns(on: "\(table):\(place.id)")
            let replaced: String? = try await db.value(
                "DELETE FROM \(table) WHERE \(column) = ? RETURNING photoHash", [place.id])
            try await SQLPhotoStore.store(photo, at: date, db)
            let id = try await db.insert(
                "INSERT INTO \(table) (\(column), photoHash, alt, addedAt) VALUES (?, ?, ?, ?)",
                [place.id, photo.hash, alt, date])
            if let replaced, replaced != photo.hash { try await SQLPhotoStore.deleteIfUnplaced(replaced, db) }
            var details = ["photo": String(photo.hash.prefix(12))]
            if let replaced { details["replaced"] = String(replaced.prefix(12)) }
            try await db.appendAudit(
                Self.action(place.kind, adding: true), subject: place.subject, actor: actor, zone: place.zoneID,
                at: date, details: details)
            return SQLPhotoStore.placed(id: id, photo: photo, alt: alt)
        }
    }

    package func remove(from place: PhotoPlace, by actor: User.ID, at date: Date) async throws {
        let (table, column) = Self.table(place.kind)
        try await database.write { db in
            guard
                let hash: String = try await db.value(
                    "DELETE FROM \(table) WHERE \(column) = ? RETURNING photoHash", [place.id])
            else { throw PhotoNotFound.photo.notFound }
            try await SQLPhotoStore.deleteIfUnplaced(hash, db)
            try await db.appendAudit(
                Self.action(place.kind, adding: false), subject: place.subject, actor: actor, zone: place.zoneID,
                at: date, details: ["photo": String(hash.prefix(12))])
        }
    }

    package func photos(_ kind: PhotoPlace.Kind, of ids: [Int64]) async throws -> [Int64: PlacedPhoto] {
        guard !ids.isEmpty else { return [:] }
        let (table, column) = Self.table(kind)
        return try await database.read { db in
            let rows = try await db.fetchAll(
                """
                SELECT q.id, q.\(column) AS place, q.alt, p.hash, p.width, p.height, p.format FROM \(table) q
                JOIN photo p ON p.hash = q.photoHash WHERE q.\(column) IN (\(SQL.marks(ids.count)))
                """, ids)
            let photos = try await SQLPhotoStore.placed(rows, db)
            var result: [Int64: PlacedPhoto] = [:]
            for (row, photo) in zip(rows, photos) { result[try row["place"]] = photo }
            return result
        }
    }

    /// The table holding a kind of place's photo, and its column naming the place.
    static func table(_ kind: PhotoPlace.Kind) -> (String, String) {
        switch kind {
        case .venue: ("popUpVenuePhoto", "venueId")
        case .market: ("marketPhoto", "marketId")
        }
    }

    static func action(_ kind: PhotoPlace.Kind, adding: Bool) -> PhotoAuditAction {
        switch kind {
        case .venue: adding ? .venuePhotoSet : .venuePhotoRemove
        case .market: adding ? .marketPhotoSet : .marketPhotoRemove
        }
    }
}

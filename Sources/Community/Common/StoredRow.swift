import Foundation
import Storage

/// Rows made into domain values, the same for both engines' stores (their queries name the same columns).
package enum StoredRows {
    package static func zone(from row: SQLRow) throws -> Zone {
        Zone(
            id: try row["id"], slug: try row["slug"],
            definition: try JSONColumn.decode(ZoneDefinition.self, from: try row["definition"]),
            retiredAt: try row["retiredAt"])
    }

    /// A user, from a `user` row and the zones it administers (read from `userZone` by the caller).
    package static func user(from row: SQLRow, zoneIDs: [Zone.ID]) throws -> User {
        User(
            id: try row["id"], email: try row["email"], displayName: try row["displayName"],
            role: Role(rawValue: try row["role"]) ?? .resident, zoneIDs: Set(zoneIDs),
            createdAt: try row["createdAt"], status: AccountStatus(rawValue: try row["status"]) ?? .disabled)
    }

    /// A merchant, from a `merchant` row and its zones in id order (read from `merchantZone` by the caller).
    package static func merchant(from row: SQLRow, zoneIDs: [Zone.ID]) throws -> Merchant {
        Merchant(
            id: try row["id"], ownerID: try row["ownerId"], slug: try row["slug"],
            profile: try JSONColumn.decode(MerchantProfile.self, from: try row["profile"]), zoneIDs: zoneIDs,
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"],
            confirmedAt: try row["confirmedAt"], hiddenAt: try row["hiddenAt"],
            claimable: Bool.read(row.raw("claimable")) ?? false)
    }

    package static func commune(from row: SQLRow) throws -> CommuneMatch {
        CommuneMatch(
            commune: try row["commune"], postcode: try row["postcode"], zoneSlug: try row["slug"],
            zoneName: try row["zoneName"])
    }

    /// A post, from `SQLPostStore.select`'s columns.
    package static func post(from row: SQLRow) throws -> Post {
        let content = PostContent(
            kind: PostKind(rawValue: try row["kind"]) ?? .news, title: try row["title"],
            body: try row["body"], category: Category(rawValue: try row["category"]) ?? .services,
            priceCents: try row["priceCents"], imageURL: try row["imageURL"],
            validFrom: try row["validFrom"], validUntil: try row["validUntil"], eventAt: try row["eventAt"],
            publishAt: try row["publishAt"])
        return Post(
            id: try row["id"], zoneID: try row["zoneId"], zoneSlug: try row["zoneSlug"],
            merchantID: try row["merchantId"], merchantSlug: try row["merchantSlug"],
            merchantName: try row["merchantName"], content: content,
            status: PostStatus(rawValue: try row["status"]) ?? .draft,
            heldReasons: try JSONColumn.decode([String].self, from: try row["heldReasons"]),
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"],
            publishedAt: try row["publishedAt"])
    }

    package static func auditEntry(from row: SQLRow) throws -> AuditEntry {
        AuditEntry(
            id: try row["id"], at: try row["at"], actorID: try row["actorId"], zoneID: try row["zoneId"],
            action: try row["action"], subject: try row["subject"], details: try row["details"])
    }

}

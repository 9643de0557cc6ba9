import Community
import Foundation
import Storage

/// A market's row made into its record.
extension StoredRows {
    static func market(from row: SQLRow) throws -> Market {
        Market(
            id: try row["id"], zoneID: try row["zoneId"], slug: try row["slug"],
            draft: MarketDraft(
                title: try row["title"], description: try row["description"], startsAt: try row["startsAt"],
                endsAt: try row["endsAt"], applicationsOpenAt: try row["applicationsOpenAt"],
                applicationsCloseAt: try row["applicationsCloseAt"]),
            createdAt: try row["createdAt"])
    }

}

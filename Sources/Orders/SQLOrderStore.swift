import Catalogue
import Community
import Foundation
import Storage

/// `OrderStore` on either engine: windows and campaigns here, requests in `SQLOrderStore+Requests.swift`.
package struct SQLOrderStore: OrderStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    package func addWindow(
        _ window: WindowDetails, to merchant: Merchant, limit: Int, by actor: User.ID, at date: Date
    ) async throws -> CollectionWindow {
        try await database.write { db in
            try await db.takeTurns(on: "windows:\(merchant.id)")
            let offered: Int =
                try await db.value(
                    "SELECT count(*) FROM collectionWindow WHERE merchantId = ? AND removedAt IS NULL AND endsAt > ?",
                    [merchant.id, date]) ?? 0
            guard offered < limit else {
                throw OrdersProblem.tooManyWindows.error("a merchant offers \(limit) upcoming windows at most")
            }
            let id = CollectionWindow.ID(
                try await db.insert(
                    """
                    INSERT INTO collectionWindow (merchantId, startsAt, endsAt, capacity, createdAt)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                    [merchant.id, window.startsAt, window.endsAt, window.capacity, date]))
            try await db.appendAudit(
                OrdersAuditAction.windowAdd, subject: "collectionWindow:\(id)", actor: actor,
                zone: merchant.zoneIDs.first, at: date,
                details: ["merchant": merchant.slug, "capacity": String(window.capacity)])
            guard let stored = try await OrderRows.window(id: id, db) else { throw OrdersNotFound.window.notFound }
            return stored
        }
    }

    package func removeWindow(_ id: CollectionWindow.ID, of merchant: Merchant, by actor: User.ID, at date: Date)
        async throws
    {
        try await database.write { db in
            let removed = try await db.execute(
                "UPDATE collectionWindow SET removedAt = ? WHERE id = ? AND merchantId = ? AND removedAt IS NULL",
                [date, id, merchant.id])
            guard removed == 1 else { throw OrdersNotFound.window.notFound }
            try await db.appendAudit(
                OrdersAuditAction.windowRemove, subject: "collectionWindow:\(id)", actor: actor,
                zone: merchant.zoneIDs.first, at: date, details: ["merchant": merchant.slug])
        }
    }

    package func window(id: CollectionWindow.ID) async throws -> CollectionWindow? {
        try await database.read { db in try await OrderRows.window(id: id, db) }
    }

    package func windows(of merchant: Merchant.ID, endingAfter date: Date) async throws -> [CollectionWindow] {
        try await database.read { db in
            try await db.fetchAll(
                OrderRows.windowSelect
                    + """
                     WHERE collectionWindow.merchantId = ? AND collectionWindow.removedAt IS NULL
                      AND collectionWindow.endsAt > ? ORDER BY collectionWindow.startsAt, collectionWindow.id
                    """, [merchant, date]
            ).map(OrderRows.window(from:))
        }
    }

    package func openCampaign(
        _ campaign: CampaignDetails, products: [Product], of merchant: Merchant, limit: Int, by actor: User.ID,
        at date: Date
    ) async throws -> PreOrderCampaign {
        try await database.write { db in
            try await db.takeTurns(on: "campaigns:\(merchant.id)")
            let open: Int =
                try await db.value(
                    "SELECT count(*) FROM preOrderCampaign WHERE merchantId = ? AND closesAt > ?", [merchant.id, date])
                ?? 0
            guard open < limit else {
                throw OrdersProblem.tooManyCampaigns.error("a merchant has \(limit) open campaigns at most")
            }
            let id = PreOrderCampaign.ID(
                try await db.insert(
                    """
                    INSERT INTO preOrderCampaign (merchantId, title, description, closesAt, collectFrom, collectUntil,
                      createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        merchant.id, campaign.title, campaign.description, campaign.closesAt, campaign.collectFrom,
                        campaign.collectUntil, date,
                    ]))
            for (position, entry) in campaign.products.enumerated() {
                // The product is read again here: one removed since the service looked is refused.
                let listed: Int =
                    try await db.value(
                        "SELECT count(*) FROM product WHERE id = ? AND merchantId = ? AND removedAt IS NULL",
                        [entry.productID, merchant.id]) ?? 0
                guard listed == 1 else {
                    throw OrdersField.campaignProducts.invalid(
                        "product \(entry.productID) is not in this catalogue", at: "[\(position)]")
                }
                try await db.execute(
                    "INSERT INTO campaignProduct (campaignId, productId, position, quantity) VALUES (?, ?, ?, ?)",
                    [id, entry.productID, position, entry.quantity])
            }
            try await db.appendAudit(
                OrdersAuditAction.campaignOpen, subject: "preOrderCampaign:\(id)", actor: actor,
                zone: merchant.zoneIDs.first, at: date, details: ["merchant": merchant.slug, "title": campaign.title])
            guard let stored = try await OrderRows.campaigns("id = ?", [id], db).first else {
                throw OrdersNotFound.campaign.notFound
            }
            return stored
        }
    }

    package func closeCampaign(_ id: PreOrderCampaign.ID, of merchant: Merchant, by actor: User.ID, at date: Date)
        async throws -> PreOrderCampaign
    {
        try await database.write { db in
            guard
                let found = try await db.fetchOne(
                    "SELECT closesAt FROM preOrderCampaign WHERE id = ? AND merchantId = ?" + db.forUpdate,
                    [id, merchant.id])
            else { throw OrdersNotFound.campaign.notFound }
            let closesAt: Date = try found["closesAt"]
            if closesAt > date {
                try await db.execute("UPDATE preOrderCampaign SET closesAt = ? WHERE id = ?", [date, id])
                try await db.appendAudit(
                    OrdersAuditAction.campaignClose, subject: "preOrderCampaign:\(id)", actor: actor,
                    zone: merchant.zoneIDs.first, at: date, details: ["merchant": merchant.slug])
            }
            guard let stored = try await OrderRows.campaigns("id = ?", [id], db).first else {
                throw OrdersNotFound.campaign.notFound
            }
            return stored
        }
    }

    package func campaign(id: PreOrderCampaign.ID) async throws -> PreOrderCampaign? {
        try await database.read { db in try await OrderRows.campaigns("id = ?", [id], db).first }
    }

    package func campaigns(of merchant: Merchant.ID, openAt: Date?) async throws -> [PreOrderCampaign] {
        try await database.read { db in
            if let openAt {
                return try await OrderRows.campaigns("merchantId = ? AND closesAt > ?", [merchant, openAt], db)
            }
            return try await OrderRows.campaigns("merchantId = ?", [merchant], db)
        }
    }
}

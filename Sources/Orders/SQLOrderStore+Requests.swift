import Catalogue
import Community
import Foundation
import Storage

extension SQLOrderStore {
    package func request(
        _ new: NewOrderRequest, limits: (perMerchant: Int, inAll: Int), by actor: User.ID?, at date: Date
    ) async throws -> OrderRequest {
        try await OrderRows.mappingConflicts {
            try await database.write { db in
                // One address's requests take turns, so that two at once cannot together pass its limits.
                try await db.takeTurns(on: "orders:\(new.email)")
                let merchants: [Int64] = try await db.values(
                    """
                    SELECT merchantId FROM orderRequest WHERE (email = ? OR userId = ?)
                      AND status IN \(OrderRows.list(OrderStatus.allCases.filter(\.isOpen)))
                    """, [new.email, new.userID])
                guard merchants.count < limits.inAll else {
                    throw OrdersProblem.tooManyOpen.error("you already have \(limits.inAll) open orders")
                }
                guard merchants.filter({ $0 == new.merchant.id.rawValue }).count < limits.perMerchant else {
                    throw OrdersProblem.tooManyOpenWithMerchant.error(
                        "you already have \(limits.perMerchant) open orders with this merchant")
                }
                if let windowID = new.windowID {
                    // The window's row is locked first: the places counted here stay counted until this commits.
                    guard let window = try await OrderRows.window(id: windowID, db, locking: true),
                        window.merchantID == new.merchant.id
                    else { throw OrdersNotFound.window.notFound }
                    try OrderRules.checkChoosable(window, now: date)
                }
                if let campaignID = new.campaignID {
                    try await Self.checkOpen(campaignID, merchant: new.merchant.id, at: date, db)
                    if new.status == .accepted {
                        try await Self.promise(
                            new.lines.map { ($0.request.productID, $0.request.quantity) }, in: campaignID, db)
                    }
                }
                let id = OrderRequest.ID(
                    try await db.insert(
                        """
                        INSERT INTO orderRequest (merchantId, windowId, campaignId, userId, email, residentName, note,
                          status, tokenHash, confirmBy, answerBy, createdAt, updatedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                        [
                            new.merchant.id, new.windowID, new.campaignID, new.userID, new.email, new.residentName,
                            new.note, new.status.rawValue, new.tokenHash, new.confirmBy, new.answerBy, date, date,
                        ]))
                for (line, product) in new.lines {
                    try await db.execute(
                        """
                        INSERT INTO orderLine (orderId, productId, name, priceCents, quantity, acceptedQuantity)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                        [
                            id, product.id, product.name, product.details.priceCents, line.quantity,
                            new.status == .accepted ? line.quantity : nil,
                        ])
                }
                try await db.appendAudit(
                    new.campaignID == nil ? OrdersAuditAction.request : .preOrder, subject: "orderRequest:\(id)",
                    actor: actor, zone: new.merchant.zoneIDs.first, at: date,
                    details: ["merchant": new.merchant.slug, "status": new.status.rawValue])
                guard let stored = try await OrderRows.request(id: id, db) else { throw OrdersNotFound.order.notFound }
                return stored
            }
        }
    }

    package func transition(
        _ id: OrderRequest.ID, _ change: OrderChange, by actor: User.ID?, at date: Date,
        check: @escaping @Sendable (OrderRequest) throws -> Void
    ) async throws -> OrderRequest {
        try await OrderRows.mappingConflicts {
            try await database.write { db in
                guard let current = try await OrderRows.request(id: id, db, locking: true) else {
                    throw OrdersNotFound.order.notFound
                }
                try check(current)  // ownership first: another merchant's request is not found, whatever its status
                guard current.status.next.contains(change.to) else {
                    if current.status.isFinal {
                        throw OrdersProblem.orderFinal.error(
                            "this order is \(current.status.english) and no longer changes")
                    }
                    throw OrdersProblem.wrongStatus.error(
                        "this order is \(current.status.english); it cannot become \(change.to.english)")
                }
                if let campaign = current.campaignID {
                    if change.to == .accepted {
                        try await Self.checkOpen(campaign, merchant: current.merchantID, at: date, db)
                        try await Self.promise(current.lines.map { ($0.productID, $0.quantity) }, in: campaign, db)
                        try await db.execute("UPDATE orderLine SET acceptedQuantity = quantity WHERE orderId = ?", [id])
                    } else if current.status.holdsPlace && !change.to.holdsPlace {
                        for line in current.lines.sorted(by: { $0.productID < $1.productID }) {
                            try await db.execute(
                                """
                                UPDATE campaignProduct SET promised = promised - ?
                                WHERE campaignId = ? AND productId = ?
                                """, [line.acceptedQuantity ?? 0, campaign, line.productID])
                        }
                    }
                }
                for (line, quantity) in change.accepted ?? [:] {
                    try await db.execute(
                        "UPDATE orderLine SET acceptedQuantity = ? WHERE id = ? AND orderId = ?", [quantity, line, id])
                }
                try await db.execute(
                    """
                    UPDATE orderRequest SET status = ?, reason = coalesce(?, reason), answerBy = coalesce(?, answerBy),
                      updatedAt = ?
                    WHERE id = ?
                    """, [change.to.rawValue, change.reason, change.answerBy, date, id])
                try await db.appendAudit(
                    change.audit, subject: "orderRequest:\(id)", actor: actor,
                    zone: try await db.value(
                        "SELECT min(zoneId) FROM merchantZone WHERE merchantId = ?", [current.merchantID]),
                    at: date, details: ["from": current.status.rawValue, "to": change.to.rawValue])
                guard let stored = try await OrderRows.request(id: id, db) else { throw OrdersNotFound.order.notFound }
                return stored
            }
        }
    }

    package func expireOverdue(at date: Date) async throws -> [OrderRequest] {
        try await database.write { db in
            let due = try await db.fetchAll(
                """
                SELECT id, status, merchantId FROM orderRequest
                WHERE (status = 'requested' AND answerBy <= ?) OR (status = 'unconfirmed' AND confirmBy <= ?)
                ORDER BY id\(db.skipLocked)
                """, [date, date])
            var ids: [OrderRequest.ID] = []
            for row in due {
                let id: OrderRequest.ID = try row["id"]
                let status: String = try row["status"]
                let merchant: Merchant.ID = try row["merchantId"]
                let reason = status == OrderStatus.unconfirmed.rawValue ? "not_confirmed" : "not_answered"
                try await db.execute(
                    "UPDATE orderRequest SET status = 'expired', reason = ?, updatedAt = ? WHERE id = ?",
                    [reason, date, id])
                try await db.appendAudit(
                    OrdersAuditAction.expire, subject: "orderRequest:\(id)", actor: nil,
                    zone: try await db.value("SELECT min(zoneId) FROM merchantZone WHERE merchantId = ?", [merchant]),
                    at: date, details: ["from": status, "reason": reason])
                ids.append(id)
            }
            guard !ids.isEmpty else { return [] }
            return try await OrderRows.requests(
                "id IN (\(SQL.marks(ids.count)))", ids, order: "id", limit: ids.count, db)
        }
    }

    package func request(id: OrderRequest.ID) async throws -> OrderRequest? {
        try await database.read { db in try await OrderRows.request(id: id, db) }
    }

    package func request(tokenHash: String) async throws -> OrderRequest? {
        try await database.read { db in try await OrderRows.requests("tokenHash = ?", [tokenHash], db).first }
    }

    package func requests(
        of merchant: Merchant.ID, statuses: Set<OrderStatus>?, window: CollectionWindow.ID?, limit: Int
    ) async throws -> [OrderRequest] {
        try await database.read { db in
            var clause = "merchantId = ?"
            var arguments: [any SQLBindable] = [merchant]
            if let statuses { clause += " AND status IN \(OrderRows.list(statuses))" }
            if let window {
                clause += " AND windowId = ?"
                arguments.append(window)
            }
            return try await OrderRows.requests(clause, arguments, limit: limit, db)
        }
    }

    package func requests(of user: User.ID, limit: Int) async throws -> [OrderRequest] {
        try await database.read { db in try await OrderRows.requests("userId = ?", [user], limit: limit, db) }
    }

    package func requests(inWindow window: CollectionWindow.ID, holdingOnly: Bool) async throws -> [OrderRequest] {
        try await database.read { db in
            let holding = OrderRows.list(OrderStatus.allCases.filter(\.holdsPlace))
            return try await OrderRows.requests(
                "windowId = ?" + (holdingOnly ? " AND status IN \(holding)" : ""), [window], order: "id",
                limit: 10_000, db)
        }
    }

    package func requests(inCampaign campaign: PreOrderCampaign.ID, statuses: Set<OrderStatus>?) async throws
        -> [OrderRequest]
    {
        try await database.read { db in
            try await OrderRows.requests(
                "campaignId = ?" + (statuses.map { " AND status IN \(OrderRows.list($0))" } ?? ""), [campaign],
                order: "id", limit: 100_000, db)
        }
    }

    /// Refuses ordering in a campaign that is not `merchant`'s or has closed at `date`; the campaign's row is
    /// shared-locked on PostgreSQL so that closing it waits for orders under way.
    static func checkOpen(_ id: PreOrderCampaign.ID, merchant: Merchant.ID, at date: Date, _ db: any SQLTransaction)
        async throws
    {
        let lock = db.engine == .postgres ? " FOR SHARE" : ""
        guard
            let row = try await db.fetchOne(
                "SELECT closesAt FROM preOrderCampaign WHERE id = ? AND merchantId = ?" + lock, [id, merchant])
        else { throw OrdersNotFound.campaign.notFound }
        let closesAt: Date = try row["closesAt"]
        guard date < closesAt else { throw OrdersProblem.campaignClosed.error("orders in this campaign are closed") }
    }

    /// Promises units of a campaign's products: each counter moves only while it stays within its quantity (the
    /// CHECK on `promised` guards it too). Rows are taken in product order so that two orders never wait on each
    /// other in a circle.
    static func promise(_ lines: [(Product.ID, Int)], in campaign: PreOrderCampaign.ID, _ db: any SQLTransaction)
        async throws
    {
        let indexed = lines.enumerated().sorted { $0.element.0 < $1.element.0 }
        for (index, (product, quantity)) in indexed {
            let changed = try await db.execute(
                """
                UPDATE campaignProduct SET promised = promised + ?
                WHERE campaignId = ? AND productId = ? AND promised + ? <= quantity
                """, [quantity, campaign, product, quantity])
            guard changed == 0 else { continue }
            guard
                let row = try await db.fetchOne(
                    """
                    SELECT cp.quantity - cp.promised AS remaining, p.name FROM campaignProduct cp
                    JOIN product p ON p.id = cp.productId WHERE cp.campaignId = ? AND cp.productId = ?
                    """, [campaign, product])
            else {
                throw OrdersField.lineProduct.line(
                    index, "product \(product) is not offered in this campaign",
                    french: "ce produit n'est pas proposé dans cette campagne.")
            }
            let left: Int = try row["remaining"]
            let name: String = try row["name"]
            throw CommunityError(
                OrdersProblem.soldOut, "lines[\(index)]: only \(left) units of \(name) are left",
                french: left == 0
                    ? "Ligne \(index + 1) : il ne reste plus aucune unité de « \(name) »."
                    : "Ligne \(index + 1) : il ne reste que \(left) unité\(left > 1 ? "s" : "") de « \(name) ».")
        }
    }
}

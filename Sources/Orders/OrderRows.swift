import Catalogue
import Community
import Foundation
import Storage

/// Reading order rows, shared by the store's files, and the conflicts the orders' triggers raise.
enum OrderRows {
    static let windowSelect = """
        SELECT collectionWindow.*,
          (SELECT count(*) FROM orderRequest r WHERE r.windowId = collectionWindow.id
            AND r.status IN \(list(OrderStatus.allCases.filter(\.holdsPlace)))) AS held
        FROM collectionWindow
        """

    /// `('a', 'b')` of statuses' stored names (fixed words, never input).
    static func list(_ statuses: some Sequence<OrderStatus>) -> String {
        "(" + statuses.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ") + ")"
    }

    static func window(from row: SQLRow) throws -> CollectionWindow {
        CollectionWindow(
            id: try row["id"], merchantID: try row["merchantId"], startsAt: try row["startsAt"],
            endsAt: try row["endsAt"], capacity: try row["capacity"], held: try row["held"],
            createdAt: try row["createdAt"], removedAt: try row["removedAt"])
    }

    static func window(id: CollectionWindow.ID, _ db: any SQLTransaction, locking: Bool = false) async throws
        -> CollectionWindow?
    {
        try await db.fetchOne(
            windowSelect + " WHERE collectionWindow.id = ?" + (locking ? db.forUpdate(of: "collectionWindow") : ""),
            [id]
        ).map(window(from:))
    }

    /// The requests `whereClause` selects, each with its lines, in `order`.
    static func requests(
        _ whereClause: String, _ arguments: [any SQLBindable], order: String = "id DESC", limit: Int = 1000,
        _ db: any SQLTransaction
    ) async throws -> [OrderRequest] {
        let rows = try await db.fetchAll(
            "SELECT * FROM orderRequest WHERE \(whereClause) ORDER BY \(order) LIMIT ?", arguments + [limit])
        guard !rows.isEmpty else { return [] }
        let ids: [Int64] = try rows.map { try $0["id"] }
        var lines: [Int64: [OrderLine]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try await db.fetchAll(
                "SELECT * FROM orderLine WHERE orderId IN (\(SQL.marks(chunk.count))) ORDER BY id", chunk)
            {
                lines[try row["orderId"], default: []].append(
                    OrderLine(
                        id: try row["id"], productID: try row["productId"], name: try row["name"],
                        priceCents: try row["priceCents"], quantity: try row["quantity"],
                        acceptedQuantity: try row["acceptedQuantity"]))
            }
        }
        return try rows.map { row in
            let code: String = try row["status"]
            guard let status = OrderStatus(rawValue: code) else {
                throw SchemaMismatch.unexpectedValue(column: "status", value: code, expected: "an order status")
            }
            let id: Int64 = try row["id"]
            return OrderRequest(
                id: OrderRequest.ID(id), merchantID: try row["merchantId"], windowID: try row["windowId"],
                campaignID: try row["campaignId"], userID: try row["userId"], email: try row["email"],
                residentName: try row["residentName"], note: try row["note"], status: status,
                reason: try row["reason"], confirmBy: try row["confirmBy"], answerBy: try row["answerBy"],
                lines: lines[id] ?? [], createdAt: try row["createdAt"], updatedAt: try row["updatedAt"])
        }
    }

    static func request(id: OrderRequest.ID, _ db: any SQLTransaction, locking: Bool = false) async throws
        -> OrderRequest?
    {
        if locking { try await db.execute("SELECT id FROM orderRequest WHERE id = ?" + db.forUpdate, [id]) }
        return try await requests("id = ?", [id], db).first
    }

    static func campaigns(_ whereClause: String, _ arguments: [any SQLBindable], _ db: any SQLTransaction)
        async throws -> [PreOrderCampaign]
    {
        let rows = try await db.fetchAll(
            "SELECT * FROM preOrderCampaign WHERE \(whereClause) ORDER BY closesAt DESC, id DESC", arguments)
        var result: [PreOrderCampaign] = []
        for row in rows {
            let id: PreOrderCampaign.ID = try row["id"]
            let products = try await db.fetchAll(
                """
                SELECT cp.productId, cp.quantity, cp.promised, p.name, p.priceCents FROM campaignProduct cp
                JOIN product p ON p.id = cp.productId WHERE cp.campaignId = ? ORDER BY cp.position
                """, [id]
            ).map {
                CampaignProduct(
                    productID: try $0["productId"], name: try $0["name"], priceCents: try $0["priceCents"],
                    quantity: try $0["quantity"], promised: try $0["promised"])
            }
            result.append(
                PreOrderCampaign(
                    id: id, merchantID: try row["merchantId"], title: try row["title"],
                    description: try row["description"], closesAt: try row["closesAt"],
                    collectFrom: try row["collectFrom"], collectUntil: try row["collectUntil"], products: products,
                    createdAt: try row["createdAt"]))
        }
        return result
    }

    /// Turns the orders' triggers' refusals into domain conflicts.
    static func mappingConflicts<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            if let message = raisedMessage(error) {
                if message.contains("order_window_full") {
                    throw OrdersProblem.windowFull.error("every place of this window is taken")
                }
                if message.contains("order_final") {
                    throw OrdersProblem.orderFinal.error("this order is over and no longer changes")
                }
            }
            throw error
        }
    }
}

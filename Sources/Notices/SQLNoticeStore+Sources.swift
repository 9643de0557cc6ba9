import Community
import Foundation
import Storage

extension SQLNoticeStore {
    package func heldItems() async throws -> [HeldItem] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT p.id, p.zoneId, p.title, m.name, p.updatedAt, CAST(p.heldReasons AS TEXT) AS reasons
                FROM post p JOIN merchant m ON m.id = p.merchantId
                WHERE p.status = 'held' ORDER BY p.updatedAt, p.id
                """
            ).map { row in
                HeldItem(
                    post: Post.ID(try row["id"] as Int64), zone: Zone.ID(try row["zoneId"] as Int64),
                    title: try row["title"], merchantName: try row["name"], heldSince: try row["updatedAt"],
                    byReports: (try row["reasons"] as String).contains("reports_threshold"))
            }
        }
    }

    package func waitingSignUps() async throws -> [WaitingSignUp] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT s.userId, s.zoneId, s.shopName, s.verifiedAt FROM signUp s JOIN "user" u ON u.id = s.userId
                WHERE s.verifiedAt IS NOT NULL AND s.decidedAt IS NULL AND u.status = 'pending'
                ORDER BY s.verifiedAt, s.userId
                """
            ).map { row in
                WaitingSignUp(
                    user: User.ID(try row["userId"] as Int64), zone: Zone.ID(try row["zoneId"] as Int64),
                    shopName: try row["shopName"], verifiedAt: try row["verifiedAt"])
            }
        }
    }

    package func bookingEvents(since: Date) async throws -> [BookingEvent] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT b.id, b.sequence, b.status, v.zoneId, s.id AS slotId, v.name AS venue, m.name AS merchant,
                    s.startsAt, s.timeZone, b.updatedAt, b.changedBy
                FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId JOIN popUpVenue v ON v.id = s.venueId
                JOIN merchant m ON m.id = b.merchantId
                WHERE (b.status = 'requested' OR (b.status IN ('cancelled', 'lapsed') AND b.updatedAt >= ?))
                ORDER BY b.updatedAt, b.id
                """, [since]
            ).map { row in
                BookingEvent(
                    booking: try row["id"], sequence: Int(try row["sequence"] as Int64), status: try row["status"],
                    zone: Zone.ID(try row["zoneId"] as Int64), slot: try row["slotId"], venueName: try row["venue"],
                    merchantName: try row["merchant"], startsAt: try row["startsAt"], timeZone: try row["timeZone"],
                    updatedAt: try row["updatedAt"],
                    changedBy: (try row["changedBy"] as Int64?).map(User.ID.init))
            }
        }
    }

    package func marketDecisions(since: Date) async throws -> [MarketDecisionEvent] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT a.id, k.title, k.slug, a.status, m.ownerId, a.decidedAt, a.reason
                FROM marketApplication a JOIN market k ON k.id = a.marketId JOIN merchant m ON m.id = a.merchantId
                WHERE a.status IN ('approved', 'rejected') AND a.decidedAt >= ? ORDER BY a.decidedAt, a.id
                """, [since]
            ).map { row in
                MarketDecisionEvent(
                    application: try row["id"], marketTitle: try row["title"], marketSlug: try row["slug"],
                    approved: (try row["status"] as String) == "approved",
                    owner: User.ID(try row["ownerId"] as Int64), decidedAt: try row["decidedAt"],
                    reason: try row["reason"])
            }
        }
    }

    package func marketOpenings(since: Date, now: Date) async throws -> [MarketOpeningEvent] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT id, zoneId, title, slug, applicationsOpenAt, applicationsCloseAt FROM market
                WHERE applicationsOpenAt >= ? AND applicationsOpenAt <= ? AND applicationsCloseAt > ?
                ORDER BY applicationsOpenAt, id
                """, [since, now, now]
            ).map { row in
                MarketOpeningEvent(
                    market: try row["id"], zone: Zone.ID(try row["zoneId"] as Int64), title: try row["title"],
                    slug: try row["slug"], opensAt: try row["applicationsOpenAt"],
                    closesAt: try row["applicationsCloseAt"])
            }
        }
    }
}

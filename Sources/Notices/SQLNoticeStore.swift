import Community
import Foundation
import Storage

/// `NoticeStore` on either engine. Besides its own preference table it only reads: held posts, sign-ups, bookings
/// and markets as their features store them, the way the operators' dashboard reads them for its counts.
package struct SQLNoticeStore: NoticeStore {
    let database: any SQLDatabase

    package init(database: any SQLDatabase) { self.database = database }

    /// Active accounts only: a disabled, waiting or deleted account is told nothing.
    static let active = "u.status = 'active' AND u.deletedAt IS NULL"

    package func preferences(user: User.ID) async throws -> [NoticeKind: NoticeDelivery] {
        try await allPreferences(where: "WHERE userId = ?", [user])[user] ?? [:]
    }

    package func allPreferences() async throws -> [User.ID: [NoticeKind: NoticeDelivery]] {
        try await allPreferences(where: "", [])
    }

    private func allPreferences(
        where clause: String, _ arguments: [any SQLBindable]
    ) async throws -> [User.ID: [NoticeKind: NoticeDelivery]] {
        try await database.read { db in
            var result: [User.ID: [NoticeKind: NoticeDelivery]] = [:]
            for row in try await db.fetchAll("SELECT userId, kind, delivery FROM noticePreference \(clause)", arguments)
            {
                // A kind or delivery this build does not know (written by a newer one) keeps its default.
                guard let kind = NoticeKind(rawValue: try row["kind"]),
                    let delivery = NoticeDelivery(rawValue: try row["delivery"])
                else { continue }
                result[User.ID(try row["userId"] as Int64), default: [:]][kind] = delivery
            }
            return result
        }
    }

    package func preferences(kind: NoticeKind, emails: [String]) async throws -> [String: NoticeDelivery] {
        guard !emails.isEmpty else { return [:] }
        return try await database.read { db in
            let (test, argument) = try db.isIn(emails.map { $0.lowercased() })
            var result: [String: NoticeDelivery] = [:]
            for row in try await db.fetchAll(
                """
                SELECT lower(u.email) AS email, p.delivery FROM noticePreference p JOIN "user" u ON u.id = p.userId
                WHERE p.kind = ? AND lower(u.email)\(test)
                """, [kind.rawValue, argument])
            {
                if let delivery = NoticeDelivery(rawValue: try row["delivery"]) { result[try row["email"]] = delivery }
            }
            return result
        }
    }

    package func setPreference(_ delivery: NoticeDelivery, kind: NoticeKind, user: User.ID, at date: Date) async throws
    {
        try await database.write { db in
            try await db.execute(
                """
                INSERT INTO noticePreference (userId, kind, delivery, updatedAt) VALUES (?, ?, ?, ?)
                ON CONFLICT (userId, kind) DO UPDATE SET delivery = excluded.delivery, updatedAt = excluded.updatedAt
                """, [user, kind.rawValue, delivery.rawValue, date])
        }
    }

    package func profile(user: User.ID) async throws -> NoticeProfile? {
        try await database.read { db in
            guard
                let row = try await db.fetchOne(
                    """
                    SELECT u.id, u.email, u.displayName, u.role,
                        (SELECT count(*) FROM popUpOrganiser o WHERE o.userId = u.id)
                            + (CASE WHEN u.role = 'zone-admin' THEN 1 ELSE 0 END) AS organiser,
                        (SELECT count(*) FROM merchant m WHERE m.ownerId = u.id) AS shops
                    FROM "user" u WHERE u.id = ? AND \(Self.active)
                    """, [user]),
                let role = Role(rawValue: try row["role"])
            else { return nil }
            return NoticeProfile(
                person: try Self.person(row), role: role, organiser: (try row["organiser"] as Int64) > 0,
                merchant: (try row["shops"] as Int64) > 0)
        }
    }

    package func zoneAdmins() async throws -> [Zone.ID: [NoticePerson]] {
        try await peopleByZone(
            """
            SELECT z.zoneId, u.id, u.email, u.displayName FROM userZone z JOIN "user" u ON u.id = z.userId
            WHERE u.role = 'zone-admin' AND \(Self.active) ORDER BY u.id
            """)
    }

    /// Organisers granted in the zone and its admins, who organise its pop-ups too.
    package func organisers() async throws -> [Zone.ID: [NoticePerson]] {
        try await peopleByZone(
            """
            SELECT DISTINCT g.zoneId, u.id, u.email, u.displayName
            FROM (SELECT userId, zoneId FROM popUpOrganiser UNION SELECT z.userId, z.zoneId FROM userZone z
                  JOIN "user" a ON a.id = z.userId WHERE a.role = 'zone-admin') g
            JOIN "user" u ON u.id = g.userId
            WHERE \(Self.active) ORDER BY u.id
            """)
    }

    package func operators() async throws -> [NoticePerson] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT u.id, u.email, u.displayName FROM \"user\" u WHERE u.role = 'operator' AND \(Self.active) "
                    + "ORDER BY u.id"
            ).map(Self.person)
        }
    }

    package func merchantOwners(zone: Zone.ID) async throws -> [NoticePerson] {
        try await database.read { db in
            try await db.fetchAll(
                """
                SELECT DISTINCT u.id, u.email, u.displayName FROM merchantZone mz
                JOIN merchant m ON m.id = mz.merchantId JOIN "user" u ON u.id = m.ownerId
                WHERE mz.zoneId = ? AND u.role = 'merchant' AND m.hiddenAt IS NULL AND \(Self.active) ORDER BY u.id
                """, [zone]
            ).map(Self.person)
        }
    }

    package func person(_ user: User.ID) async throws -> NoticePerson? {
        try await database.read { db in
            try await db.fetchOne(
                "SELECT u.id, u.email, u.displayName FROM \"user\" u WHERE u.id = ? AND \(Self.active)", [user]
            ).map(Self.person)
        }
    }

    private func peopleByZone(_ sql: String) async throws -> [Zone.ID: [NoticePerson]] {
        try await database.read { db in
            var result: [Zone.ID: [NoticePerson]] = [:]
            for row in try await db.fetchAll(sql) {
                result[Zone.ID(try row["zoneId"] as Int64), default: []].append(try Self.person(row))
            }
            return result
        }
    }

    static func person(_ row: SQLRow) throws -> NoticePerson {
        NoticePerson(id: User.ID(try row["id"] as Int64), email: try row["email"], name: try row["displayName"])
    }
}

import Community
import Foundation
import Storage

/// What an audit entry's subject (`post:12`, `merchant:2`, `popUpVenue:3`…) is called, for the log's sentences.
package struct AuditSubject: Equatable, Sendable {
    /// The kind written before the colon: `post`, `merchant`, `user`, `zone`, `market`, `popUpVenue`…
    package let kind: String
    /// Its name: the post's title, the shop's, the person's, the venue's…
    package let name: String
    /// Whose it is, when that says more: the shop of a post or of a market application.
    package let owner: String?
    /// The slug or number its public page is found by (a merchant's slug, a post's number), when it has one.
    package let key: String?

    package init(kind: String, name: String, owner: String? = nil, key: String? = nil) {
        self.kind = kind
        self.name = name
        self.owner = owner
        self.key = key
    }

    /// `post:12` as `("post", "12")`.
    package static func split(_ subject: String) -> (kind: String, key: String)? {
        guard let colon = subject.firstIndex(of: ":") else { return nil }
        return (String(subject[..<colon]), String(subject[subject.index(after: colon)...]))
    }

    /// The names of `subjects`, read in one transaction with one statement per kind.
    static func names(of subjects: [String], _ db: any SQLTransaction) async throws -> [String: AuditSubject] {
        var keys: [String: Set<String>] = [:]
        for subject in subjects {
            if let (kind, key) = split(subject) { keys[kind, default: []].insert(key) }
        }
        var found: [String: AuditSubject] = [:]
        func numbers(_ kind: String) -> [Int] { keys[kind, default: []].compactMap { Int($0) }.sorted() }
        func marks(_ count: Int) -> String { Array(repeating: "?", count: count).joined(separator: ", ") }

        let posts = numbers("post")
        if !posts.isEmpty {
            for row in try await db.fetchAll(
                """
                SELECT post.id, post.title, merchant.name AS merchantName FROM post
                JOIN merchant ON merchant.id = post.merchantId WHERE post.id IN (\(marks(posts.count)))
                """, posts)
            {
                let id: Int = try row["id"]
                found["post:\(id)"] = AuditSubject(
                    kind: "post", name: try row["title"], owner: try row["merchantName"], key: "\(id)")
            }
        }
        let merchantKeys = keys["merchant", default: []].sorted()
        if !merchantKeys.isEmpty {
            let ids = numbers("merchant")
            let byID = ids.isEmpty ? "" : "id IN (\(marks(ids.count))) OR "
            for row in try await db.fetchAll(
                "SELECT id, slug, name FROM merchant WHERE \(byID)slug IN (\(marks(merchantKeys.count)))",
                (ids as [any SQLBindable]) + (merchantKeys as [any SQLBindable]))
            {
                let id: Int = try row["id"]
                let slug: String = try row["slug"]
                let merchant = AuditSubject(kind: "merchant", name: try row["name"], key: slug)
                found["merchant:\(slug)"] = merchant
                found["merchant:\(id)"] = merchant
            }
        }
        let users = numbers("user")
        if !users.isEmpty {
            for row in try await db.fetchAll(
                "SELECT id, displayName FROM \"user\" WHERE id IN (\(marks(users.count)))", users)
            {
                let id: Int = try row["id"]
                let name: String? = try row["displayName"]
                if let name, !name.isEmpty { found["user:\(id)"] = AuditSubject(kind: "user", name: name) }
            }
        }
        let markets = keys["market", default: []].sorted()
        if !markets.isEmpty {
            for row in try await db.fetchAll(
                "SELECT slug, title FROM market WHERE slug IN (\(marks(markets.count)))", markets)
            {
                let slug: String = try row["slug"]
                found["market:\(slug)"] = AuditSubject(kind: "market", name: try row["title"], key: slug)
            }
        }
        let applications = numbers("marketApplication")
        if !applications.isEmpty {
            for row in try await db.fetchAll(
                """
                SELECT marketApplication.id, market.title, market.slug, merchant.name AS merchantName
                FROM marketApplication JOIN market ON market.id = marketApplication.marketId
                JOIN merchant ON merchant.id = marketApplication.merchantId
                WHERE marketApplication.id IN (\(marks(applications.count)))
                """, applications)
            {
                let id: Int = try row["id"]
                found["marketApplication:\(id)"] = AuditSubject(
                    kind: "marketApplication", name: try row["title"], owner: try row["merchantName"],
                    key: try row["slug"])
            }
        }
        let venues = numbers("popUpVenue")
        if !venues.isEmpty {
            for row in try await db.fetchAll(
                "SELECT id, name FROM popUpVenue WHERE id IN (\(marks(venues.count)))", venues)
            {
                let id: Int = try row["id"]
                found["popUpVenue:\(id)"] = AuditSubject(kind: "popUpVenue", name: try row["name"], key: "\(id)")
            }
        }
        let slots = numbers("popUpSlot")
        if !slots.isEmpty {
            for row in try await db.fetchAll(
                """
                SELECT popUpSlot.id, popUpVenue.name FROM popUpSlot JOIN popUpVenue ON popUpVenue.id = popUpSlot.venueId
                WHERE popUpSlot.id IN (\(marks(slots.count)))
                """, slots)
            {
                let id: Int = try row["id"]
                found["popUpSlot:\(id)"] = AuditSubject(kind: "popUpSlot", name: try row["name"], key: "\(id)")
            }
        }
        let bookings = numbers("popUpBooking")
        if !bookings.isEmpty {
            for row in try await db.fetchAll(
                """
                SELECT popUpBooking.id, popUpBooking.slotId, popUpVenue.name, merchant.name AS merchantName
                FROM popUpBooking JOIN popUpSlot ON popUpSlot.id = popUpBooking.slotId
                JOIN popUpVenue ON popUpVenue.id = popUpSlot.venueId
                JOIN merchant ON merchant.id = popUpBooking.merchantId
                WHERE popUpBooking.id IN (\(marks(bookings.count)))
                """, bookings)
            {
                let id: Int = try row["id"]
                let slot: Int = try row["slotId"]
                found["popUpBooking:\(id)"] = AuditSubject(
                    kind: "popUpBooking", name: try row["name"], owner: try row["merchantName"], key: "\(slot)")
            }
        }
        let series = numbers("popUpSeries")
        if !series.isEmpty {
            for row in try await db.fetchAll(
                """
                SELECT popUpSeries.id, popUpVenue.id AS venueId, popUpVenue.name FROM popUpSeries
                JOIN popUpVenue ON popUpVenue.id = popUpSeries.venueId WHERE popUpSeries.id IN (\(marks(series.count)))
                """, series)
            {
                let id: Int = try row["id"]
                let venue: Int = try row["venueId"]
                found["popUpSeries:\(id)"] = AuditSubject(kind: "popUpSeries", name: try row["name"], key: "\(venue)")
            }
        }
        let invitations = numbers("invitation")
        if !invitations.isEmpty {
            for row in try await db.fetchAll(
                "SELECT id, email FROM invitation WHERE id IN (\(marks(invitations.count)))", invitations)
            {
                let id: Int = try row["id"]
                found["invitation:\(id)"] = AuditSubject(kind: "invitation", name: try row["email"])
            }
        }
        return found
    }
}

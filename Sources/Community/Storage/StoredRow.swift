import Foundation
import GRDB

/// A value a store reads from a column, on either engine.
package protocol StoredValue: SQLReadable {
    static func read(_ row: Row, _ column: String) -> Self
}

extension StoredValue where Self: DatabaseValueConvertible {
    package static func read(_ row: Row, _ column: String) -> Self { row[column] }
}

extension String: StoredValue {}
extension Int: StoredValue {}
extension Int64: StoredValue {}
extension Bool: StoredValue {}
extension Double: StoredValue {}
extension Date: StoredValue {}
extension Data: StoredValue {}
extension Identifier: StoredValue {}

extension Optional: StoredValue where Wrapped: StoredValue & DatabaseValueConvertible {
    package static func read(_ row: Row, _ column: String) -> Wrapped? { row[column] }
}

/// A row read by column name on either engine, so that one function turns it into a domain value.
package protocol StoredRow {
    func column<T: StoredValue>(_ name: String) throws -> T
}

extension Row: StoredRow {
    package func column<T: StoredValue>(_ name: String) -> T { T.read(self, name) }
}

extension SQLRow: StoredRow {
    package func column<T: StoredValue>(_ name: String) throws -> T { try self[name] }
}

/// Rows made into domain values, the same for both engines' stores (their queries name the same columns).
enum StoredRows {
    static func zone(from row: some StoredRow) throws -> Zone {
        Zone(
            id: try row.column("id"), slug: try row.column("slug"),
            definition: try JSONColumn.decode(ZoneDefinition.self, from: try row.column("definition")),
            retiredAt: try row.column("retiredAt"))
    }

    /// A user, from a `user` row and the zones it administers (read from `userZone` by the caller).
    static func user(from row: some StoredRow, zoneIDs: [Zone.ID]) throws -> User {
        User(
            id: try row.column("id"), email: try row.column("email"), displayName: try row.column("displayName"),
            role: Role(rawValue: try row.column("role")) ?? .resident, zoneIDs: Set(zoneIDs),
            createdAt: try row.column("createdAt"))
    }

    /// A merchant, from a `merchant` row and its zones in id order (read from `merchantZone` by the caller).
    static func merchant(from row: some StoredRow, zoneIDs: [Zone.ID]) throws -> Merchant {
        Merchant(
            id: try row.column("id"), ownerID: try row.column("ownerId"), slug: try row.column("slug"),
            profile: try JSONColumn.decode(MerchantProfile.self, from: try row.column("profile")), zoneIDs: zoneIDs,
            createdAt: try row.column("createdAt"), updatedAt: try row.column("updatedAt"),
            confirmedAt: try row.column("confirmedAt"))
    }

    static func commune(from row: some StoredRow) throws -> CommuneMatch {
        CommuneMatch(
            commune: try row.column("commune"), postcode: try row.column("postcode"), zoneSlug: try row.column("slug"),
            zoneName: try row.column("zoneName"))
    }

    /// A post, from `SQLPostStore.select`'s columns.
    static func post(from row: some StoredRow) throws -> Post {
        let content = PostContent(
            kind: PostKind(rawValue: try row.column("kind")) ?? .news, title: try row.column("title"),
            body: try row.column("body"), category: Category(rawValue: try row.column("category")) ?? .services,
            priceCents: try row.column("priceCents"), imageURL: try row.column("imageURL"),
            validFrom: try row.column("validFrom"), validUntil: try row.column("validUntil"), eventAt: try row.column("eventAt"),
            publishAt: try row.column("publishAt"))
        return Post(
            id: try row.column("id"), zoneID: try row.column("zoneId"), zoneSlug: try row.column("zoneSlug"),
            merchantID: try row.column("merchantId"), merchantSlug: try row.column("merchantSlug"),
            merchantName: try row.column("merchantName"), content: content,
            status: PostStatus(rawValue: try row.column("status")) ?? .draft,
            heldReasons: try JSONColumn.decode([String].self, from: try row.column("heldReasons")),
            createdAt: try row.column("createdAt"), updatedAt: try row.column("updatedAt"),
            publishedAt: try row.column("publishedAt"))
    }

    static func auditEntry(from row: some StoredRow) throws -> AuditEntry {
        AuditEntry(
            id: try row.column("id"), at: try row.column("at"), actorID: try row.column("actorId"), zoneID: try row.column("zoneId"),
            action: try row.column("action"), subject: try row.column("subject"), details: try row.column("details"))
    }

    /// A decision, with its moderator's name as `moderatorName`.
    static func decision(from row: some StoredRow) throws -> Decision {
        Decision(
            id: try row.column("id"), postID: try row.column("postId"), zoneID: try row.column("zoneId"),
            moderatorID: try row.column("moderatorId"), moderatorName: try row.column("moderatorName"),
            action: DecisionAction(rawValue: try row.column("action")) ?? .approve,
            reason: (try row.column("reasonCode") as String?).flatMap(ReasonCode.init(rawValue:)), note: try row.column("note"),
            at: try row.column("at"))
    }

    static func report(from row: some StoredRow) throws -> Report {
        Report(
            postID: try row.column("postId"), reason: ReportReason(rawValue: try row.column("reason")) ?? .other,
            note: try row.column("note"), at: try row.column("at"))
    }

    static func statement(from row: some StoredRow) throws -> StatementOfReasons {
        StatementOfReasons(
            postID: try row.column("postId"), action: DecisionAction(rawValue: try row.column("action")) ?? .remove,
            reason: ReasonCode(rawValue: try row.column("reasonCode") ?? "") ?? .other,
            rules: (try? JSONColumn.decode([String].self, from: row.column("heldReasons"))) ?? [],
            at: try row.column("at"))
    }

    /// The transparency record by month (`YYYY-MM` in UTC) from per-month counts (`month`, `n`): posts published,
    /// posts held, and refusals by `action` and `reasonCode`. Newest month first.
    static func transparency<R: StoredRow>(published: [R], held: [R], refusals: [R]) throws -> [TransparencyMonth] {
        var months: [String: TransparencyMonth] = [:]
        func bump(_ row: R, _ change: (inout TransparencyMonth) throws -> Void) throws {
            let month: String = try row.column("month")
            try change(&months[month, default: TransparencyMonth(month: month)])
        }
        for row in published { try bump(row) { $0.published = try row.column("n") } }
        for row in held { try bump(row) { $0.held = try row.column("n") } }
        for row in refusals {
            let reason = ReasonCode(rawValue: try row.column("reasonCode") ?? "") ?? .other
            let count: Int = try row.column("n")
            try bump(row) {
                if (try row.column("action") as String) == "reject" {
                    $0.rejected[reason, default: 0] += count
                } else {
                    $0.removed[reason, default: 0] += count
                }
            }
        }
        return months.values.sorted { $0.month > $1.month }
    }

    /// A subscription, with its zones as a comma-separated `zoneIds`.
    static func subscription(from row: some StoredRow) throws -> Subscription {
        let home: Zone.ID = try row.column("homeZoneId")
        let others = ((try row.column("zoneIds") as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
            .map(Zone.ID.init).filter { $0 != home }.sorted()
        let categories = try JSONColumn.decode([String].self, from: try row.column("categories"))
            .compactMap(Category.init)
        return Subscription(
            id: try row.column("id"), email: try row.column("email"),
            preferences: SubscriptionPreferences(
                zoneIDs: [home] + others, categories: categories,
                frequency: DigestFrequency(rawValue: try row.column("frequency")) ?? .weekly),
            status: SubscriptionStatus(rawValue: try row.column("status")) ?? .pending, createdAt: try row.column("createdAt"),
            confirmedAt: try row.column("confirmedAt"), lastDigestAt: try row.column("lastDigestAt"),
            digestCount: try row.column("digestCount"))
    }

    static func outboxMessage(from row: some StoredRow) throws -> OutboxMessage {
        OutboxMessage(
            id: try row.column("id"), recipient: try row.column("recipient"),
            payload: try JSONColumn.decode(OutboxPayload.self, from: try row.column("payload")),
            status: OutboxStatus(rawValue: try row.column("status")) ?? .failed, attempts: try row.column("attempts"),
            nextAttemptAt: try row.column("nextAttemptAt"), lastError: try row.column("lastError"),
            createdAt: try row.column("createdAt"), sentAt: try row.column("sentAt"))
    }

    static func market(from row: some StoredRow) throws -> Market {
        Market(
            id: try row.column("id"), zoneID: try row.column("zoneId"), slug: try row.column("slug"),
            draft: MarketDraft(
                title: try row.column("title"), description: try row.column("description"), startsAt: try row.column("startsAt"),
                endsAt: try row.column("endsAt"), applicationsOpenAt: try row.column("applicationsOpenAt"),
                applicationsCloseAt: try row.column("applicationsCloseAt")),
            createdAt: try row.column("createdAt"))
    }

    static func venue(from row: some StoredRow) throws -> PopUpVenue {
        PopUpVenue(
            id: try row.column("id"), zoneID: try row.column("zoneId"),
            details: PopUpVenueDetails(
                name: try row.column("name"), address: try row.column("address"), commune: try row.column("commune"),
                description: try row.column("description"), photoURL: try row.column("photoURL"),
                capacity: try row.column("capacity"), accessibility: try row.column("accessibility"),
                houseRules: try row.column("houseRules"), needsApproval: try row.column("needsApproval"),
                cancellationHours: try row.column("cancellationHours"), quota: try row.column("quota"),
                quotaPeriod: PopUpQuotaPeriod(rawValue: try row.column("quotaPeriod")) ?? .month),
            createdAt: try row.column("createdAt"), updatedAt: try row.column("updatedAt"))
    }

    /// A slot, from `PopUpRows.slotSelect`'s columns (with its `held` and `waiting` counts).
    static func slot(from row: some StoredRow) throws -> PopUpSlot {
        let start: String = try row.column("localStart")
        let end: String = try row.column("localEnd")
        guard let localStart = LocalDateTime(start), let localEnd = LocalDateTime(end) else {
            throw CommunityError.invalid("slot", "stored slot \(try row.column("id") as Int64) has unreadable times")
        }
        return PopUpSlot(
            id: try row.column("id"), venueID: try row.column("venueId"), seriesID: try row.column("seriesId"), start: localStart,
            end: localEnd, timeZone: try row.column("timeZone"), startsAt: try row.column("startsAt"),
            endsAt: try row.column("endsAt"), capacity: try row.column("capacity"), priceCents: try row.column("priceCents"),
            opensAt: try row.column("opensAt"), closesAt: try row.column("closesAt"),
            status: PopUpSlotStatus(rawValue: try row.column("status")) ?? .cancelled, held: try row.column("held"),
            waiting: try row.column("waiting"), sequence: try row.column("sequence"), updatedAt: try row.column("updatedAt"))
    }

    /// A booking, from `PopUpRows.bookingSelect`'s columns (with `merchantName`).
    static func booking(from row: some StoredRow) throws -> PopUpBooking {
        PopUpBooking(
            id: try row.column("id"), slotID: try row.column("slotId"), merchantID: try row.column("merchantId"),
            merchantName: try row.column("merchantName"),
            status: PopUpBookingStatus(rawValue: try row.column("status")) ?? .cancelled, reason: try row.column("reason"),
            offerExpiresAt: try row.column("offerExpiresAt"), postID: try row.column("postId"),
            sequence: try row.column("sequence"),
            createdAt: try row.column("createdAt"), updatedAt: try row.column("updatedAt"))
    }

    /// The hub's figures from the rows of `StatisticsQueries` (`outboxFailed` is its single count).
    static func statistics<R: StoredRow>(outbox: R?, outboxFailed: Int, held: R?, bookings: [R], at now: Date)
        throws -> HubStatistics
    {
        /// Seconds since the row's `oldest` (NULL when nothing waits), never negative (a message due later has not
        /// waited).
        func age(_ row: R?) throws -> Double {
            guard let oldest = try row.flatMap({ try $0.column("oldest") as Date? }) else { return 0 }
            return max(0, now.timeIntervalSince(oldest))
        }
        return HubStatistics(
            outboxDepth: try outbox?.column("depth") ?? 0, oldestOutboxSeconds: try age(outbox),
            outboxFailed: outboxFailed, heldPosts: try held?.column("count") ?? 0, oldestHeldSeconds: try age(held),
            bookings: Dictionary(try bookings.map { (try $0.column("status"), try $0.column("count")) }, uniquingKeysWith: +))
    }
}

/// The statistics store's queries, the same on both engines; each figure comes from an index (status columns), so a
/// scrape stays cheap on a large hub.
enum StatisticsQueries {
    static let outbox = """
        SELECT count(*) AS depth, min(nextAttemptAt) AS oldest FROM outboxMessage
        WHERE status IN ('pending', 'sending')
        """
    static let outboxFailed = "SELECT count(*) FROM outboxMessage WHERE status = 'failed'"
    static let held = "SELECT count(*) AS count, min(updatedAt) AS oldest FROM post WHERE status = 'held'"
    static let bookings = "SELECT status, count(*) AS count FROM popUpBooking GROUP BY status"
}

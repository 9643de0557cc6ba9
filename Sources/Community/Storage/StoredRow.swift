import Foundation
import GRDB

/// A value a store reads from a column, on either engine.
package protocol StoredValue {
    static func read(_ row: Row, _ column: String) -> Self
    static func read(_ row: PostgresRowValues, _ column: String) -> Self
}

extension StoredValue where Self: DatabaseValueConvertible & PostgresReadable {
    package static func read(_ row: Row, _ column: String) -> Self { row[column] }
    package static func read(_ row: PostgresRowValues, _ column: String) -> Self { row[column] }
}

extension String: StoredValue {}
extension Int: StoredValue {}
extension Int64: StoredValue {}
extension Bool: StoredValue {}
extension Double: StoredValue {}
extension Date: StoredValue {}
extension Data: StoredValue {}
extension Identifier: StoredValue {}

extension Optional: StoredValue where Wrapped: StoredValue & DatabaseValueConvertible & PostgresReadable {
    package static func read(_ row: Row, _ column: String) -> Wrapped? { row[column] }
    package static func read(_ row: PostgresRowValues, _ column: String) -> Wrapped? { row.nullable(column) }
}

/// A row read by column name on either engine, so that one function turns it into a domain value.
package protocol StoredRow {
    func column<T: StoredValue>(_ name: String) -> T
}

extension Row: StoredRow {
    package func column<T: StoredValue>(_ name: String) -> T { T.read(self, name) }
}

extension PostgresRowValues: StoredRow {
    package func column<T: StoredValue>(_ name: String) -> T { T.read(self, name) }
}

/// Rows made into domain values, the same for both engines' stores (their queries name the same columns).
enum StoredRows {
    static func zone(from row: some StoredRow) throws -> Zone {
        Zone(
            id: row.column("id"), slug: row.column("slug"),
            definition: try JSONColumn.decode(ZoneDefinition.self, from: row.column("definition")),
            retiredAt: row.column("retiredAt"))
    }

    /// A user, from a `user` row and the zones it administers (read from `userZone` by the caller).
    static func user(from row: some StoredRow, zoneIDs: [Zone.ID]) -> User {
        User(
            id: row.column("id"), email: row.column("email"), displayName: row.column("displayName"),
            role: Role(rawValue: row.column("role")) ?? .resident, zoneIDs: Set(zoneIDs),
            createdAt: row.column("createdAt"))
    }

    /// A merchant, from a `merchant` row and its zones in id order (read from `merchantZone` by the caller).
    static func merchant(from row: some StoredRow, zoneIDs: [Zone.ID]) throws -> Merchant {
        Merchant(
            id: row.column("id"), ownerID: row.column("ownerId"), slug: row.column("slug"),
            profile: try JSONColumn.decode(MerchantProfile.self, from: row.column("profile")), zoneIDs: zoneIDs,
            createdAt: row.column("createdAt"), updatedAt: row.column("updatedAt"),
            confirmedAt: row.column("confirmedAt"))
    }

    static func commune(from row: some StoredRow) -> CommuneMatch {
        CommuneMatch(
            commune: row.column("commune"), postcode: row.column("postcode"), zoneSlug: row.column("slug"),
            zoneName: row.column("zoneName"))
    }

    /// A post, from `SQLitePostStore.select`'s columns.
    static func post(from row: some StoredRow) throws -> Post {
        let content = PostContent(
            kind: PostKind(rawValue: row.column("kind")) ?? .news, title: row.column("title"),
            body: row.column("body"), category: Category(rawValue: row.column("category")) ?? .services,
            priceCents: row.column("priceCents"), imageURL: row.column("imageURL"),
            validFrom: row.column("validFrom"), validUntil: row.column("validUntil"), eventAt: row.column("eventAt"),
            publishAt: row.column("publishAt"))
        return Post(
            id: row.column("id"), zoneID: row.column("zoneId"), zoneSlug: row.column("zoneSlug"),
            merchantID: row.column("merchantId"), merchantSlug: row.column("merchantSlug"),
            merchantName: row.column("merchantName"), content: content,
            status: PostStatus(rawValue: row.column("status")) ?? .draft,
            heldReasons: try JSONColumn.decode([String].self, from: row.column("heldReasons")),
            createdAt: row.column("createdAt"), updatedAt: row.column("updatedAt"),
            publishedAt: row.column("publishedAt"))
    }

    static func auditEntry(from row: some StoredRow) -> AuditEntry {
        AuditEntry(
            id: row.column("id"), at: row.column("at"), actorID: row.column("actorId"), zoneID: row.column("zoneId"),
            action: row.column("action"), subject: row.column("subject"), details: row.column("details"))
    }

    /// A decision, with its moderator's name as `moderatorName`.
    static func decision(from row: some StoredRow) -> Decision {
        Decision(
            id: row.column("id"), postID: row.column("postId"), zoneID: row.column("zoneId"),
            moderatorID: row.column("moderatorId"), moderatorName: row.column("moderatorName"),
            action: DecisionAction(rawValue: row.column("action")) ?? .approve,
            reason: (row.column("reasonCode") as String?).flatMap(ReasonCode.init(rawValue:)), note: row.column("note"),
            at: row.column("at"))
    }

    static func report(from row: some StoredRow) -> Report {
        Report(
            postID: row.column("postId"), reason: ReportReason(rawValue: row.column("reason")) ?? .other,
            note: row.column("note"), at: row.column("at"))
    }

    static func statement(from row: some StoredRow) -> StatementOfReasons {
        StatementOfReasons(
            postID: row.column("postId"), action: DecisionAction(rawValue: row.column("action")) ?? .remove,
            reason: ReasonCode(rawValue: row.column("reasonCode") ?? "") ?? .other,
            rules: (try? JSONColumn.decode([String].self, from: row.column("heldReasons"))) ?? [],
            at: row.column("at"))
    }

    /// The transparency record by month (`YYYY-MM` in UTC) from per-month counts (`month`, `n`): posts published,
    /// posts held, and refusals by `action` and `reasonCode`. Newest month first.
    static func transparency<R: StoredRow>(published: [R], held: [R], refusals: [R]) -> [TransparencyMonth] {
        var months: [String: TransparencyMonth] = [:]
        func bump(_ row: R, _ change: (inout TransparencyMonth) -> Void) {
            let month: String = row.column("month")
            change(&months[month, default: TransparencyMonth(month: month)])
        }
        for row in published { bump(row) { $0.published = row.column("n") } }
        for row in held { bump(row) { $0.held = row.column("n") } }
        for row in refusals {
            let reason = ReasonCode(rawValue: row.column("reasonCode") ?? "") ?? .other
            let count: Int = row.column("n")
            bump(row) {
                if (row.column("action") as String) == "reject" {
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
        let home: Zone.ID = row.column("homeZoneId")
        let others = ((row.column("zoneIds") as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
            .map(Zone.ID.init).filter { $0 != home }.sorted()
        let categories = try JSONColumn.decode([String].self, from: row.column("categories"))
            .compactMap(Category.init)
        return Subscription(
            id: row.column("id"), email: row.column("email"),
            preferences: SubscriptionPreferences(
                zoneIDs: [home] + others, categories: categories,
                frequency: DigestFrequency(rawValue: row.column("frequency")) ?? .weekly),
            status: SubscriptionStatus(rawValue: row.column("status")) ?? .pending, createdAt: row.column("createdAt"),
            confirmedAt: row.column("confirmedAt"), lastDigestAt: row.column("lastDigestAt"),
            digestCount: row.column("digestCount"))
    }

    static func outboxMessage(from row: some StoredRow) throws -> OutboxMessage {
        OutboxMessage(
            id: row.column("id"), recipient: row.column("recipient"),
            payload: try JSONColumn.decode(OutboxPayload.self, from: row.column("payload")),
            status: OutboxStatus(rawValue: row.column("status")) ?? .failed, attempts: row.column("attempts"),
            nextAttemptAt: row.column("nextAttemptAt"), lastError: row.column("lastError"),
            createdAt: row.column("createdAt"), sentAt: row.column("sentAt"))
    }

    static func market(from row: some StoredRow) -> Market {
        Market(
            id: row.column("id"), zoneID: row.column("zoneId"), slug: row.column("slug"),
            draft: MarketDraft(
                title: row.column("title"), description: row.column("description"), startsAt: row.column("startsAt"),
                endsAt: row.column("endsAt"), applicationsOpenAt: row.column("applicationsOpenAt"),
                applicationsCloseAt: row.column("applicationsCloseAt")),
            createdAt: row.column("createdAt"))
    }

    static func venue(from row: some StoredRow) -> PopUpVenue {
        PopUpVenue(
            id: row.column("id"), zoneID: row.column("zoneId"),
            details: PopUpVenueDetails(
                name: row.column("name"), address: row.column("address"), commune: row.column("commune"),
                description: row.column("description"), photoURL: row.column("photoURL"),
                capacity: row.column("capacity"), accessibility: row.column("accessibility"),
                houseRules: row.column("houseRules"), needsApproval: row.column("needsApproval"),
                cancellationHours: row.column("cancellationHours"), quota: row.column("quota"),
                quotaPeriod: PopUpQuotaPeriod(rawValue: row.column("quotaPeriod")) ?? .month),
            createdAt: row.column("createdAt"), updatedAt: row.column("updatedAt"))
    }

    /// A slot, from `PopUpRows.slotSelect`'s columns (with its `held` and `waiting` counts).
    static func slot(from row: some StoredRow) throws -> PopUpSlot {
        let start: String = row.column("localStart")
        let end: String = row.column("localEnd")
        guard let localStart = LocalDateTime(start), let localEnd = LocalDateTime(end) else {
            throw CommunityError.invalid("slot", "stored slot \(row.column("id") as Int64) has unreadable times")
        }
        return PopUpSlot(
            id: row.column("id"), venueID: row.column("venueId"), seriesID: row.column("seriesId"), start: localStart,
            end: localEnd, timeZone: row.column("timeZone"), startsAt: row.column("startsAt"),
            endsAt: row.column("endsAt"), capacity: row.column("capacity"), priceCents: row.column("priceCents"),
            opensAt: row.column("opensAt"), closesAt: row.column("closesAt"),
            status: PopUpSlotStatus(rawValue: row.column("status")) ?? .cancelled, held: row.column("held"),
            waiting: row.column("waiting"), sequence: row.column("sequence"), updatedAt: row.column("updatedAt"))
    }

    /// A booking, from `PopUpRows.bookingSelect`'s columns (with `merchantName`).
    static func booking(from row: some StoredRow) -> PopUpBooking {
        PopUpBooking(
            id: row.column("id"), slotID: row.column("slotId"), merchantID: row.column("merchantId"),
            merchantName: row.column("merchantName"),
            status: PopUpBookingStatus(rawValue: row.column("status")) ?? .cancelled, reason: row.column("reason"),
            offerExpiresAt: row.column("offerExpiresAt"), postID: row.column("postId"),
            sequence: row.column("sequence"),
            createdAt: row.column("createdAt"), updatedAt: row.column("updatedAt"))
    }

    /// The hub's figures from the rows of `StatisticsQueries` (`outboxFailed` is its single count).
    static func statistics<R: StoredRow>(outbox: R?, outboxFailed: Int, held: R?, bookings: [R], at now: Date)
        -> HubStatistics
    {
        /// Seconds since the row's `oldest` (NULL when nothing waits), never negative (a message due later has not
        /// waited).
        func age(_ row: R?) -> Double {
            guard let oldest = row.flatMap({ $0.column("oldest") as Date? }) else { return 0 }
            return max(0, now.timeIntervalSince(oldest))
        }
        return HubStatistics(
            outboxDepth: outbox?.column("depth") ?? 0, oldestOutboxSeconds: age(outbox),
            outboxFailed: outboxFailed, heldPosts: held?.column("count") ?? 0, oldestHeldSeconds: age(held),
            bookings: Dictionary(bookings.map { ($0.column("status"), $0.column("count")) }, uniquingKeysWith: +))
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

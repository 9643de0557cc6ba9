import Foundation
import Storage

/// Rows made into domain values, the same for both engines' stores (their queries name the same columns).
enum StoredRows {
    static func zone(from row: SQLRow) throws -> Zone {
        Zone(
            id: try row["id"], slug: try row["slug"],
            definition: try JSONColumn.decode(ZoneDefinition.self, from: try row["definition"]),
            retiredAt: try row["retiredAt"])
    }

    /// A user, from a `user` row and the zones it administers (read from `userZone` by the caller).
    static func user(from row: SQLRow, zoneIDs: [Zone.ID]) throws -> User {
        User(
            id: try row["id"], email: try row["email"], displayName: try row["displayName"],
            role: Role(rawValue: try row["role"]) ?? .resident, zoneIDs: Set(zoneIDs),
            createdAt: try row["createdAt"])
    }

    /// A merchant, from a `merchant` row and its zones in id order (read from `merchantZone` by the caller).
    static func merchant(from row: SQLRow, zoneIDs: [Zone.ID]) throws -> Merchant {
        Merchant(
            id: try row["id"], ownerID: try row["ownerId"], slug: try row["slug"],
            profile: try JSONColumn.decode(MerchantProfile.self, from: try row["profile"]), zoneIDs: zoneIDs,
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"],
            confirmedAt: try row["confirmedAt"])
    }

    static func commune(from row: SQLRow) throws -> CommuneMatch {
        CommuneMatch(
            commune: try row["commune"], postcode: try row["postcode"], zoneSlug: try row["slug"],
            zoneName: try row["zoneName"])
    }

    /// A post, from `SQLPostStore.select`'s columns.
    static func post(from row: SQLRow) throws -> Post {
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

    static func auditEntry(from row: SQLRow) throws -> AuditEntry {
        AuditEntry(
            id: try row["id"], at: try row["at"], actorID: try row["actorId"], zoneID: try row["zoneId"],
            action: try row["action"], subject: try row["subject"], details: try row["details"])
    }

    /// A decision, with its moderator's name as `moderatorName`.
    static func decision(from row: SQLRow) throws -> Decision {
        Decision(
            id: try row["id"], postID: try row["postId"], zoneID: try row["zoneId"],
            moderatorID: try row["moderatorId"], moderatorName: try row["moderatorName"],
            action: DecisionAction(rawValue: try row["action"]) ?? .approve,
            reason: (try row["reasonCode"] as String?).flatMap(ReasonCode.init(rawValue:)), note: try row["note"],
            at: try row["at"])
    }

    static func report(from row: SQLRow) throws -> Report {
        Report(
            postID: try row["postId"], reason: ReportReason(rawValue: try row["reason"]) ?? .other,
            note: try row["note"], at: try row["at"])
    }

    static func statement(from row: SQLRow) throws -> StatementOfReasons {
        StatementOfReasons(
            postID: try row["postId"], action: DecisionAction(rawValue: try row["action"]) ?? .remove,
            reason: ReasonCode(rawValue: try row["reasonCode"] ?? "") ?? .other,
            rules: (try? JSONColumn.decode([String].self, from: row["heldReasons"])) ?? [],
            at: try row["at"])
    }

    /// The transparency record by month (`YYYY-MM` in UTC) from per-month counts (`month`, `n`): posts published,
    /// posts held, and refusals by `action` and `reasonCode`. Newest month first.
    static func transparency(published: [SQLRow], held: [SQLRow], refusals: [SQLRow]) throws -> [TransparencyMonth] {
        var months: [String: TransparencyMonth] = [:]
        func bump(_ row: SQLRow, _ change: (inout TransparencyMonth) throws -> Void) throws {
            let month: String = try row["month"]
            try change(&months[month, default: TransparencyMonth(month: month)])
        }
        for row in published { try bump(row) { $0.published = try row["n"] } }
        for row in held { try bump(row) { $0.held = try row["n"] } }
        for row in refusals {
            let reason = ReasonCode(rawValue: try row["reasonCode"] ?? "") ?? .other
            let count: Int = try row["n"]
            try bump(row) {
                if (try row["action"] as String) == "reject" {
                    $0.rejected[reason, default: 0] += count
                } else {
                    $0.removed[reason, default: 0] += count
                }
            }
        }
        return months.values.sorted { $0.month > $1.month }
    }

    /// A subscription, with its zones as a comma-separated `zoneIds`.
    static func subscription(from row: SQLRow) throws -> Subscription {
        let home: Zone.ID = try row["homeZoneId"]
        let others = ((try row["zoneIds"] as String?) ?? "").split(separator: ",").compactMap { Int64($0) }
            .map(Zone.ID.init).filter { $0 != home }.sorted()
        let categories = try JSONColumn.decode([String].self, from: try row["categories"])
            .compactMap(Category.init)
        return Subscription(
            id: try row["id"], email: try row["email"],
            preferences: SubscriptionPreferences(
                zoneIDs: [home] + others, categories: categories,
                frequency: DigestFrequency(rawValue: try row["frequency"]) ?? .weekly),
            status: SubscriptionStatus(rawValue: try row["status"]) ?? .pending, createdAt: try row["createdAt"],
            confirmedAt: try row["confirmedAt"], lastDigestAt: try row["lastDigestAt"],
            digestCount: try row["digestCount"])
    }

    static func outboxMessage(from row: SQLRow) throws -> OutboxMessage {
        OutboxMessage(
            id: try row["id"], recipient: try row["recipient"],
            payload: try JSONColumn.decode(OutboxPayload.self, from: try row["payload"]),
            status: OutboxStatus(rawValue: try row["status"]) ?? .failed, attempts: try row["attempts"],
            nextAttemptAt: try row["nextAttemptAt"], lastError: try row["lastError"],
            createdAt: try row["createdAt"], sentAt: try row["sentAt"])
    }

    static func market(from row: SQLRow) throws -> Market {
        Market(
            id: try row["id"], zoneID: try row["zoneId"], slug: try row["slug"],
            draft: MarketDraft(
                title: try row["title"], description: try row["description"], startsAt: try row["startsAt"],
                endsAt: try row["endsAt"], applicationsOpenAt: try row["applicationsOpenAt"],
                applicationsCloseAt: try row["applicationsCloseAt"]),
            createdAt: try row["createdAt"])
    }

    static func venue(from row: SQLRow) throws -> PopUpVenue {
        PopUpVenue(
            id: try row["id"], zoneID: try row["zoneId"],
            details: PopUpVenueDetails(
                name: try row["name"], address: try row["address"], commune: try row["commune"],
                description: try row["description"], photoURL: try row["photoURL"],
                capacity: try row["capacity"], accessibility: try row["accessibility"],
                houseRules: try row["houseRules"], needsApproval: try row["needsApproval"],
                cancellationHours: try row["cancellationHours"], quota: try row["quota"],
                quotaPeriod: PopUpQuotaPeriod(rawValue: try row["quotaPeriod"]) ?? .month),
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"])
    }

    /// A slot, from `PopUpRows.slotSelect`'s columns (with its `held` and `waiting` counts).
    static func slot(from row: SQLRow) throws -> PopUpSlot {
        let start: String = try row["localStart"]
        let end: String = try row["localEnd"]
        guard let localStart = LocalDateTime(start), let localEnd = LocalDateTime(end) else {
            throw CommunityError.invalid("slot", "stored slot \(try row["id"] as Int64) has unreadable times")
        }
        return PopUpSlot(
            id: try row["id"], venueID: try row["venueId"], seriesID: try row["seriesId"], start: localStart,
            end: localEnd, timeZone: try row["timeZone"], startsAt: try row["startsAt"],
            endsAt: try row["endsAt"], capacity: try row["capacity"], priceCents: try row["priceCents"],
            opensAt: try row["opensAt"], closesAt: try row["closesAt"],
            status: PopUpSlotStatus(rawValue: try row["status"]) ?? .cancelled, held: try row["held"],
            waiting: try row["waiting"], sequence: try row["sequence"], updatedAt: try row["updatedAt"])
    }

    /// A booking, from `PopUpRows.bookingSelect`'s columns (with `merchantName`).
    static func booking(from row: SQLRow) throws -> PopUpBooking {
        PopUpBooking(
            id: try row["id"], slotID: try row["slotId"], merchantID: try row["merchantId"],
            merchantName: try row["merchantName"],
            status: PopUpBookingStatus(rawValue: try row["status"]) ?? .cancelled, reason: try row["reason"],
            offerExpiresAt: try row["offerExpiresAt"], postID: try row["postId"],
            sequence: try row["sequence"],
            createdAt: try row["createdAt"], updatedAt: try row["updatedAt"])
    }

    /// The hub's figures from the rows of `StatisticsQueries` (`outboxFailed` is its single count).
    static func statistics(outbox: SQLRow?, outboxFailed: Int, held: SQLRow?, bookings: [SQLRow], at now: Date)
        throws -> HubStatistics
    {
        /// Seconds since the row's `oldest` (NULL when nothing waits), never negative (a message due later has not
        /// waited).
        func age(_ row: SQLRow?) throws -> Double {
            guard let oldest = try row.flatMap({ try $0["oldest"] as Date? }) else { return 0 }
            return max(0, now.timeIntervalSince(oldest))
        }
        return HubStatistics(
            outboxDepth: try outbox?["depth"] ?? 0, oldestOutboxSeconds: try age(outbox),
            outboxFailed: outboxFailed, heldPosts: try held?["count"] ?? 0, oldestHeldSeconds: try age(held),
            bookings: Dictionary(try bookings.map { (try $0["status"], try $0["count"]) }, uniquingKeysWith: +))
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
